"""A conference's important dates: their wording, their checks, and the list visitors see.

Plain functions over anything with `kind`, `label`, `date` and `end_date`, so that the page
model, its admin form and the StreamField blocks share them without importing each other.
"""

import dataclasses
import datetime

from django.utils import timezone

from .choices import NOT_DEADLINES, DatePrecision, ImportantDateKind


def long_date(day):
    """June 3, 2027: how IASSIST writes a date."""
    return f"{day:%B} {day.day}, {day.year}"


def name_of(kind, label=""):
    """What a date is called: the editor's label, else the name of its kind."""
    label = (label or "").strip()
    if label:
        return label
    if kind in ImportantDateKind.values:
        return ImportantDateKind(kind).label
    return "Important date"


def is_deadline(kind):
    return kind not in NOT_DEADLINES


def entry_errors(kind, label, date, end_date):
    """The problems of one date on its own, by field."""
    errors = {}
    if date and end_date and end_date < date:
        errors["end_date"] = f"The end date ({long_date(end_date)}) is before the date ({long_date(date)})."
    if kind == ImportantDateKind.OTHER and not (label or "").strip():
        errors["label"] = "Say what this date is: an “Other” date needs a label."
    return errors


def soonest_first(entries):
    """`entries` by date, then in the editor's order; an entry still without a date (a preview) last."""
    return sorted(entries, key=lambda entry: (entry.date or datetime.date.max, getattr(entry, "sort_order", 0) or 0))


def conference_last_day(start_date, end_date):
    return end_date or start_date


def after_conference_error(name, day, last_day):
    """The message for a deadline after the conference, or None if it is not after it."""
    if not (day and last_day) or day <= last_day:
        return None
    return f"{name} ({long_date(day)}) is after the conference ends ({long_date(last_day)})."


def entry_after_conference_error(entry, last_day):
    if not is_deadline(entry.kind):
        return None
    return after_conference_error(name_of(entry.kind, entry.label), entry.date, last_day)


@dataclasses.dataclass(frozen=True)
class ShownDate:
    """One line of a conference's important dates as visitors see it."""

    kind: str
    name: str
    start: datetime.date
    end: datetime.date | None
    is_past: bool

    @property
    def start_text(self):
        return long_date(self.start)

    @property
    def end_text(self):
        return long_date(self.end) if self.end else ""


def with_conference_days(entries, conference):
    """`entries` and the conference's own days, unless the editors entered them as a date of their own.

    Only days known to the day: "June 1990" is no date to put beside deadlines.
    """
    start = getattr(conference, "start_date", None)
    known_to_the_day = getattr(conference, "date_precision", DatePrecision.DAY) == DatePrecision.DAY
    if not start or not known_to_the_day or any(entry.kind == ImportantDateKind.CONFERENCE_DAYS for entry in entries):
        return list(entries)
    return [*entries, PlainDate(ImportantDateKind.CONFERENCE_DAYS, start, getattr(conference, "end_date", None))]


def shown_dates(entries, kinds=(), today=None):
    """`entries` as visitors see them, soonest first; only the given kinds, if any are given.

    A date is past once its last day is over: a period stays current while it runs.
    """
    today = today or timezone.localdate()
    wanted = set(kinds)
    lines = [
        ShownDate(
            kind=entry.kind,
            name=name_of(entry.kind, entry.label),
            start=entry.date,
            end=entry.end_date if entry.end_date and entry.end_date != entry.date else None,
            is_past=(entry.end_date or entry.date) < today,
        )
        for entry in entries
        if entry.date and (not wanted or entry.kind in wanted)
    ]
    return sorted(lines, key=lambda line: line.start)


@dataclasses.dataclass(frozen=True)
class PlainDate:
    """An important date that is no row of the database: a preview's, or a conference's own days."""

    kind: str
    date: datetime.date
    end_date: datetime.date | None = None
    label: str = ""


class SampleConference:
    """A conference of made-up dates around today, so that a block's preview shows past and coming dates."""

    def __init__(self, today=None):
        today = today or timezone.localdate()
        days = datetime.timedelta
        self.end_date = today + days(days=120)
        self._dates = [
            PlainDate(ImportantDateKind.CFP_OPENS, today - days(days=60)),
            PlainDate(ImportantDateKind.PROPOSALS_DUE, today - days(days=10)),
            PlainDate(ImportantDateKind.NOTIFICATIONS, today + days(days=30)),
            PlainDate(ImportantDateKind.EARLY_BIRD_ENDS, today + days(days=60)),
            PlainDate(ImportantDateKind.REGISTRATION_CLOSES, today + days(days=100)),
            PlainDate(ImportantDateKind.CONFERENCE_DAYS, today + days(days=117), today + days(days=120)),
        ]

    def important_dates(self):
        return list(self._dates)

    def date_of(self, kind):
        return next((entry for entry in self._dates if entry.kind == kind), None)
