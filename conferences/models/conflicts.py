"""The schedule's conflicts, checked when a session, presentation or schedule item is saved.

An end not after its start, a slot outside the conference's days, two slots in one room at once,
and a presenter in two sessions at once. Each message names the other slot and its time in the
conference's time zone, so that the editor can find it. Rows are compared as the database holds
them: the published version, or the draft of a row that was never published.

Models are looked up by name: programme.py and schedule.py call these checks from their clean().
"""

import datetime
import zoneinfo

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone


def conference_zone(conference):
    """The venue's time zone, or the site's when the conference names none."""
    if conference is not None and conference.time_zone:
        return zoneinfo.ZoneInfo(conference.time_zone)
    return timezone.get_default_timezone()


def describe_time(starts_at, ends_at, zone):
    """E.g. “Wednesday 8 June 2022, 09:00–10:30 (Europe/London)”."""
    start = timezone.localtime(starts_at, zone)
    text = f"{start:%A} {start.day} {start:%B %Y}, {start:%H:%M}"
    if ends_at:
        text += f"–{timezone.localtime(ends_at, zone):%H:%M}"
    return f"{text} ({zone.key})"


def check_order(row):
    if row.starts_at and row.ends_at and row.ends_at <= row.starts_at:
        raise ValidationError({"ends_at": "The end is not after the start."})


def check_within_dates(row, conference):
    """The slot's days, in the venue's zone, fall within the conference's first and last days."""
    if not (row.starts_at and conference.start_date and conference.end_date):
        return
    if conference.date_precision != "day":  # only the month or year is known
        return
    zone = conference_zone(conference)
    first, last = conference.start_date, conference.end_date
    days = f"{first.day} {first:%B} to {last.day} {last:%B %Y} ({zone.key})"
    errors = {}
    if not conference.start_date <= timezone.localtime(row.starts_at, zone).date() <= conference.end_date:
        errors["starts_at"] = f"This is outside the conference's dates, {days}."
    if row.ends_at and not conference.start_date <= _last_day(row.ends_at, zone) <= conference.end_date:
        errors["ends_at"] = f"This is outside the conference's dates, {days}."
    if errors:
        raise ValidationError(errors)


def _last_day(ends_at, zone):
    # A slot ending at midnight ends on the day before.
    return (timezone.localtime(ends_at, zone) - datetime.timedelta(microseconds=1)).date()


def overlapping(rows, starts_at, ends_at, start="starts_at", end="ends_at"):
    """`rows` whose time overlaps starts_at–ends_at; a slot without an end takes only its start."""
    ends_at = ends_at or starts_at
    rows = rows.annotate(slot_start=F(start), slot_end=Coalesce(end, start))
    return rows.filter(Q(slot_start__lt=ends_at, slot_end__gt=starts_at) | Q(slot_start=starts_at))


def check_room(row, conference):
    """No other session or schedule item is in the row's room at an overlapping time."""
    if not (row.room_id and row.starts_at):
        return
    zone = conference_zone(conference)
    for model in (apps.get_model("conferences", "Session"), apps.get_model("conferences", "ScheduleItem")):
        others = model.objects.filter(room_id=row.room_id, starts_at__isnull=False)
        if isinstance(row, model) and row.pk:
            others = others.exclude(pk=row.pk)
        other = overlapping(others, row.starts_at, row.ends_at).order_by("starts_at").first()
        if other is not None:
            when = describe_time(other.starts_at, other.ends_at, zone)
            raise ValidationError({"room": f"This room is taken by “{other.title}” at that time: {when}."})


def presenter_clash(conference, person_ids, starts_at, ends_at, session=None, presentation=None):
    """The first of these people's other presentations at an overlapping time, and who it is; or None.

    Presentations in the same session are in the same place, so they never clash.
    """
    if not (person_ids and starts_at):
        return None
    presenter_model = apps.get_model("conferences", "Presenter")
    entries = presenter_model.objects.filter(person_id__in=person_ids, presentation__conference=conference)
    if session is not None and session.pk:
        entries = entries.exclude(presentation__session_id=session.pk)
    if presentation is not None and presentation.pk:
        entries = entries.exclude(presentation_id=presentation.pk)
    start = Coalesce("presentation__starts_at", "presentation__session__starts_at")
    end = Coalesce("presentation__ends_at", "presentation__session__ends_at")
    timed = entries.annotate(own_start=start, own_end=end).filter(own_start__isnull=False)
    entries = overlapping(timed, starts_at, ends_at, start="own_start", end="own_end")
    entry = entries.select_related("person", "presentation__session").order_by("slot_start").first()
    if entry is None:
        return None
    zone = conference_zone(conference)
    talk = entry.presentation
    when = describe_time(entry.slot_start, entry.slot_end if entry.slot_end != entry.slot_start else None, zone)
    return f"{entry.person.name} also presents “{talk.title}” in “{talk.session.title}” at that time: {when}."


def check_session_presenters(session):
    """Moving a session's time must not put one of its presenters in two places at once."""
    if not session.starts_at or not session.pk:
        return
    presenter_model = apps.get_model("conferences", "Presenter")
    # Presentations with a time of their own do not move with the session.
    person_ids = presenter_model.objects.filter(
        presentation__session_id=session.pk, presentation__starts_at__isnull=True
    ).values_list("person_id", flat=True)
    clash = presenter_clash(session.conference, list(person_ids), session.starts_at, session.ends_at, session=session)
    if clash:
        raise ValidationError({"starts_at": clash})


def changed(row, fields):
    """Whether any of `fields` differs from the row in the database (always true for a new row)."""
    if not row.pk:
        return True
    stored = type(row).objects.filter(pk=row.pk).values(*fields).first()
    return stored is None or any(stored[name] != getattr(row, name) for name in fields)


def check_slot(row, conference):
    """Every check of a session's or schedule item's time and room, their errors together."""
    checks = [check_order, lambda slot: check_within_dates(slot, conference)]
    if changed(row, ["room_id", "starts_at", "ends_at"]):
        checks.append(lambda slot: check_room(slot, conference))
    if hasattr(row, "presentations") and changed(row, ["starts_at", "ends_at"]):
        checks.append(check_session_presenters)
    errors = {}
    for check in checks:
        try:
            check(row)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
