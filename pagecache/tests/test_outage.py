"""The circuit breaker on its own, on a clock the test moves."""

import logging

import pytest

from pagecache.outage import Breaker, CacheUnavailable


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def breaker(clock):
    return Breaker("Redis at test", pause=1.0, log_every=60.0, clock=clock)


def fail(breaker):
    breaker.failed(ConnectionError("refused"))


def test_a_working_cache_is_always_used(breaker):
    assert all(breaker.allows() for _call in range(3))


def test_after_a_failure_the_cache_is_skipped_until_the_pause_is_over(breaker, clock):
    fail(breaker)
    clock.now += 0.9
    assert not breaker.allows()


def test_after_the_pause_one_caller_tries_and_the_others_keep_skipping(breaker, clock):
    fail(breaker)
    clock.now += 1.0
    assert [breaker.allows() for _caller in range(3)] == [True, False, False]


def test_a_try_that_succeeds_ends_the_outage(breaker, clock):
    fail(breaker)
    clock.now += 1.0
    assert breaker.allows()
    breaker.succeeded()
    assert all(breaker.allows() for _call in range(3))


def test_a_try_that_fails_starts_another_pause(breaker, clock):
    fail(breaker)
    clock.now += 1.0
    assert breaker.allows()
    fail(breaker)
    clock.now += 0.5
    assert not breaker.allows()


def test_failures_are_reported_once_a_minute_with_how_many_there_were(breaker, clock, caplog):
    with caplog.at_level(logging.WARNING, logger="pagecache.outage"):
        for _second in range(61):
            fail(breaker)
            clock.now += 1.0
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert "59 more failures since the last report" in messages[1]


def test_the_end_of_an_outage_is_reported_once(breaker, clock, caplog):
    fail(breaker)
    clock.now += 20.0
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="pagecache.outage"):
        breaker.succeeded()
        breaker.succeeded()
    assert [record.getMessage() for record in caplog.records] == ["Redis at test answers again after 20.0 s."]


def test_guard_turns_a_failure_into_cache_unavailable_and_then_skips_without_calling(breaker):
    calls = []

    def refused():
        calls.append(1)
        raise ConnectionError("refused")

    for _call in range(3):
        with pytest.raises(CacheUnavailable):
            breaker.guard(refused, errors=(ConnectionError,))
    assert len(calls) == 1


def test_guard_lets_other_errors_through_untouched(breaker):
    with pytest.raises(KeyError):
        breaker.guard(lambda: {}["missing"], errors=(ConnectionError,))
    assert breaker.allows()
