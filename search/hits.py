"""The search log's daily hit counts, gathered outside the database and written to it in bulk.

Every first page of results counts one hit for its query and day (Wagtail's ``QueryDailyHits``,
which the editors' picks' admin reads). Written as they come, that was an ``UPDATE`` on every
search, the largest part of what a kept answer still cost. Here a hit is added to a tally:

* in **Redis** when the search cache is a Redis cache (production): one hash of pending counts
  for all workers and servers, so a worker that dies takes no counts with it;
* else in the **worker's memory** (a file or memory cache: their increments are not atomic across
  processes, so two workers would lose each other's counts).

A worker writes the tally to the database when it has counted ``SEARCH_HITS_FLUSH_HITS`` hits or
``SEARCH_HITS_FLUSH_SECONDS`` have passed since it last did, and when it exits (gunicorn's
``worker_exit`` hook calls ``flush()``). A write is a fixed number of statements whatever the
number of queries (see ``_write``), and adds to the rows rather than setting them, so concurrent
writers never lose each other's counts. A tally that could not be written is kept for the next.
"""

import logging
import threading
import time
from collections import Counter
from datetime import date

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

logger = logging.getLogger(__name__)

DEFAULT_FLUSH_HITS = 200
DEFAULT_FLUSH_SECONDS = 30
# Rows read or written per statement: far below every database's limit of bound parameters.
CHUNK = 400
# Seconds one flush may hold Redis's tally before another worker may take it.
LOCK_SECONDS = 60
QUERY_LENGTH = Query._meta.get_field("query_string").max_length
SEPARATOR = "\x1f"  # between the day and the query in a Redis field: never in a normalised query


def _flush_hits():
    return getattr(settings, "SEARCH_HITS_FLUSH_HITS", DEFAULT_FLUSH_HITS)


def _flush_seconds():
    return getattr(settings, "SEARCH_HITS_FLUSH_SECONDS", DEFAULT_FLUSH_SECONDS)


