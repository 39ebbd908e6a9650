"""The Redis cache backend keeps one client per connection pool (against the real Redis)."""

import uuid

import pytest
import redis

from pagecache.redis import ReusedClientRedisCache

REDIS_URL = "redis://127.0.0.1:6379/14"


def _redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=0.5).ping()
    except redis.RedisError:
        return False


pytestmark = pytest.mark.skipif(not _redis_answers(), reason="no Redis on 127.0.0.1:6379")


@pytest.fixture
def redis_cache():
    cache = ReusedClientRedisCache(REDIS_URL, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    yield cache
    # Not clear(): that empties the whole Redis database, which other test runs may share.
    cache.delete_many(["page", "absent"])


def test_every_call_uses_the_same_client(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client() is client
    assert redis_cache._cache.get_client(write=True) is client


def test_values_round_trip(redis_cache):
    redis_cache.set("page", ("token", 200, [("Content-Type", "text/html")], b"<p>x</p>"))
    assert redis_cache.get_many(["page", "absent"]) == {
        "page": ("token", 200, [("Content-Type", "text/html")], b"<p>x</p>")
    }
