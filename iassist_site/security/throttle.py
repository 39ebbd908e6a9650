"""Counting failed password attempts per client, per account (or password form) and overall.

A client (an IP address; an IPv6 /64, which one subscriber usually holds whole) is refused
once it has failed THROTTLE_FAILURES_PER_TARGET times on one account or one password form,
or THROTTLE_FAILURES_PER_CLIENT times on any, until THROTTLE_WINDOW seconds pass without a
counted failure. The account itself is never locked: whoever knows its password signs in
from any other address, so an attacker cannot lock its owner out.

The counts live in the default cache (Redis or files in production, shared by the workers).
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "throttle"


def client_address(request):
    """REMOTE_ADDR; behind TRUSTED_PROXIES, the last address the nearest untrusted hop gave them.

    nginx appends the address it saw to X-Forwarded-For, so the entries a client wrote itself
    come first and are never reached while a trusted proxy's entry is to their right.
    """
    address = request.META.get("REMOTE_ADDR", "")
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    trusted = set(settings.TRUSTED_PROXIES)
    while address in trusted and forwarded:
        address = forwarded.pop()
    return _client_key(address)


def _client_key(address):
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def _keys(scope, target, request):
    client = client_address(request)
    # Hashed: cache keys must be short and plain, and user names are neither.
    target_digest = hashlib.sha256(str(target).casefold().encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:{scope}:{target_digest}:{client}", f"{KEY_PREFIX}:{scope}:*:{client}"


def refused(scope, target, request):
    target_key, client_key = _keys(scope, target, request)
    counts = cache.get_many([target_key, client_key])
    return (
        counts.get(target_key, 0) >= settings.THROTTLE_FAILURES_PER_TARGET
        or counts.get(client_key, 0) >= settings.THROTTLE_FAILURES_PER_CLIENT
    )


def record_failure(scope, target, request):
    for key in _keys(scope, target, request):
        cache.add(key, 0, settings.THROTTLE_WINDOW)
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, settings.THROTTLE_WINDOW)
        # Some backends' incr() keeps the key for their default timeout instead.
        cache.touch(key, settings.THROTTLE_WINDOW)


def forget(scope, target, request):
    """The right password: that client's failures on that target no longer count (its overall ones do)."""
    target_key, _client_key = _keys(scope, target, request)
    cache.delete(target_key)


def wait_minutes():
    return max(1, round(settings.THROTTLE_WINDOW / 60))


class RefusedStatusMiddleware:
    """429 Too Many Requests for a request the throttle refused (the page still says why)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "attempt_refused", False):
            response.status_code = 429
        return response
