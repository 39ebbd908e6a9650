"""Refilling the page cache after an edit, before visitors ask: the most visited pages rendered again.

An edit replaces the generation, so every cached page stops counting at once and the first visitor
of each page pays for its render, while every other popular page is being rendered too. The process
that made the edit therefore renders the most visited pages (pagecache.tally) again, in a thread of
its own, once the edit's transaction has committed: the editor's publish never waits for it, and a
failure in it is logged, never raised into the edit.

Each render is a request through the whole middleware stack, as a visitor's request with the counted
scheme, host and Accept-Encoding: what it stores is what that visitor's request would have stored,
headers, compression and key alike, and by the same rules (a page with a form, a restricted page, a
404 is not stored). It is stored under the generation read before rendering, so the cache's guarantee
holds unchanged: an edit made during the render makes it count for nothing.

The work is bounded: at most PAGE_CACHE_WARM_PAGES renders (0 turns warming off) and
PAGE_CACHE_WARM_SECONDS of them a pass; a pass stops early when another edit comes, whose own pass
follows it. Changes that come in a burst (an import, a page with its rows) make one pass.

Where it runs is PAGE_CACHE_WARMER. "thread" (the default): in the process that made the edit, as
above. "process": in `manage.py warm_page_cache --follow`, a process of its own (at the workers' CPU
priority: visitors wait for a render it has claimed), which watches the shared generation and warms
after every change, whoever made it (any worker, host or command). In a sync gunicorn worker a
warming thread shares the interpreter with the visitors that worker serves meanwhile, and so
lengthens their wait; a process of its own does not.
"""

import io
import logging
import sys
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ImproperlyConfigured
from django.db import close_old_connections, connections, transaction

from . import anonymous, generation, tally
from .outage import CacheUnavailable
from .store import alias

logger = logging.getLogger(__name__)
DEFAULT_PAGES = 0
DEFAULT_SECONDS = 20.0
# Quiet time after the last change before a pass begins: a burst of changes (a publish saves a revision,
# the page, its log entry and purges the front cache, a fraction of a second apart) makes one pass.
SETTLE_SECONDS = 0.5
# How often the warmer process reads the generation: one cache GET, so an edit waits at most this long.
FOLLOW_POLL_SECONDS = 0.5
THREAD, PROCESS = "thread", "process"


@dataclass
class Pass:
    """What one warming pass did, by outcome."""

    stored: int = 0  # rendered and stored by this pass
    present: int = 0  # already there: a visitor's render came first
    not_stored: int = 0  # rendered, not storable (now restricted, gone, a form)
    failed: int = 0
    skipped: int = 0  # never rendered: a query string or an address the cache never stores
    stopped: str = ""  # why it ended before its list did: "time", "another edit", "cache unavailable"
    seconds: float = 0.0
    outcomes: list = field(default_factory=list, repr=False)

    def summary(self):
        stopped = f", stopped early ({self.stopped})" if self.stopped else ""
        return (
            f"{self.stored} pages stored, {self.present} already cached, {self.not_stored} not storable, "
            f"{self.failed} failed, {self.skipped} skipped in {self.seconds:.1f} s{stopped}"
        )


def page_limit():
    return int(getattr(settings, "PAGE_CACHE_WARM_PAGES", DEFAULT_PAGES))


def second_limit():
    return float(getattr(settings, "PAGE_CACHE_WARM_SECONDS", DEFAULT_SECONDS))


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True) and page_limit() > 0


def where():
    """Which process warms after an edit: THREAD (the one that made it) or PROCESS (the warmer process)."""
    value = getattr(settings, "PAGE_CACHE_WARMER", THREAD)
    if value not in (THREAD, PROCESS):
        raise ImproperlyConfigured(f"PAGE_CACHE_WARMER must be {THREAD!r} or {PROCESS!r}, not {value!r}")
    return value


def warmable(variant):
    """A variant the page cache could hold: the tally counts only stored pages, but it outlives rule changes."""
    if "?" in variant.path or not variant.path.startswith("/"):
        return False
    return variant.encoding in ("gzip", "identity") and not variant.path.startswith(anonymous.UNSTORED_PREFIXES)


def environ_for(variant):
    """The WSGI environ of a visitor's request for `variant`, with no cookie and no query string."""
    host, port = _split_host(variant.host)
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        # WSGI carries the path as the bytes of UTF-8 read as Latin-1.
        "PATH_INFO": variant.path.encode().decode("iso-8859-1"),
        "QUERY_STRING": "",
        "SERVER_NAME": host or "localhost",
        "SERVER_PORT": port or ("443" if variant.scheme == "https" else "80"),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": variant.host,
        "HTTP_ACCEPT_ENCODING": variant.encoding,
        "REMOTE_ADDR": "127.0.0.1",  # the request comes from this host
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": variant.scheme,
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        tally.WARMING_ENVIRON_KEY: True,
    }


def _split_host(host):
    name, colon, port = host.rpartition(":")
    return (name, port) if colon and port.isdigit() else (host, "")


_handler = None
_handler_lock = threading.Lock()


def handler():
    """A WSGI handler of this process's own, with the same middleware as the one visitors reach."""
    global _handler
    with _handler_lock:
        if _handler is None:
            from django.core.handlers.wsgi import WSGIHandler

            _handler = WSGIHandler()
        return _handler


