"""Which cached pages visitors ask for most: the list that warming (pagecache.warming) refills first.

A page is counted as the variant its visitors' requests were stored under (scheme, host, compression,
path: what its cache key holds besides the day), so that warming renders exactly those. Every stored
render counts once; hits, which must stay cheap, are counted one in HIT_SAMPLE with that weight. Only
pages the cache stored are counted, so a crawler of wrong addresses or of query strings adds nothing,
and at most MAX_TRACKED variants are kept.

With Redis, the tally is one sorted set that every worker shares. With any other cache (files, a
process's memory) it is kept in this process only: the pages this worker served.
"""

import json
import logging
import random
import threading
from collections import Counter
from dataclasses import dataclass

import redis
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from . import outage, store

logger = logging.getLogger(__name__)
TALLY_KEY = "pagecache:visits"
MAX_TRACKED = 2000
# One hit in this many is counted, with this weight: a count costs a Redis round trip, about 100 µs of the
# client's CPU, against a hit's 110 µs (bench/hit_cost.py); misses are always counted.
HIT_SAMPLE = 64
# Each warming pass halves every count, so that last month's crowd gives way to this week's.
DECAY = 0.5
# Marks a warming render's request (a WSGI environ key, which no visitor's header can set).
WARMING_ENVIRON_KEY = "pagecache.warming"


@dataclass(frozen=True)
class Variant:
    scheme: str
    host: str
    encoding: str
    path: str

    def member(self):
        return json.dumps([self.scheme, self.host, self.encoding, self.path])

    @classmethod
    def from_member(cls, member):
        if isinstance(member, bytes):
            member = member.decode()
        return cls(*json.loads(member))


def encoding_of(request):
    return "gzip" if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "") else "identity"


def variant_of(request):
    return Variant(request.scheme, request.get_host(), encoding_of(request), request.path)


def is_warming(request):
    return bool(request.META.get(WARMING_ENVIRON_KEY))


def record_render(request):
    if not is_warming(request):
        _record(request, 1)


def record_hit(request):
    if not is_warming(request) and random.random() < 1 / HIT_SAMPLE:
        _record(request, HIT_SAMPLE)


def _record(request, weight):
    try:
        tally().add(variant_of(request).member(), weight)
    except (outage.CacheUnavailable, redis.RedisError, OSError):
        pass  # a count lost to a failing cache only makes the warm list a little less exact


def most_visited(limit):
    """The `limit` most visited variants, most visited first; every count is then halved."""
    return [Variant.from_member(member) for member in tally().top_then_decay(limit)]


class RedisTally:
    def __init__(self, cache):
        self.cache = cache
        self.key = cache.make_key(TALLY_KEY)

    def _guarded(self, operation):
        breaker = getattr(self.cache, "breaker", None)
        if breaker is None:
            return operation()
        return breaker.guard(operation, errors=(redis.RedisError, OSError))

    def _client(self):
        return self.cache._cache.get_client(write=True)

    def add(self, member, weight):
        def write():
            pipe = self._client().pipeline(transaction=False)
            pipe.zincrby(self.key, weight, member)
            pipe.zremrangebyrank(self.key, 0, -(MAX_TRACKED + 1))
            pipe.execute()

        self._guarded(write)

    def top_then_decay(self, limit):
        def read():
            pipe = self._client().pipeline(transaction=True)
            pipe.zrevrange(self.key, 0, limit - 1)
            pipe.zunionstore(self.key, {self.key: DECAY})
            return pipe.execute()[0]

        return self._guarded(read)

    def clear(self):
        self._guarded(lambda: self._client().delete(self.key))


class ProcessTally:
    def __init__(self):
        self.counts = Counter()
        self.lock = threading.Lock()

    def add(self, member, weight):
        with self.lock:
            self.counts[member] += weight
            if len(self.counts) > MAX_TRACKED:
                self.counts = Counter(dict(self.counts.most_common(MAX_TRACKED)))

    def top_then_decay(self, limit):
        with self.lock:
            top = [member for member, _count in self.counts.most_common(limit)]
            self.counts = Counter({member: count * DECAY for member, count in self.counts.items()})
        return top

    def clear(self):
        with self.lock:
            self.counts.clear()


_process_tally = ProcessTally()


def tally():
    cache = caches[store.alias()]
    return RedisTally(cache) if isinstance(cache, RedisCache) else _process_tally
