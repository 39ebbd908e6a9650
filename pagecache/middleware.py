"""Whole-page cache for anonymous visitors, in front of sessions, authentication and Wagtail.

A hit is answered before the session is read, so it costs one cache round trip (the
generation and the page together) and no SQL. Only a visitor without a session cookie reads
or fills the cache: editors are signed in, so they always see the live render, and
whatever they preview is never stored.
"""

import hashlib
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from . import anonymous, expiry, generation, tally
from .copies import WorkerCopies
from .outage import CacheUnavailable

HEADER = "X-Page-Cache"
DEFAULT_TIMEOUT = 60 * 60
# Part of every page key: raise it when what a stored entry holds changes (v2: the headers
# of every middleware; v3: the moment the page changes by itself), so a deployment never serves
# entries stored by the code before it.
ENTRY_FORMAT = 3
# Pages each worker process keeps in its own memory besides the shared cache (bytes).
DEFAULT_WORKER_BYTES = 32 * 1024 * 1024
# How long a visitor waits for another visitor's render of the same page before rendering it
# too (seconds), and how often it looks. The claim on a render outlives a worker that died.
DEFAULT_FILL_WAIT = 3.0
FILL_POLL_SECONDS = 0.005
FILL_CLAIM_SECONDS = 30


def _enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def page_key(request):
    """Host, scheme, path, compression and day: everything an anonymous page varies on.

    The day is there because listings split upcoming from past conferences by today's date.
    """
    parts = [request.scheme, request.get_host(), request.path, tally.encoding_of(request)]
    parts.append(timezone.localdate().isoformat())
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"pagecache:page:v{ENTRY_FORMAT}:{digest}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.copies = WorkerCopies(getattr(settings, "PAGE_CACHE_WORKER_BYTES", DEFAULT_WORKER_BYTES))

    def __call__(self, request):
        if not (_enabled() and anonymous.may_read(request)):
            return self.get_response(request)
        key = page_key(request)
        try:
            token, stored = self._find(key)
        except CacheUnavailable:
            # The cache is down, frozen or refusing (or was, a moment ago): render as if there were none.
            return self.get_response(request)
        if stored is None and request.method == "GET":
            return self._fill_once(request, key, token)
        if stored is None:
            return self._render(request, key, token)
        return self._hit(request, key, stored)

    def _hit(self, request, key, stored):
        tally.record_hit(request)
        self._keep_copy(request, key, stored)
        return _rebuild(stored)

    def _keep_copy(self, request, key, entry):
        # A warming render's handler is not the one visitors go through: a copy there is never read.
        if not tally.is_warming(request):
            self.copies.put(key, entry)

    def _render(self, request, key, token):
        response = self.get_response(request)
        if anonymous.may_store(request, response):
            response[HEADER] = "miss"
            deadline = expiry.next_change(request)
            expiry.mark_response(response, deadline)
            timeout = expiry.timeout_until(deadline, getattr(settings, "PAGE_CACHE_TIMEOUT", DEFAULT_TIMEOUT))
            entry = (token, response.status_code, list(response.items()), response.content, deadline)
            try:
                generation.page_cache().set(key, entry, timeout)
            except CacheUnavailable:
                del response[HEADER]  # not stored after all
                return response
            self._keep_copy(request, key, entry)
            tally.record_render(request)
        return response

    def _fill_once(self, request, key, token):
        """Render a missing page once however many visitors ask for it at the same moment.

        After an edit empties the cache, every visitor of a popular page would otherwise render
        it at once and slow each other down. The first claims the render; the others wait
        for its result, and render themselves only if it stores nothing or takes too long.
        """
        cache = generation.page_cache()
        claim = f"{key}:filling:{token}"
        try:
            claimed = cache.add(claim, 1, FILL_CLAIM_SECONDS)
        except CacheUnavailable:
            return self.get_response(request)
        if claimed:
            try:
                return self._render(request, key, token)
            finally:
                _release(cache, claim)
        stored = self._wait_for_fill(key, claim)
        if stored is not None:
            return self._hit(request, key, stored)
        try:
            token = generation.current()
        except CacheUnavailable:
            return self.get_response(request)
        return self._render(request, key, token)

    def _wait_for_fill(self, key, claim):
        """The entry another visitor's render stores, or None once it has given up, timed out or the cache failed."""
        cache = generation.page_cache()
        deadline = time.monotonic() + getattr(settings, "PAGE_CACHE_FILL_WAIT", DEFAULT_FILL_WAIT)
        while time.monotonic() < deadline:
            time.sleep(FILL_POLL_SECONDS)
            try:
                found = cache.get_many([generation.GENERATION_KEY, key, claim])
            except CacheUnavailable:
                return None
            stored = found.get(key)
            if _counts(stored, found.get(generation.GENERATION_KEY)):
                return stored
            if claim not in found:
                return None
        return None

    def _find(self, key):
        """The current generation, and the entry stored for `key` under it (None if there is none).

        One round trip: a page is stored with the generation it was rendered under and only
        counts while that generation is the current one, so both are fetched together; for a
        page this worker holds a copy of, the (tiny) generation alone. CacheUnavailable when the
        cache cannot say: a copy is never served unchecked, since an edit may have made it stale.
        """
        generation.settle()
        cache = generation.page_cache()
        nearby = self.copies.get(key)
        if nearby is not None:
            token = cache.get(generation.GENERATION_KEY) or generation.current()
            stored = nearby if _counts(nearby, token) else cache.get(key)
        else:
            found = cache.get_many([generation.GENERATION_KEY, key])
            token = found.get(generation.GENERATION_KEY) or generation.current()
            stored = found.get(key)
        return token, (stored if _counts(stored, token) else None)


def _counts(stored, token):
    """Whether a stored entry may be served: stored under the current generation, and its page not changed since."""
    return stored is not None and stored[0] == token and not expiry.has_passed(stored[4])


def _release(cache, claim):
    try:
        cache.delete(claim)
    except CacheUnavailable:
        pass  # it expires on its own (FILL_CLAIM_SECONDS)


def _rebuild(stored):
    _token, status, headers, content, _deadline = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response
