"""A conference's schedule read from the database: its timed sessions and its published schedule items.

One query more than the programme (`conference_programme`), whose sessions already carry their
times and rooms: the schedule items. The result is `timetable.Schedule`, plain data.
"""

from ..time_zones import conference_zone
from ..timetable import ITEM, SESSION, Entry, build_schedule
from .programme_query import conference_programme
from .schedule import ScheduleItem


def conference_schedule(conference, programme=None):
    """The schedule of `conference`; pass the `conference_programme()` already read to save its queries."""
    zone = conference_zone(conference.time_zone)
    sessions = conference_programme(conference) if programme is None else programme
    entries = [_session_entry(session, zone) for session in sessions if session["starts_at"]]
    entries += [_item_entry(item, zone) for item in _items(conference)]
    return build_schedule(zone, entries)


def _session_entry(session, zone):
    return Entry(
        kind=SESSION,
        pk=session["pk"],
        title=session["title"],
        type=session["session_type"],
        starts_at=session["starts_at"],
        ends_at=_end(session),
        zone=zone,
        code=session["code"],
        chair=session["chair"],
        moderator=session["moderator"],
        description=session["description"],
        presentations=tuple(session["presentations"]),
        **_room(session),
    )


def _items(conference):
    return (
        ScheduleItem.objects.live()
        .filter(conference=conference)
        .order_by("starts_at", "pk")
        .values(
            "pk", "title", "item_type", "starts_at", "ends_at", "place", "description",
            "room_id", "room__name", "room__building", "room__sort_order",
        )
    )  # fmt: skip


def _item_entry(item, zone):
    return Entry(
        kind=ITEM,
        pk=item["pk"],
        title=item["title"],
        type=item["item_type"],
        starts_at=item["starts_at"],
        ends_at=_end(item),
        zone=zone,
        place=item["place"],
        description=item["description"],
        **_room(item),
    )


def _end(row):
    # An end before the start is a slip of the editor's; the entry is shown as taking no time.
    return row["ends_at"] if row["ends_at"] and row["ends_at"] > row["starts_at"] else None


def _room(row):
    if not row["room_id"]:
        return {}
    return {
        "room_id": row["room_id"],
        "room": row["room__name"],
        "building": row["room__building"],
        "room_order": (row["room__sort_order"], row["room__name"]),
    }
