"""The schedule to write from an export laid over its programme: times in UTC, rooms, types, countries."""

import datetime
import re
import zoneinfo
from collections import Counter

from .plans import AddressPlan, ItemPlan, PresentationPlan, PresenterCountry, RoomPlan, SchedulePlan, SessionPlan
from .programme import ProgrammeAsRun, authors_by_presenter

CODE = re.compile(r"\b([A-Z]{1,2}\.?\d{1,2}[a-z]?)$")  # "Panel A1", "Concurrent Session B.3"
PLACE_AFTER_TITLE = re.compile(r"^(?P<title>.+?)\s+[-–—]\s+(?P<place>[^-–—]+?)\s*$")


def lay_over(conference, export, time_zone, warnings):
    """(the programme as it ran, its SchedulePlan) for `conference` (an ArchiveConference) and its `export`."""
    clock = VenueClock(time_zone)
    programme = ProgrammeAsRun(conference, export, warnings)
    rooms = room_plans(export.rooms)
    plan = SchedulePlan(
        source=export.path,
        time_zone=time_zone,
        rooms=list(rooms.values()),
        sessions=[_session_plan(order, session, clock, rooms) for order, session in enumerate(programme.sessions)],
        items=[_item_plan(slot, clock, rooms) for slot in programme.items()],
        addresses=export_addresses(export, programme.sessions),
    )
    return programme.records(), plan


class VenueClock:
    """A slot's local times at the venue, as aware datetimes in UTC."""

    def __init__(self, time_zone):
        self.zone = zoneinfo.ZoneInfo(time_zone)

    def starts(self, slot):
        return self._utc(slot.day, slot.starts)

    def ends(self, slot):
        if slot.ends is None:
            return None
        # A slot that ends before it starts runs past midnight.
        day = slot.day + datetime.timedelta(days=1) if slot.ends <= slot.starts else slot.day
        return self._utc(day, slot.ends)

    def _utc(self, day, time):
        return datetime.datetime.combine(day, time, tzinfo=self.zone).astimezone(datetime.UTC)


def room_plans(names):
    """The export's rooms by the name it writes; "Room 202, Charles Library, Temple University" is room, building."""
    split = {name: name.split(", ", 1) if ", " in name else [name, ""] for name in names}
    counts = Counter(room for room, _ in split.values())
    return {
        name: RoomPlan(name=room, building=building) if counts[room] == 1 else RoomPlan(name=name)
        for name, (room, building) in split.items()
    }


def _session_plan(order, session, clock, rooms):
    plan = SessionPlan(order=order, title=session.record.title)
    if session.slot is not None:
        slot = session.slot
        plan.kind, plan.starts_at, plan.ends_at = slot.kind, clock.starts(slot), clock.ends(slot)
        plan.room = rooms[slot.room].name if slot.room else ""
        plan.code = match.group(1) if (match := CODE.search(slot.title)) else ""
    plan.presentations = [
        PresentationPlan(order=number, title=placed.record.title, countries=_countries(placed))
        for number, placed in enumerate(session.presentations)
    ]
    return plan


def export_addresses(export, sessions):
    """The export's folder, schedule page and submission pages, each with the session or presentation it was.

    A submission page leads to the presentation it matched; one that matched none, to the session
    whose slot lists it; any other (a break's or a social event's), to the schedule.
    """
    addresses = {export.url: AddressPlan(export.url), old_url(export.path): AddressPlan(old_url(export.path))}

    def add(page, session=None, presentation=None):
        if page:
            addresses.setdefault(old_url(page), AddressPlan(old_url(page), session, presentation))

    for order, session in enumerate(sessions):
        for number, placed in enumerate(session.presentations):
            add(placed.submission and placed.submission.page, order, number)
    for order, session in enumerate(sessions):
        for submission in session.slot.submissions if session.slot is not None else ():
            add(submission.page, order)
    for slot in export.slots:
        for submission in slot.submissions:
            add(submission.page)
    return list(addresses.values())


def old_url(page):
    """Where the old site served a file of the static/ folder: static/conferences/a1.html at /conferences/a1.html."""
    return "/" + page.removeprefix("static/")


def _countries(placed):
    if placed.submission is None:
        return []
    presenters = placed.record.presenters
    authors = authors_by_presenter(presenters, placed.submission.authors)
    return [
        PresenterCountry(order=order, name=presenters[order].name, country=author.country)
        for order, author in sorted(authors.items())
        if author.country
    ]


def _item_plan(slot, clock, rooms):
    title, room = slot.title, slot.room
    match = PLACE_AFTER_TITLE.match(title)
    named = {name.casefold(): name for name in rooms}
    if not room and match and match["place"].casefold() in named:
        # "Coffee Break - Ballroom Foyer": the title names one of the conference's rooms.
        title, room = match["title"], named[match["place"].casefold()]
    return ItemPlan(
        key=f"{clock.starts(slot):%Y%m%dT%H%MZ}-{slot.column}",
        title=title,
        kind=slot.kind,
        starts_at=clock.starts(slot),
        ends_at=clock.ends(slot),
        room=rooms[room].name if room else "",
        description=slot.description,
    )