def render(variant):
    """Ask for `variant` as a visitor would: 'stored', 'present' or 'not stored'."""
    from .middleware import HEADER

    response = handler()(environ_for(variant), lambda status, headers, exc_info=None: None)
    try:
        said = response.get(HEADER)
    finally:
        response.close()  # request_finished: what a server does after sending it
    return {"miss": "stored", "hit": "present"}.get(said, "not stored")


def warm(pages=None, seconds=None, should_stop=lambda: False):
    """One pass over the most visited pages; never raises for a page or a failing cache."""
    pages = page_limit() if pages is None else pages
    seconds = second_limit() if seconds is None else seconds
    result, started = Pass(), time.monotonic()
    try:
        token = generation.current()
        variants = tally.most_visited(pages) if pages > 0 else []
    except CacheUnavailable:
        result.stopped = "cache unavailable"
        return result
    for variant in variants:
        reason = _stop_reason(started, seconds, token, should_stop)
        if reason:
            result.stopped = reason
            break
        _warm_one(variant, result)
    result.seconds = time.monotonic() - started
    return result


def _stop_reason(started, seconds, token, should_stop):
    if time.monotonic() - started >= seconds:
        return "time"
    try:
        if should_stop() or generation.current() != token:
            return "another edit"
    except CacheUnavailable:
        return "cache unavailable"
    return ""


def _warm_one(variant, result):
    if not warmable(variant):
        result.skipped += 1
        return
    try:
        outcome = render(variant)
    except Exception:
        result.failed += 1
        logger.exception("Warming the page cache: %s%s failed", variant.host, variant.path)
        return
    result.outcomes.append((variant, outcome))
    if outcome == "stored":
        result.stored += 1
    elif outcome == "present":
        result.present += 1
    else:
        result.not_stored += 1


class Warmer:
    """This process's warming thread, started when the first edit wants it and then waiting for the next."""

    def __init__(self):
        self.wanted = threading.Event()
        self.lock = threading.Lock()
        self.thread = None
        self.last = None  # the last pass's Pass, for logs and tests
        self.passes = 0
        self.busy = False

    def poke(self):
        self.wanted.set()
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="page-cache-warming", daemon=True)
                self.thread.start()

    def _run(self):
        while True:
            self.wanted.wait()
            self.busy = True
            while self.wanted.is_set():
                self.wanted.clear()
                time.sleep(SETTLE_SECONDS)
            self._one_pass()
            self.busy = self.wanted.is_set()

    def idle(self):
        """Whether no pass is running or wanted (for benchmarks and tests, which wait for the warming to end)."""
        return not self.busy and not self.wanted.is_set()

    def _one_pass(self):
        try:
            if enabled():
                self.last = warm(should_stop=self.wanted.is_set)
                logger.info("Warmed the page cache after an edit: %s", self.last.summary())
        except Exception:
            logger.exception("Warming the page cache after an edit failed; visitors' requests will fill it")
        finally:
            self.passes += 1
            close_old_connections()
            connections.close_all()  # this thread's own; it may wait long for the next edit


warmer = Warmer()


def _after_commit():
    try:
        if enabled():
            warmer.poke()
    except Exception:
        logger.exception("Could not start warming the page cache; visitors' requests will fill it")


def after_change():
    """Warm the cache once the change in progress has committed (at once, outside a transaction).

    Not here when a warmer process does it: that process sees the generation change by itself.
    """
    try:
        if enabled() and where() == THREAD:
            transaction.on_commit(_after_commit, robust=True)
    except Exception:
        logger.exception("Could not plan warming the page cache; visitors' requests will fill it")


def follow(should_stop=lambda: False, on_pass=lambda result: None, sleep=time.sleep, pages=None, seconds=None):
    """Warm once, then after every change of the generation, until should_stop(): the warmer process's work.

    A pass that another change stopped is followed by a pass for that change; while the cache does not
    answer, the process waits for it rather than ending. Never raises for a failing page or cache.
    """
    warmed = None  # the generation the last whole pass was made for
    while not should_stop():
        token = _current_or_none()
        if token is not None and token != warmed:
            token = _settled(token, should_stop, sleep)
            if should_stop():
                break
            try:
                result = warm(pages=pages, seconds=seconds, should_stop=should_stop)
            except Exception:
                logger.exception("A warming pass failed; the warmer process tries again")
            else:
                if result.stopped != "cache unavailable":
                    warmed = token
                on_pass(result)
            finally:
                close_old_connections()
        sleep(FOLLOW_POLL_SECONDS)


def shared_across_processes():
    """Whether other processes see this process's page cache: a warmer process is no use otherwise."""
    return not isinstance(caches[alias()], LocMemCache | DummyCache)


def _current_or_none():
    try:
        return generation.current()
    except CacheUnavailable:
        return None


def _settled(token, should_stop, sleep):
    """The generation once it has stood for SETTLE_SECONDS: a burst of changes makes one pass."""
    while not should_stop():
        sleep(SETTLE_SECONDS)
        now = _current_or_none()
        if now is None or now == token:
            return token
        token = now
    return token
