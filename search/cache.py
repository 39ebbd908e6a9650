"""Search answers kept a little while for anonymous visitors, and forgotten whenever content changes.

A search costs tens of milliseconds and a dozen SQL statements, and the same searches come back
(popular topics, the suggestions every visitor's typing asks for, a client retrying). What is kept is
the data of the answer (a results page's counts and decorated results, the JSON's results) and, for
the results page, its whole HTML too: public pages carry no CSP nonce and no CSRF token, so a page
rendered for one visitor is right for the next. The search log still counts every search.

Each entry's key holds the content generation, which every content change replaces: publishing or
unpublishing a page, editing a presentation, a presenter or a person, a view restriction. It is the
page cache's, read through the function the SEARCH_CACHE_GENERATION setting names (search and the
page cache do not import each other); without one, nothing is kept. So the next search after a
change finds nothing kept and searches afresh. The timeout only bounds what the generation does not
see (an index rebuilt by `update_index` alone) and the memory used. Signed-in editors always search
live. A cache that fails never fails a search: the search runs without it, and the failure is logged.
"""

import hashlib
import logging
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.utils import translation
from django.utils.module_loading import import_string
from wagtail.models import Site

logger = logging.getLogger(__name__)

# Seconds an answer is kept; SEARCH_CACHE_TIMEOUT = 0 turns the cache off.
DEFAULT_TIMEOUT = 300
# Part of every key: raise it when what an entry holds changes, so that a deployment never reads
# entries written by the code before it.
ENTRY_FORMAT = 3


def _cache():
    # Django's default cache unless SEARCH_CACHE_ALIAS names another.
    return caches[getattr(settings, "SEARCH_CACHE_ALIAS", "default")]


def _timeout():
    return getattr(settings, "SEARCH_CACHE_TIMEOUT", DEFAULT_TIMEOUT)


def _signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def _generation_reader():
    """The function that reads the content generation, or None when no setting names one.

    A wrong name raises ImportError: a mistake in the settings, not a cache failure.
    """
    path = getattr(settings, "SEARCH_CACHE_GENERATION", None)
    return import_string(path) if path else None


def _generation(request, read_generation):
    """The content generation, read once per request."""
    if request is None:
        return read_generation()
    if not hasattr(request, "_search_generation"):
        request._search_generation = read_generation()
    return request._search_generation


def _key(request, parts, generation):
    # The host and the language: result URLs depend on the site that serves the request.
    described = (ENTRY_FORMAT, generation, request.get_host(), translation.get_language(), *parts)
    return "search:" + hashlib.sha256(repr(described).encode()).hexdigest()


def kept(request, parts, compute):
    """What `compute()` returns, or what it returned a little earlier for the same `parts`.

    `parts` must name everything the answer depends on besides the content, the host and the language
    (the query's normal form, the filters, the page, the format). Only anonymous visitors are served
    kept answers.
    """
    timeout, read_generation = _timeout(), _generation_reader()
    if not timeout or read_generation is None or _signed_in(request):
        return compute()
    try:
        key = _key(request, parts, _generation(request, read_generation))
        found = _cache().get(key)
    except Exception:
        # Whatever the cache raises (a refused connection, an unreadable entry), the search goes on.
        logger.warning("search cache unreadable; searching without it", exc_info=True)
        return compute()
    if found is not None:
        return found
    answer = compute()
    try:
        _cache().set(key, answer, timeout)
    except Exception:
        logger.warning("search cache unwritable; the answer is not kept", exc_info=True)
    return answer


