"""Django's Redis cache with one client object per connection pool, and a site that outlives Redis.

Django's ``RedisCacheClient.get_client()`` builds a new ``redis.Redis`` for every cache
call, and building one registers some 170 response callbacks: on a page cache hit that
was a third of the CPU the whole request cost. The client is thread-safe and holds no
connection of its own (connections come from the pool), so one per pool is enough.

Every call goes through the server's circuit breaker (pagecache.outage): when Redis is
down, frozen or refusing, a call fails within the socket timeouts (pagecache.caches sets
them in tens of milliseconds) and for a moment after, at once. ``ReusedClientRedisCache``
then raises CacheUnavailable, for the page cache, which renders without it and remembers
what it could not write; ``MissWhenDownRedisCache`` answers as an empty cache would, for
everything else (Wagtail's site root paths, image renditions), which only ever reads
through a miss to the database.
"""

from functools import wraps

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from . import outage

# What a cache server that is down, frozen or refusing raises (redis-py wraps socket errors).
FAILURES = (redis.RedisError, OSError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


def _guarded(method):
    @wraps(method)
    def guarded(self, *args, **kwargs):
        return self.breaker.guard(lambda: method(self, *args, **kwargs), errors=FAILURES)

    return guarded


class ReusedClientRedisCache(RedisCache):
    """OPTIONS may hold FAILURE_PAUSE: seconds to skip Redis after it fails (pagecache.outage)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        pause = options.pop("FAILURE_PAUSE", outage.DEFAULT_PAUSE)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient
        # One per server, not per cache object: Django makes one cache object per thread.
        self.breaker = outage.breaker(f"Redis at {server}", pause=pause)

    add = _guarded(RedisCache.add)
    get = _guarded(RedisCache.get)
    set = _guarded(RedisCache.set)
    touch = _guarded(RedisCache.touch)
    delete = _guarded(RedisCache.delete)
    get_many = _guarded(RedisCache.get_many)
    has_key = _guarded(RedisCache.has_key)
    incr = _guarded(RedisCache.incr)
    set_many = _guarded(RedisCache.set_many)
    delete_many = _guarded(RedisCache.delete_many)
    clear = _guarded(RedisCache.clear)


def _missing_when_down(method, miss):
    """`method`, answering `miss(*args)` (what an empty cache would) when Redis fails."""

    @wraps(method)
    def tolerant(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except outage.CacheUnavailable:
            return miss(*args, **kwargs)

    return tolerant


def _no_such_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found.")


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


class MissWhenDownRedisCache(ReusedClientRedisCache):
    add = _missing_when_down(ReusedClientRedisCache.add, _false)
    get = _missing_when_down(ReusedClientRedisCache.get, lambda key, default=None, version=None: default)
    set = _missing_when_down(ReusedClientRedisCache.set, _nothing)
    touch = _missing_when_down(ReusedClientRedisCache.touch, _false)
    delete = _missing_when_down(ReusedClientRedisCache.delete, _false)
    get_many = _missing_when_down(ReusedClientRedisCache.get_many, lambda keys, version=None: {})
    has_key = _missing_when_down(ReusedClientRedisCache.has_key, _false)
    incr = _missing_when_down(ReusedClientRedisCache.incr, _no_such_key)
    # set_many() returns the keys it could not store: all of them.
    set_many = _missing_when_down(ReusedClientRedisCache.set_many, lambda data, *args, **kwargs: list(data))
    delete_many = _missing_when_down(ReusedClientRedisCache.delete_many, _nothing)
    clear = _missing_when_down(ReusedClientRedisCache.clear, _false)
