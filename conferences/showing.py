"""Show from / show until: the days on which a notice or an event button is shown.

The days are in the site's time zone (settings.TIME_ZONE), not a venue's: one notice may concern
several events, and editors read one clock. A block outside its days renders nothing, and a block
that appears or disappears at a coming midnight declares that moment (home.changes), so the page
cache keeps the page no longer.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail import blocks

from home.changes import note_change, request_in, start_of_day

SHOW_FROM_HELP = (
    f"The first day it is shown, from midnight in the site's time zone ({settings.TIME_ZONE}). Leave empty "
    "to show it at once."
)
SHOW_UNTIL_HELP = (
    f"The last day it is shown, until midnight at its end in the site's time zone ({settings.TIME_ZONE}). "
    "Leave empty to show it until it is removed."
)
UNTIL_BEFORE_FROM = "The last day to show it is before the first day: change one of them."


def show_from_block():
    return blocks.DateBlock(required=False, label="Show from", help_text=SHOW_FROM_HELP)


def show_until_block():
    return blocks.DateBlock(required=False, label="Show until", help_text=SHOW_UNTIL_HELP)


def site_today():
    return timezone.localtime(timezone.now(), timezone.get_default_timezone()).date()


def window_errors(value):
    """The errors of a block's show from / show until, by child block (as StructBlockValidationError takes them)."""
    first, last = value.get("show_from"), value.get("show_until")
    if first and last and last < first:
        return {"show_until": ValidationError(UNTIL_BEFORE_FROM)}
    return {}


def shown_on(value, day):
    first, last = value.get("show_from"), value.get("show_until")
    return (first is None or first <= day) and (last is None or day <= last)


def next_turn(value, day):
    """The midnight (site time) at which the block next appears or disappears, or None if it never does again."""
    first, last = value.get("show_from"), value.get("show_until")
    zone = timezone.get_default_timezone()
    if first and day < first:
        return start_of_day(first, zone)
    if last and day <= last:
        return start_of_day(last + datetime.timedelta(days=1), zone)
    return None


def shown_today(value):
    """Whether the block is shown today, for what does not render it (the search index, result snippets)."""
    return shown_on(value, site_today())


def is_dated(value):
    return bool(value.get("show_from") or value.get("show_until"))


def shown_now(value, context):
    """Whether the block is shown today; declares the page's next change to the request rendering it."""
    day = site_today()
    note_change(request_in(context), next_turn(value, day))
    return shown_on(value, day)
