"""The site-wide content generation: one token that every cached page's key includes.

Any change to published content replaces the token, so every page cached under an
older token stops counting; the next visit renders it afresh and overwrites it. One
shared token means one edit empties the whole page cache: renders after an edit cost
a full render once per page, which is cheap next to ever serving a stale listing.

The token is random rather than a counter so that a generation lost to eviction can
never come back and revive pages cached under it.

An edit must not fail because the cache is down, and the pages cached before it must not
come back with the cache. A replacement that cannot be written is therefore remembered:
this process renders every page uncached until it is written, and writes it as soon as
the cache answers, from a timer as well as before the next request it serves.
"""

import atexit
import logging
import secrets
import threading

from django.db import transaction

from .outage import CacheUnavailable
from .store import page_cache

logger = logging.getLogger(__name__)
GENERATION_KEY = "pagecache:generation"
# Longer than any page stays cached, so the token outlives the pages keyed on it.
GENERATION_TIMEOUT = None
# How often a replacement the cache refused is tried again (seconds).
RETRY_SECONDS = 1.0

__all__ = ["GENERATION_KEY", "bump", "current", "page_cache", "settle"]


class _Pending:
    """A replacement of the token that the cache has not taken yet, and the timer that retries it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.waiting = False
        self.timer = None

    def remember(self):
        with self.lock:
            self.waiting = True
            if self.timer is None:
                self.timer = threading.Timer(RETRY_SECONDS, self._retry)
                self.timer.daemon = True
                self.timer.start()

    def _retry(self):
        with self.lock:
            self.timer = None
        settle(quietly=True)

    def written(self):
        with self.lock:
            self.waiting = False

    def forget(self):
        """Drop it, timer and all: for tests, which must not inherit one from the test before."""
        with self.lock:
            self.waiting = False
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None


pending = _Pending()


def current():
    """The token now in force, creating one if the cache has none; CacheUnavailable if it cannot say."""
    settle()
    cache = page_cache()
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = secrets.token_hex(8)
        # add() rather than set(): when two workers race, both end up with the winner's token.
        if not cache.add(GENERATION_KEY, token, GENERATION_TIMEOUT):
            token = cache.get(GENERATION_KEY) or token
    return token


def _replace():
    """Write a new token; if the cache fails, remember to, and say whether it was written."""
    try:
        page_cache().set(GENERATION_KEY, secrets.token_hex(8), GENERATION_TIMEOUT)
    except CacheUnavailable:
        pending.remember()
        return False
    pending.written()
    return True


def settle(quietly=False):
    """Write a replacement the cache refused before; CacheUnavailable while it still cannot be written.

    Until it is written this process must not serve from the cache, whose pages predate an edit.
    """
    if pending.waiting and not _replace() and not quietly:
        raise CacheUnavailable("a content change is waiting for the cache to answer")


def bump():
    """Make every cached page stale, now and again once the current transaction commits.

    The second bump matters: a visitor's request that runs between the change and its
    commit still reads the old rows and would cache them under the new token. Neither
    raises when the cache is down: the edit stands, and the replacement is written later.
    Says whether the first was written now.
    """
    written = _replace()
    transaction.on_commit(_replace)
    return written


@atexit.register
def _warn_if_pending():
    # A command (publish_scheduled, import_hugo) that ends while the cache is down cannot write it later.
    if pending.waiting:
        logger.error(
            "The page cache was unreachable when content changed and still is: pages cached before the "
            "change may be served once it answers. Run `manage.py purge_page_cache` when it does."
        )
