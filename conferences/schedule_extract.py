"""One kind of slot from a conference's schedule, for the blocks that list a website's workshops or social events.

The blocks are defined below the page models (blocks.py is imported by pages.py), so the
models are looked up by name. On a conference's own page the page has read its schedule
already; on a page below it, two small queries read only the slots of the wanted kinds.
"""

from django.apps import apps

from .calendar import entry_url
from .time_zones import conference_zone, zone_label
from .timetable import ITEM, SESSION, Entry

SLOT_FIELDS = ("pk", "title", "starts_at", "ends_at", "description", "room_id", "room__name", "room__building")


def conference_of(page):
    """The conference page that `page` is, or is below; None elsewhere (a block preview has no page)."""
    conference_model = apps.get_model("conferences", "ConferencePage")
    if page is None or not getattr(page, "path", None):
        return None
    if isinstance(page, conference_model):
        return page
    return conference_model.objects.ancestor_of(page).defer_streamfields().first()


def schedule_slots(context, types):
    """The conference's published slots of `types` in time order, as schedule entries, and the conference."""
    page = context.get("page")
    conference = conference_of(page)
    if conference is None:
        return None, []
    schedule = context.get("schedule") if conference is page else None
    if schedule is not None:
        entries = [entry for entry in schedule.entries if entry.type in types]
    else:
        entries = _read_slots(conference, types)
    return conference, entries


def _read_slots(conference, types):
    zone = conference_zone(conference.time_zone)
    sessions = (
        apps.get_model("conferences", "Session")
        .objects.live()
        .filter(conference=conference, session_type__in=types, starts_at__isnull=False)
        .values(*SLOT_FIELDS, "session_type", "code")
    )
    items = (
        apps.get_model("conferences", "ScheduleItem")
        .objects.live()
        .filter(conference=conference, item_type__in=types)
        .values(*SLOT_FIELDS, "item_type", "place")
    )
    entries = [_entry(SESSION, row, row.pop("session_type"), zone) for row in sessions]
    entries += [_entry(ITEM, row, row.pop("item_type"), zone) for row in items]
    return sorted(entries, key=lambda entry: (entry.starts_at, entry.kind, entry.pk))


def _entry(kind, row, slot_type, zone):
    ends_at = row["ends_at"] if row["ends_at"] and row["ends_at"] > row["starts_at"] else None
    return Entry(
        kind=kind,
        pk=row["pk"],
        title=row["title"],
        type=slot_type,
        starts_at=row["starts_at"],
        ends_at=ends_at,
        zone=zone,
        room_id=row["room_id"],
        room=row["room__name"] or "",
        building=row["room__building"] or "",
        place=row.get("place", ""),
        code=row.get("code", ""),
        description=row["description"],
    )


def entry_href(entry, conference_url):
    return entry_url(entry, conference_url) if conference_url else ""


def entries_zone_label(entries):
    """ "British Summer Time (Europe/London)" for the times of `entries`."""
    return zone_label(entries[0].zone, [entry.starts_at for entry in entries]) if entries else ""
