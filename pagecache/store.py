"""The page cache's access to its cache: any failure of it is CacheUnavailable, never a 500.

The Redis backends guard themselves (pagecache.redis), with one breaker per server; any other
backend (the file cache, say, on a full disk) is guarded here, with one per cache alias.
"""

from django.conf import settings
from django.core.cache import caches

from . import outage


class GuardedCache:
    def __init__(self, cache, breaker):
        self.cache, self.breaker = cache, breaker

    def _call(self, name, *args):
        operation = getattr(self.cache, name)
        if self.breaker is None:
            return operation(*args)
        return self.breaker.guard(operation, *args)

    def get(self, key, default=None):
        return self._call("get", key, default)

    def get_many(self, keys):
        return self._call("get_many", keys)

    def set(self, key, value, timeout):
        return self._call("set", key, value, timeout)

    def add(self, key, value, timeout):
        return self._call("add", key, value, timeout)

    def delete(self, key):
        return self._call("delete", key)

    def clear(self):
        return self._call("clear")


def alias():
    return getattr(settings, "PAGE_CACHE_ALIAS", "default")


def page_cache():
    cache = caches[alias()]
    # A backend with a breaker of its own raises CacheUnavailable itself; a second would skip every call.
    breaker = None if hasattr(cache, "breaker") else outage.breaker(f"The page cache ({alias()!r})")
    return GuardedCache(cache, breaker)
