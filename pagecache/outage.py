"""When the cache fails: skip it for a moment rather than wait on it, and say so once in a while.

A cache that is down, frozen or refusing must cost visitors nothing but speed: every page is
then rendered as if there were no cache. Waiting for a timeout on every request would not do
(a frozen Redis with the default 5 s timeouts brought the site to 0.3 requests/s), so after a
failure the cache is skipped for `pause` seconds; then one request tries it again. The log
gets one warning per `log_every` seconds however many requests fail, and one line when the
cache answers again.
"""

import logging
import threading
import time

logger = logging.getLogger(__name__)
DEFAULT_PAUSE = 1.0
DEFAULT_LOG_EVERY = 60.0


class CacheUnavailable(Exception):
    """The cache did not answer, or is being skipped since it last failed: do without it."""


class Breaker:
    """The circuit breaker for one cache server, shared by every thread of the process."""

    def __init__(self, name, pause=DEFAULT_PAUSE, log_every=DEFAULT_LOG_EVERY, clock=time.monotonic):
        self.name, self.pause, self.log_every, self.clock = name, pause, log_every, clock
        self.lock = threading.Lock()
        self.forget()

    def forget(self):
        """Back to working, with nothing to report."""
        self.down_since = None
        self.retry_at = 0.0
        self.unreported = 0
        self.reported_at = None

    def allows(self):
        """Whether to use the cache now: always while it works; after a failure, one caller per pause."""
        if self.down_since is None:
            return True
        with self.lock:
            now = self.clock()
            if self.down_since is None or now >= self.retry_at:
                # This caller tries; the others keep skipping until the pause after it is over.
                self.retry_at = now + self.pause
                return True
            return False

    def failed(self, error):
        with self.lock:
            now = self.clock()
            if self.down_since is None:
                self.down_since = now
            self.retry_at = now + self.pause
            self.unreported += 1
            if self.reported_at is None or now - self.reported_at >= self.log_every:
                self._report(error, now)

    def _report(self, error, now):
        earlier = self.unreported - 1
        logger.warning(
            "%s failed (%s: %s); pages are served without it, and it is tried again every %g s%s.",
            self.name,
            type(error).__name__,
            error,
            self.pause,
            f"; {earlier} more failures since the last report" if earlier else "",
        )
        self.reported_at, self.unreported = now, 0

    def succeeded(self):
        if self.down_since is None:
            return
        with self.lock:
            if self.down_since is not None:
                logger.warning("%s answers again after %.1f s.", self.name, self.clock() - self.down_since)
            self.down_since, self.reported_at, self.unreported = None, None, 0

    def guard(self, operation, *args, errors=(Exception,)):
        """`operation(*args)`, or CacheUnavailable: at once while skipped, else when it raises one of `errors`."""
        if not self.allows():
            raise CacheUnavailable(f"{self.name} is skipped after a failure")
        try:
            result = operation(*args)
        except errors as error:
            self.failed(error)
            raise CacheUnavailable(f"{self.name} failed: {error}") from error
        self.succeeded()
        return result


_breakers = {}
_breakers_lock = threading.Lock()


def breaker(name, **options):
    """The process's breaker for `name`, made on first use."""
    found = _breakers.get(name)
    if found is None:
        with _breakers_lock:
            found = _breakers.setdefault(name, Breaker(name, **options))
    return found


def reset():
    """Forget every failure: for tests, which must not inherit an outage from the one before."""
    with _breakers_lock:
        for each in _breakers.values():
            with each.lock:
                each.forget()
