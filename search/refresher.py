"""Refresh the vocabulary and the suggestions off the editor's request, where the settings ask for it.

A refresh reads every public title and name: on the whole archive it takes about a second, and an
editor who saved a presentation should not wait for it. With SEARCH_TERMS_REFRESH_IN_BACKGROUND on
(production), the process that made the change refreshes in a thread of its own, and changes that
arrive while a refresh runs are folded into one more refresh after it, so a burst of edits costs at
most two. Without it (development, tests, commands) the refresh runs at once, as before. Either way
a refresh that fails is logged and never fails the edit, which has already committed.
"""

import logging
import threading

from django.conf import settings
from django.db import connections

from . import terms

logger = logging.getLogger(__name__)


def in_background():
    return getattr(settings, "SEARCH_TERMS_REFRESH_IN_BACKGROUND", False)


def refresh_now():
    try:
        found = terms.refresh()
    except Exception:
        logger.exception("the search terms could not be refreshed")
        return None
    logger.info("search terms refreshed: %s", found)
    return found


class BackgroundRefresher:
    """This process's refreshing thread: started by the first change, gone when no change waits."""

    def __init__(self, refresh=refresh_now):
        self._refresh = refresh
        self._lock = threading.Lock()
        self._wanted = False
        self._thread = None

    def poke(self):
        with self._lock:
            self._wanted = True
            if self._thread is None:
                # Not a daemon: a command that ends right after its change (an import, publish_scheduled)
                # still finishes the refresh before the interpreter exits.
                self._thread = threading.Thread(target=self._run, name="search-terms-refresh", daemon=False)
                self._thread.start()

    def wait(self, timeout=None):
        """Until no refresh runs or waits (for tests and for commands that end right after a change)."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self):
        try:
            while self._take_wanted():
                self._refresh()
        finally:
            with self._lock:
                self._thread = None
            connections.close_all()  # this thread's own connections

    def _take_wanted(self):
        # Under the lock, so that a change arriving as the thread ends starts a new thread instead.
        with self._lock:
            wanted, self._wanted = self._wanted, False
            if not wanted:
                self._thread = None
            return wanted


refresher = BackgroundRefresher()


def refresh_after_change():
    if in_background():
        refresher.poke()
    else:
        refresh_now()
