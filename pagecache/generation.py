"""The site-wide content generation: one token that every cached page's key includes.

Any change to published content replaces the token, so every page cached under an
older token stops counting; the next visit renders it afresh and overwrites it. One
shared token means one edit empties the whole page cache: renders after an edit cost
a full render once per page, which is cheap next to ever serving a stale listing.

The token is random rather than a counter so that a generation lost to eviction can
never come back and revive pages cached under it.
"""

import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

GENERATION_KEY = "pagecache:generation"
# Longer than any page stays cached, so the token outlives the pages keyed on it.
GENERATION_TIMEOUT = None


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def current():
    """The token now in force, creating one if the cache has none."""
    cache = page_cache()
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = secrets.token_hex(8)
        # add() rather than set(): when two workers race, both end up with the winner's token.
        if not cache.add(GENERATION_KEY, token, GENERATION_TIMEOUT):
            token = cache.get(GENERATION_KEY) or token
    return token


def _replace():
    page_cache().set(GENERATION_KEY, secrets.token_hex(8), GENERATION_TIMEOUT)


def bump():
    """Make every cached page stale, now and again once the current transaction commits.

    The second bump matters: a visitor's request that runs between the change and its
    commit still reads the old rows and would cache them under the new token.
    """
    _replace()
    transaction.on_commit(_replace)