# What every search reads besides the index and that only content changes alter: the live conferences'
# facts, the restricted pages, the site and its root paths, the conference index's URL. Kept in this
# process for the content generation they were read in, for every visitor, signed in or not (a search
# shows only live, public content to everyone); with the answers' cache off too (SEARCH_CACHE_TIMEOUT = 0).
# SEARCH_CONTENT_MEMO = False turns it off (the test settings do: a test's rollback changes the content
# without a new generation).
# What per_content_each() keeps is bounded: past SEARCH_CONTENT_MEMO_ENTRIES, the least recently shown
# entries go first. An entry takes about 1.2 kB; this archive has about 4,400 to show (2,223
# presentations, 2,047 people, 131 pages), so the bound keeps all of them four times over in about 24 MB
# a worker, where 100 times the archive would otherwise grow to half a gigabyte.
DEFAULT_MEMO_ENTRIES = 20_000
_memo = {"generation": None, "values": {}, "each": OrderedDict()}
_memo_lock = threading.Lock()


def _memo_for(generation):
    """The memo of `generation`, emptied first if it was another's; called with the lock held."""
    if _memo["generation"] != generation:
        _memo["generation"], _memo["values"], _memo["each"] = generation, {}, OrderedDict()
    return _memo


def _memo_entries():
    return getattr(settings, "SEARCH_CONTENT_MEMO_ENTRIES", DEFAULT_MEMO_ENTRIES)


def memo_on(read_generation=None):
    """Whether per_content() keeps what it reads: a generation to key it by, and SEARCH_CONTENT_MEMO not False."""
    read_generation = read_generation or _generation_reader()
    return read_generation is not None and getattr(settings, "SEARCH_CONTENT_MEMO", True)


def per_content(request, name, compute):
    """What `compute()` returns, read once per content generation, site and language in this process."""
    read_generation = _generation_reader()
    if not memo_on(read_generation):
        return compute()
    try:
        generation = _generation(request, read_generation)
    except Exception:
        logger.warning("content generation unreadable; reading the content afresh", exc_info=True)
        return compute()
    key = (name, request.get_host() if request is not None else None, translation.get_language())
    with _memo_lock:
        values = _memo_for(generation)["values"]
        if key in values:
            return values[key]
    value = compute()
    with _memo_lock:
        # Kept only if no change came meanwhile: the next search reads the new generation's anyway.
        if _memo["generation"] == generation:
            _memo["values"][key] = value
    return value


def per_content_each(request, name, ids, compute):
    """{id: value} for `ids`, each kept as per_content() keeps a value; `compute(missing ids)` reads those
    not kept yet at once and returns {id: value}. Kept one by one, so that what is kept is bounded by the
    content (one entry per page, say), not by the combinations searches ask for."""
    read_generation = _generation_reader()
    if not memo_on(read_generation):
        return compute(list(ids))
    try:
        generation = _generation(request, read_generation)
    except Exception:
        logger.warning("content generation unreadable; reading the content afresh", exc_info=True)
        return compute(list(ids))
    base = (name, request.get_host() if request is not None else None, translation.get_language())
    with _memo_lock:
        each = _memo_for(generation)["each"]
        found = {}
        for item in ids:
            if (base, item) in each:
                each.move_to_end((base, item))
                found[item] = each[(base, item)]
    missing = [item for item in ids if item not in found]
    if missing:
        computed = compute(missing)
        with _memo_lock:
            if _memo["generation"] == generation:
                _keep_each(base, computed)
        found.update(computed)
    return found


def _keep_each(base, computed):
    """Keep per_content_each()'s new entries, dropping the least recently shown beyond the bound."""
    each, bound = _memo["each"], _memo_entries()
    for item, value in computed.items():
        each[(base, item)] = value
        each.move_to_end((base, item))
    while len(each) > bound:
        each.popitem(last=False)


def known_site(request):
    """Set the request's site and site root paths where Wagtail looks for them, from what this process keeps.

    Wagtail reads the site (and, through it, the root page) for every page it routes, and the root paths
    for every address it writes; both change only with the content (a Site is content). Kept as
    per_content() keeps a value: read afresh with the memo off, and after every change.
    """
    if request is None:
        return
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = per_content(request, "site", lambda: Site._find_for_request(request))
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = per_content(request, "site root paths", Site.get_site_root_paths)


def forget_content():
    """Drop what per_content() keeps (tests)."""
    with _memo_lock:
        _memo["generation"], _memo["values"], _memo["each"] = None, {}, OrderedDict()
