"""The Conferences page's panel of forthcoming, current and recent events, computed from their dates.

Each conference is judged by the calendar of its venue (its time zone, else the site's): it is
forthcoming until its first day begins there, happening now until its last day ends, then recent
for the index's window of years. Every such turn is a coming midnight somewhere, declared to the
request (home.changes) so that a cached page does not outlive it.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone
from wagtail.blocks import BoundBlock

from home.changes import note_change, start_of_day

from ..choices import ConferenceKind, DatePrecision

FORTHCOMING, NOW, RECENT = "forthcoming", "now", "recent"
STATUS_LABELS = {FORTHCOMING: "Forthcoming", NOW: "Happening now", RECENT: "Recent"}
ONE_DAY = datetime.timedelta(days=1)


@dataclass
class PanelEntry:
    conference: object
    status: str
    pinned: bool = False
    buttons: list = field(default_factory=list)

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


@dataclass
class YearSection:
    year: int
    entries: list

    @property
    def is_current(self):
        """Whether the year still has an event to come or under way: the old page framed those years in a panel."""
        return any(entry.status != RECENT for entry in self.entries)


def venue_zone(conference):
    try:
        return ZoneInfo(conference.time_zone) if conference.time_zone else timezone.get_default_timezone()
    except (ZoneInfoNotFoundError, ValueError):  # an unknown name from before validation: the site's clock
        return timezone.get_default_timezone()


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def last_day(conference):
    """The event's last day as far as is known: a month or year known only by its start runs to its end."""
    start = conference.start_date
    if conference.end_date:
        return conference.end_date
    if conference.date_precision == DatePrecision.YEAR:
        return datetime.date(start.year, 12, 31)
    if conference.date_precision == DatePrecision.MONTH:
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start


def status_and_turn(conference, now, recent_years):
    """(status, the moment it next changes): status None once the event is older than the window."""
    zone = venue_zone(conference)
    today = now.astimezone(zone).date()
    if conference.start_date is None:
        # Only the year is known (next year's conference before it has dates): to come until that year ends.
        if conference.year >= today.year:
            return FORTHCOMING, start_of_day(datetime.date(conference.year + 1, 1, 1), zone)
        return _after(datetime.date(conference.year, 12, 31), today, zone, recent_years)
    first, last = conference.start_date, last_day(conference)
    if today < first:
        return FORTHCOMING, start_of_day(first, zone)
    if today <= last:
        return NOW, start_of_day(last + ONE_DAY, zone)
    return _after(last, today, zone, recent_years)


def _after(last, today, zone, recent_years):
    leaves = add_years(last, recent_years)
    if today <= leaves:
        return RECENT, start_of_day(leaves + ONE_DAY, zone)
    return None, None


def earliest_last_day(now, recent_years):
    """A bound for the database: no event that ended before this day can be recent anywhere on Earth."""
    return add_years(now.date(), -recent_years) - 2 * ONE_DAY


def build_panel(conferences, pins, now, recent_years, request=None):
    """The year sections, newest year first, of the conferences the panel shows.

    `conferences` are the index's live conferences that may show (pinned ones included, hidden ones
    not); `pins` the pinned conferences' ids in the editor's order. Within a year, pinned events
    come first in that order, then the annual conference before the workshops, then by date.
    """
    order = {pk: place for place, pk in enumerate(pins)}
    entries = []
    for conference in conferences:
        status, turn = status_and_turn(conference, now, recent_years)
        note_change(request, turn)
        pinned = conference.pk in order
        if status is None and pinned:
            status = RECENT
        if status is not None:
            entries.append(PanelEntry(conference, status, pinned))
    _attach_buttons(entries)
    entries.sort(key=lambda entry: _place(entry, order))
    sections = {}
    for entry in entries:
        sections.setdefault(entry.conference.year, []).append(entry)
    return [YearSection(year, items) for year, items in sorted(sections.items(), reverse=True)]


def _place(entry, order):
    conference = entry.conference
    return (
        order.get(conference.pk, len(order)),
        conference.kind != ConferenceKind.ANNUAL,
        conference.start_date or datetime.date.max,
        conference.title,
    )


def _attach_buttons(entries):
    """Every entry's landing buttons, with the pages they lead to read in one query for the whole panel."""
    raw = []
    for entry in entries:
        stream = entry.conference.landing_buttons
        buttons_block = stream.stream_block.child_blocks["event_buttons"]
        raw.extend((entry, item["value"]) for item in stream.raw_data if item.get("type") == "event_buttons")
    if not raw:
        return
    values = buttons_block.bulk_to_python([value for _entry, value in raw])
    for (entry, _raw_value), value in zip(raw, values, strict=True):
        entry.buttons.append(BoundBlock(buttons_block, value))
