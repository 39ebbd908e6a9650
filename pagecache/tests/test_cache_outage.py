"""When Redis fails, visitors still get every page without waiting on it, and no edit is lost to the outage.

Each test runs a Redis of its own (pagecache.tests.redis_server) with the caches production
configures for one (pagecache.caches.redis_caches), then kills or freezes it while visitors
ask for pages from several threads at once. Killed: connections are refused. Frozen (SIGSTOP):
connections are accepted and nothing is answered, the case that used to hold every request
for the socket's five seconds. That no visitor waits is asserted by counting what reaches the
frozen Redis while visitors ask at once, not by timing the answers (speed lives in the benchmarks:
bench/load.py --redis-fault).
"""

import logging
import threading
import time

import pytest
from django.core.management import CommandError, call_command
from django.db import connections
from django.test import Client

from pagecache import generation, outage
from pagecache.caches import PAGE_CACHE_ALIAS, redis_caches
from pagecache.middleware import HEADER

from .conftest import page_urls
from .redis_server import REDIS_SERVER, RedisServer

# The migrated database put back once the module is done (its tests end with it flushed).
from .test_nginx_deployment import migrated_site_put_back  # noqa: F401  (a fixture)

pytestmark = [
    pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed (apt-get install redis-server)"),
    # Visitors in other threads read the database through connections of their own: the content must be
    # committed. When the module is done, migrated_site_put_back restores the migrated site.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VISITORS = 4
VISITS_EACH = 8
# The breaker's pause in these tests, shorter than production's to keep them short.
PAUSE = 0.3


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def pause():
    """The breaker's pause after a failure (a test may parametrize it)."""
    return PAUSE


@pytest.fixture
def redis_caches_on(settings, redis_server, pause, migrated_site_put_back):  # noqa: F811
    """The caches production configures for a Redis, on the test's own."""
    settings.CACHES = redis_caches(redis_server.url, failure_pause=pause, key_prefix="outage-test")
    settings.PAGE_CACHE_ALIAS = PAGE_CACHE_ALIAS
    yield
    generation.pending.forget()
    outage.reset()


def visit_together(urls, visitors=VISITORS, visits=VISITS_EACH):
    """Each visitor asks for every url in turn, `visits` times in all; (status, url) of every answer."""
    answers, lock = [], threading.Lock()
    start = threading.Barrier(visitors)

    def visitor(number):
        client = Client(raise_request_exception=False)
        start.wait()
        try:
            for visit in range(visits):
                url = urls[(number + visit) % len(urls)]
                status = client.get(url).status_code
                with lock:
                    answers.append((status, url))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=visitor, args=(number,)) for number in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def assert_every_page_answered(answers):
    assert len(answers) == VISITORS * VISITS_EACH
    assert [(status, url) for status, url in answers if status != 200] == []


def warm(visitor, urls):
    for url in urls:
        visitor.get(url)
    assert [visitor.get(url)[HEADER] for url in urls] == ["hit"] * len(urls)


