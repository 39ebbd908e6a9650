"""When a page that is being rendered will next look different without anyone editing it.

A notice with a last day, a conference that starts at its venue's midnight: whatever a page shows
by the date declares the moment it changes with note_change(), from a block, a template tag or a
view. The page cache (pagecache/expiry.py) reads next_change(), through the setting
PAGE_CACHE_NEXT_CHANGE, and keeps the page no longer than that. The request carries the moment, so
this module of the lowest layer is all that the declaring apps and the page cache share, and the page
cache imports none of them.
"""

import datetime

from django.utils import timezone

_ON_REQUEST = "_iassist_next_change"


def note_change(request, when):
    """Declare that the page rendered for `request` changes at `when` (an aware datetime); None is ignored.

    The earliest declared moment wins. Without a request (a block rendered in the admin's preview,
    a feed written by a command) there is nothing to declare to.
    """
    if request is None or when is None:
        return
    if timezone.is_naive(when):
        raise ValueError("A change time must say its time zone.")
    earliest = getattr(request, _ON_REQUEST, None)
    if earliest is None or when < earliest:
        setattr(request, _ON_REQUEST, when)


def next_change(request):
    """The earliest moment declared for this request's page, or None when it does not change by itself."""
    return getattr(request, _ON_REQUEST, None)


def start_of_day(day, zone):
    """Midnight at the start of `day` in `zone`, as an aware datetime (the first instant of that date there)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)


def request_in(context):
    """The request of a template context (a dict or a Context), or None."""
    return context.get("request") if context is not None else None
