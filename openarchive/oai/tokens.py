"""Resumption tokens: the rest of a list, signed and stateless, valid for a day.

A token holds the list's arguments and the last presentation sent, so the next page starts after
it by id: records added or removed meanwhile neither repeat nor shift the others.
"""

import datetime

from django.core import signing

SALT = "openarchive.oai.resumption"
LIFETIME = datetime.timedelta(days=1)


def issue(state):
    return signing.dumps(state, salt=SALT, compress=True)


def expiry(now):
    return now + LIFETIME


def redeem(token):
    """The state a token carries; None when it is forged, damaged or expired."""
    try:
        return signing.loads(token, salt=SALT, max_age=LIFETIME)
    except signing.BadSignature:
        return None