def eventually_cached(visitor, url, within=10):
    """The page is served from the cache again once the breaker's pause is over (polled, `within` s at most)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if visitor.get(url).get(HEADER) == "hit":
            return True
        time.sleep(PAUSE / 3)
    return False


def test_pages_are_answered_while_redis_is_stopped_and_cached_again_once_it_is_back(
    redis_caches_on, redis_server, visitor, programme
):
    urls = page_urls(programme)
    warm(visitor, urls)
    redis_server.kill()
    assert_every_page_answered(visit_together(urls))
    redis_server.start()
    assert all(eventually_cached(visitor, url) for url in urls)


def test_pages_are_answered_while_redis_is_frozen_and_cached_again_once_it_answers(
    redis_caches_on, redis_server, visitor, programme
):
    urls = page_urls(programme)
    warm(visitor, urls)
    redis_server.freeze()
    assert_every_page_answered(visit_together(urls))
    redis_server.thaw()
    assert all(eventually_cached(visitor, url) for url in urls)


def test_an_edit_published_while_redis_is_frozen_shows_at_once_and_after_it_answers(
    redis_caches_on, redis_server, visitor, programme
):
    urls = page_urls(programme)
    warm(visitor, urls)
    redis_server.freeze()
    conference = programme["conference"]
    conference.title = "IASSIST Renamed While Redis Was Frozen"
    conference.save_revision().publish()  # the editor's publish succeeds
    # This visitor's worker holds copies of every page from before the edit: none is served unchecked.
    assert all(conference.title in visitor.get(url).content.decode() for url in urls)
    redis_server.thaw()
    assert all(eventually_cached(visitor, url) for url in urls)
    for url in urls:
        assert conference.title in visitor.get(url).content.decode(), url


def test_an_edit_published_while_redis_is_stopped_shows_once_it_is_back_with_its_old_pages(
    redis_caches_on, redis_server, visitor, programme
):
    urls = page_urls(programme)
    warm(visitor, urls)
    redis_server.save()  # what Redis's own snapshots do: it comes back with the pages from before the edit
    redis_server.kill()
    conference = programme["conference"]
    conference.title = "IASSIST Renamed While Redis Was Stopped"
    conference.save_revision().publish()
    redis_server.start()
    assert all(eventually_cached(visitor, url) for url in urls)
    for url in urls:
        assert conference.title in visitor.get(url).content.decode(), url


def test_an_edit_published_while_redis_refuses_writes_shows_at_once_and_after(
    redis_caches_on, redis_server, visitor, programme
):
    urls = page_urls(programme)
    warm(visitor, urls)
    redis_server.refuse_writes()  # out of memory: it still answers reads, with the pages from before the edit
    conference = programme["conference"]
    conference.title = "IASSIST Renamed While Redis Refused Writes"
    conference.save_revision().publish()
    assert all(conference.title in visitor.get(url).content.decode() for url in urls)
    redis_server.accept_writes()
    assert all(eventually_cached(visitor, url) for url in urls)
    for url in urls:
        assert conference.title in visitor.get(url).content.decode(), url


@pytest.mark.parametrize("pause", [60])
def test_a_failed_redis_is_skipped_for_a_moment_rather_than_tried_on_every_request(
    redis_caches_on, redis_server, visitor, programme
):
    url = programme["conference"].url
    visitor.get(url)
    before = redis_server.connections_received()
    redis_server.freeze()
    for _visit in range(20):
        assert visitor.get(url).status_code == 200
    redis_server.thaw()
    # Once for the page cache's breaker to open; nothing more while it is open.
    assert redis_server.connections_received() - before <= 2


def test_a_failing_redis_is_logged_once_not_on_every_request(
    redis_caches_on, redis_server, visitor, programme, caplog
):
    url = programme["conference"].url
    visitor.get(url)
    redis_server.kill()
    with caplog.at_level(logging.WARNING, logger="pagecache.outage"):
        for _visit in range(20):
            assert visitor.get(url).status_code == 200
            time.sleep(PAUSE / 4)  # the breaker lets a request try again now and then
    reports = [record for record in caplog.records if "failed" in record.getMessage()]
    assert len(reports) == 1, [record.getMessage() for record in reports]


def test_wagtails_own_use_of_the_cache_reads_the_database_while_redis_is_stopped(redis_caches_on, redis_server):
    from wagtail.models import Site

    expected = Site.get_site_root_paths()
    redis_server.kill()
    assert Site.get_site_root_paths() == expected


def test_purging_while_redis_is_stopped_says_nothing_was_purged(redis_caches_on, redis_server):
    redis_server.kill()
    with pytest.raises(CommandError, match="did not answer"):
        call_command("purge_page_cache", verbosity=0)


def test_a_change_waiting_for_redis_is_written_once_it_answers_without_waiting_for_a_visit(
    redis_caches_on, redis_server, visitor, programme
):
    # Other workers serve from Redis without knowing of the change: the worker that made it must write it soon.
    visitor.get(programme["index"].url)
    stored_token = redis_server.client().get(f"outage-test:1:{generation.GENERATION_KEY}")
    redis_server.refuse_writes()
    programme["conference"].save_revision().publish()
    redis_server.accept_writes()
    deadline = time.monotonic() + 10
    while redis_server.client().get(f"outage-test:1:{generation.GENERATION_KEY}") == stored_token:
        assert time.monotonic() < deadline, "the waiting change was never written"
        time.sleep(0.05)


@pytest.mark.parametrize("pause", [60])
def test_visitors_asking_at_once_meet_a_frozen_redis_once_each_at_most(
    redis_caches_on, redis_server, visitor, programme, settings
):
    urls = page_urls(programme)
    warm(visitor, urls)
    before = redis_server.connections_received()
    redis_server.freeze()
    assert_every_page_answered(visit_together(urls))
    redis_server.thaw()
    # 32 pages: each visitor may meet the freeze once per cache (the page cache and the default one)
    # before the first timeout opens the breakers; after that none tries it. Without the breakers
    # each page would try it, and wait for its timeout.
    assert redis_server.connections_received() - before <= VISITORS * len(settings.CACHES)
