"""The CACHES setting for a Redis server, as production uses it (read by the settings module).

Two caches on the same server. `pages`, the page cache's, raises CacheUnavailable when Redis
fails, so the page cache can render without it and remember a generation bump it could not
write; `default`, for everything else (Wagtail's site root paths, image renditions), answers
as an empty cache. Both time out in tens of milliseconds: Redis answers a healthy request in
well under one, and each failure costs a visitor at most the timeout (pagecache.outage).
"""

# Seconds to connect and to wait for each reply. Not the socket default (5 s), nor
# redis-py's (none): a frozen Redis would hold every request that long.
DEFAULT_TIMEOUT = 0.05
PAGE_CACHE_ALIAS = "pages"


def redis_caches(url, timeout=DEFAULT_TIMEOUT, failure_pause=None, key_prefix="iassist"):
    options = {"socket_connect_timeout": timeout, "socket_timeout": timeout}
    if failure_pause is not None:
        options["FAILURE_PAUSE"] = failure_pause

    def cache(backend):
        return {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": key_prefix, "OPTIONS": dict(options)}

    return {
        "default": cache("pagecache.redis.MissWhenDownRedisCache"),
        PAGE_CACHE_ALIAS: cache("pagecache.redis.ReusedClientRedisCache"),
    }
