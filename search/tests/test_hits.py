"""The search log's hits, tallied outside the database and written in bulk (search/hits.py)."""

import datetime
import threading
import uuid

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search import hits

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/12"


def _redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=0.5).ping()
    except redis.RedisError:
        return False


@pytest.fixture(params=["memory", "redis"])
def tally_in(request, settings):
    """Hits tallied in this process's memory (a file or memory cache), or in Redis (a Redis cache)."""
    if request.param == "redis":
        if not _redis_answers():
            pytest.skip("no Redis at 127.0.0.1:6379")
        prefix = f"test-hits-{uuid.uuid4().hex}"
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                        "KEY_PREFIX": prefix},
        }  # fmt: skip
        yield request.param
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
        caches["default"].close()
    else:
        yield request.param


def daily(text):
    return {row.date: row.hits for row in QueryDailyHits.objects.filter(query__query_string=text)}


def test_hits_wait_in_the_tally_until_a_flush_writes_them(tally_in):
    with override_settings(SEARCH_HITS_FLUSH_HITS=1000, SEARCH_HITS_FLUSH_SECONDS=3600):
        for _ in range(5):
            hits.count("census")
        assert not Query.objects.filter(query_string="census").exists()
        assert hits.flush() == 5
    assert daily("census") == {datetime.date.today(): 5}
    assert hits.flush() == 0


def test_counts_add_up_exactly_across_threshold_flushes(tally_in):
    # Flushes fall every seventh hit, in the middle of the queries' runs, and add to the rows they wrote.
    with override_settings(SEARCH_HITS_FLUSH_HITS=7, SEARCH_HITS_FLUSH_SECONDS=3600):
        for number in range(100):
            hits.count(["Census", "census ", "open data", "DDI"][number % 4])
        hits.flush()
    assert daily("census") == {datetime.date.today(): 50}
    assert daily("open data") == {datetime.date.today(): 25}
    assert daily("ddi") == {datetime.date.today(): 25}


def test_a_flush_adds_to_the_rows_already_written(tally_in):
    query = Query.objects.create(query_string="metadata")
    QueryDailyHits.objects.create(query=query, date=datetime.date.today(), hits=40)
    hits.count("metadata")
    hits.count("METADATA")
    hits.flush()
    assert query.hits == 42


def test_an_interval_flush_writes_after_the_seconds_set(tally_in):
    with override_settings(SEARCH_HITS_FLUSH_HITS=1000, SEARCH_HITS_FLUSH_SECONDS=0):
        hits.count("census")
    assert daily("census") == {datetime.date.today(): 1}


def test_hits_counted_by_many_threads_at_once_are_all_kept(tally_in):
    # What concurrent requests do to the tally: nothing added while a flush takes it is lost.
    written, failures = [], []
    with override_settings(SEARCH_HITS_FLUSH_HITS=10**6, SEARCH_HITS_FLUSH_SECONDS=3600):

        def search():
            for _ in range(250):
                hits.count("census")

        def take_meanwhile():
            try:
                for _ in range(50):
                    tally = hits._memory if tally_in == "memory" else hits._redis_tally()
                    taken = tally.take()
                    written.append(sum(taken.values()))
                    if taken:
                        tally.done()
            except Exception as error:  # noqa: BLE001 -- reported by the assertion below
                failures.append(error)

        threads = [threading.Thread(target=search) for _ in range(4)] + [threading.Thread(target=take_meanwhile)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        written.append(hits.flush())
    assert not failures
    assert sum(written) == 1000


def test_an_empty_query_counts_nothing(tally_in):
    hits.count("  ")
    assert hits.flush() == 0


def test_hits_of_another_day_are_written_to_that_day(tally_in):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    tally = hits._memory if tally_in == "memory" else hits._redis_tally()
    tally.add(yesterday, "census", 3)
    hits.count("census")
    hits.flush()
    assert daily("census") == {yesterday: 3, datetime.date.today(): 1}


@override_settings(SEARCH_HITS_FLUSH_HITS=10**6, SEARCH_HITS_FLUSH_SECONDS=3600)
def test_a_flush_writes_many_queries_in_a_bounded_number_of_statements(django_assert_max_num_queries):
    for number in range(hits.CHUNK + 50):
        hits.count(f"query {number}")
    # Two chunks of four statements (five on SQLite, which splits a chunk's daily rows), and the savepoint.
    with django_assert_max_num_queries(12) as flushed:
        hits.flush()
    assert sum("UPDATE" in query["sql"] for query in flushed.captured_queries) == 2  # one per chunk
    assert QueryDailyHits.objects.filter(query__query_string__startswith="query ").count() == hits.CHUNK + 50


@pytest.mark.parametrize("typed", ["İ" * 300, "data\x00base"])
def test_a_query_the_log_cannot_store_as_typed_is_counted_cut_and_blocks_no_other(tally_in, typed):
    with override_settings(SEARCH_HITS_FLUSH_HITS=1000, SEARCH_HITS_FLUSH_SECONDS=3600):
        hits.count(typed)
        hits.count("census")
        assert hits.flush() == 2
    assert daily("census") == {datetime.date.today(): 1}
    stored = Query.objects.exclude(query_string="census").get()
    assert len(stored.query_string) <= hits.QUERY_LENGTH and "\x00" not in stored.query_string