class MemoryTally:
    """Pending counts in this process, keyed by (day, normalised query)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()

    def add(self, day, query_string, hits=1):
        with self.lock:
            self.counts[(day, query_string)] += hits

    def take(self):
        with self.lock:
            taken, self.counts = self.counts, Counter()
        return taken

    def give_back(self, taken):
        with self.lock:
            self.counts.update(taken)

    def done(self):
        pass

    def pending(self):
        with self.lock:
            return sum(self.counts.values())


class RedisTally:
    """Pending counts in one Redis hash that every worker adds to.

    A flush renames the hash (atomic: hits that come meanwhile start a new one), writes what it
    took, then deletes it; one worker at a time, under a lock. A taken hash that was not written
    (the database failed, the worker died) is taken again by the next flush, before the new one.
    """

    def __init__(self, cache):
        self.cache = cache
        self.pending_key = cache.make_key("search:hits:pending")
        self.taken_key = cache.make_key("search:hits:taken")
        self.lock_key = cache.make_key("search:hits:lock")
        self.token = None

    def _client(self):
        # Django's cache API has no hashes or renames; its client is redis-py's.
        return self.cache._cache.get_client(write=True)

    def _guarded(self, operation):
        # The site's Redis caches carry a circuit breaker: while Redis is down, fail at once.
        breaker = getattr(self.cache, "breaker", None)
        return breaker.guard(operation, errors=(Exception,)) if breaker is not None else operation()

    def add(self, day, query_string, hits=1):
        field = f"{day.isoformat()}{SEPARATOR}{query_string}"
        self._guarded(lambda: self._client().hincrby(self.pending_key, field, hits))

    def take(self):
        client = self._client()
        token = str(time.time_ns())
        if not self._guarded(lambda: client.set(self.lock_key, token, nx=True, ex=LOCK_SECONDS)):
            return Counter()  # another worker is writing the tally
        self.token = token
        try:
            # Under the lock nobody else renames: the pending hash that exists now is still there to rename.
            if not self._guarded(lambda: client.exists(self.taken_key)):
                if not self._guarded(lambda: client.exists(self.pending_key)):
                    self._release()
                    return Counter()
                self._guarded(lambda: client.rename(self.pending_key, self.taken_key))
            raw = self._guarded(lambda: client.hgetall(self.taken_key))
        except Exception:
            self._release()
            raise
        taken = Counter()
        for field, hits in raw.items():
            day, _, query_string = field.decode().partition(SEPARATOR)
            taken[(date.fromisoformat(day), query_string)] += int(hits)
        return taken

    def give_back(self, taken):
        self._release()  # the taken hash stays in Redis for the next flush

    def done(self):
        try:
            self._guarded(lambda: self._client().delete(self.taken_key))
        finally:
            self._release()

    def _release(self):
        client, token = self._client(), self.token
        self.token = None
        if token is not None and self._guarded(lambda: client.get(self.lock_key)) == token.encode():
            self._guarded(lambda: client.delete(self.lock_key))

    def pending(self):
        raw = self._guarded(lambda: self._client().hvals(self.pending_key))
        return sum(int(hits) for hits in raw)


_memory = MemoryTally()
_state = {"since_flush": 0, "flushed_at": time.monotonic()}
_state_lock = threading.Lock()


def _redis_tally():
    cache = caches[getattr(settings, "SEARCH_CACHE_ALIAS", "default")]
    return RedisTally(cache) if isinstance(cache, RedisCache) else None


def count(query_string):
    """Count one hit of `query_string` for today; write the tallies if one is due."""
    # Lower-casing can lengthen what Wagtail cut to the column's length ("İ" becomes two characters),
    # and PostgreSQL refuses a NUL: either would make every later bulk write fail.
    normalised = normalise_query_string(query_string).replace("\x00", "")[:QUERY_LENGTH]
    if not normalised:
        return
    day = timezone.now().date()
    redis = _redis_tally()
    try:
        if redis is None:
            raise LookupError
        redis.add(day, normalised)
    except Exception:  # noqa: BLE001 -- the site's Redis client logs its own failures
        # Redis down (or not used): the hit waits in this worker instead.
        _memory.add(day, normalised)
    with _state_lock:
        _state["since_flush"] += 1
        due = _state["since_flush"] >= _flush_hits() or time.monotonic() - _state["flushed_at"] >= _flush_seconds()
        if due:
            _state["since_flush"], _state["flushed_at"] = 0, time.monotonic()
    if due:
        flush()


def flush():
    """Write every pending count to the database; what cannot be written now is kept. Returns the hits written."""
    written = 0
    tallies = [_memory]
    try:
        if redis := _redis_tally():
            tallies.append(redis)
    except Exception:
        logger.warning("search hits: the cache is unreadable", exc_info=True)
    for tally in tallies:
        try:
            taken = tally.take()
        except Exception:
            logger.warning("search hits: the tally is unreadable; kept for the next flush", exc_info=True)
            continue
        if not taken:
            continue
        try:
            _write(taken)
        except Exception:
            logger.warning("search hits: not written; kept for the next flush", exc_info=True)
            tally.give_back(taken)
            continue
        try:
            tally.done()
        except Exception:
            logger.warning("search hits: written but not cleared", exc_info=True)
        written += sum(taken.values())
    return written


def discard():
    """Forget this worker's pending counts (tests start from none)."""
    _memory.take()
    with _state_lock:
        _state["since_flush"], _state["flushed_at"] = 0, time.monotonic()


def _chunks(items):
    items = list(items)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _write(counts):
    """Add `counts` ({(day, normalised query): hits}) to the daily hits, creating the rows missing.

    Per chunk of queries: create the missing queries (conflicts ignored), read their ids, create the
    missing daily rows at zero hits (conflicts ignored), then one UPDATE adding each row's hits.
    Another writer's rows created in between are left as they are and added to.
    """
    by_query = {}
    for (day, query_string), hits in counts.items():
        if len(query_string) > QUERY_LENGTH or "\x00" in query_string:
            # Counted by older code (still in Redis during a deployment): dropped, or it would block the rest.
            logger.warning("search hits: a query that cannot be stored dropped: %r", query_string[:80])
            continue
        if hits:
            by_query.setdefault(query_string, {})[day] = hits
    with transaction.atomic():
        for chunk in _chunks(sorted(by_query)):
            Query.objects.bulk_create([Query(query_string=text) for text in chunk], ignore_conflicts=True)
            ids = dict(Query.objects.filter(query_string__in=chunk).values_list("query_string", "pk"))
            rows = [(ids[text], day, hits) for text in chunk for day, hits in by_query[text].items()]
            QueryDailyHits.objects.bulk_create(
                [QueryDailyHits(query_id=pk, date=day, hits=0) for pk, day, _ in rows], ignore_conflicts=True
            )
            for day in sorted({day for _, day, _ in rows}):
                added = {pk: hits for pk, row_day, hits in rows if row_day == day}
                QueryDailyHits.objects.filter(date=day, query_id__in=list(added)).update(
                    hits=F("hits")
                    + Case(
                        *(When(query_id=pk, then=Value(hits)) for pk, hits in added.items()),
                        default=Value(0),
                        output_field=IntegerField(),
                    )
                )
