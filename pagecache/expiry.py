"""How long a rendered page may be kept: the page cache's timeout, shortened to the page's next change.

A page that changes by the date (declared to the request, in this site by home.changes) must leave
the cache at that moment, in this cache and in browsers alike: the entry records its last moment
(checked on every hit, so a worker's own copy and a cache whose clock differs obey it too) and the
response says the same in Expires.
"""

import functools
import math

from django.conf import settings
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control
from django.utils.http import http_date
from django.utils.module_loading import import_string


def next_change(request):
    """The moment the page rendered for `request` next changes by itself, or None.

    Asked of the function that PAGE_CACHE_NEXT_CHANGE names (the site's: home.changes.next_change),
    since the page cache imports none of the site's apps.
    """
    name = getattr(settings, "PAGE_CACHE_NEXT_CHANGE", None)
    return _function(name)(request) if name else None


@functools.cache
def _function(name):
    return import_string(name)


def timeout_until(deadline, timeout):
    """`timeout` seconds, or fewer when `deadline` comes sooner; at least one (zero would mean forever)."""
    if deadline is None:
        return timeout
    remaining = math.ceil((deadline - timezone.now()).total_seconds())
    return max(1, min(timeout, remaining)) if timeout is not None else max(1, remaining)


def has_passed(deadline):
    return deadline is not None and timezone.now() >= deadline


def mark_response(response, deadline):
    """Tell browsers and proxies the page changes at `deadline`: Expires, and a max-age no longer than that."""
    if deadline is None:
        return
    response["Expires"] = http_date(deadline.timestamp())
    max_age = get_max_age(response)
    remaining = max(0, math.floor((deadline - timezone.now()).total_seconds()))
    if max_age is not None and max_age > remaining:
        patch_cache_control(response, max_age=remaining)
