"""Suggestions as you type, from the prefix index (``Suggestion``, search/terms.py), not the full-text engine.

What was typed, folded ("Open da" -> "open da"), is a prefix of the keys of the titles and names
that hold those words in that order: one indexed range, then the best few by weight, in one
statement. The URLs are made per request from the stored page paths, as the results page makes them.
"""

from django.db import connection

from conferences import paths

from .models import Suggestion
from .ranking import CONFERENCE, PAGE, PERSON, PRESENTATION
from .terms import KEY_LENGTH
from .text import words

# Keys read for each suggestion shown: a title matched by several of its words is shown once.
ROWS_PER_SUGGESTION = 4


def prefix_of(query):
    """The folded words of a `ParsedQuery`, as the keys are written, or "" when there are none."""
    return " ".join(words(query.text))[:KEY_LENGTH].strip()


def _matching(prefix):
    if connection.vendor == "postgresql":
        return Suggestion.objects.filter(key__startswith=prefix)  # LIKE 'prefix%', the pattern index
    # SQLite's LIKE ignores case, so its index is not used for it; the same prefix as a range is.
    if ord(prefix[-1]) == 0x10FFFF:
        return Suggestion.objects.filter(key__gte=prefix)
    following = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return Suggestion.objects.filter(key__gte=prefix, key__lt=following)


def _url(row, urls):
    base = urls(row.url_path) if row.url_path else None
    if base is None:
        return None
    if row.kind == PRESENTATION:
        return paths.presentation_url(base, row.slug)
    if row.kind == PERSON:
        return paths.person_url(base, row.slug)
    return base if row.kind in (CONFERENCE, PAGE) else None


def suggest(query, urls, *, limit, kind=None, decade=None):
    """Up to `limit` Suggestion rows for what was typed, best first, each with its `url` set."""
    prefix = prefix_of(query)
    if not prefix:
        return []
    rows = _matching(prefix)
    if kind:
        rows = rows.filter(kind=kind)
    if decade is not None:
        rows = rows.filter(year__gte=decade, year__lt=decade + 10)
    fields = ("kind", "title", "year", "url_path", "slug", "target")
    found, seen = [], set()
    for row in rows.order_by("weight", "key", "pk").only(*fields)[: limit * ROWS_PER_SUGGESTION]:
        if row.target in seen:
            continue
        row.url = _url(row, urls)
        if row.url:
            seen.add(row.target)
            found.append(row)
        if len(found) == limit:
            break
    return found
