"""Builders for timed programmes: rooms, sessions with times, breaks and social events, live.

Times are given as the venue's clock shows them ("09:00" on a day) and stored as the aware
instants they are, so a test reads like a printed programme and checks the conversion.
"""

import datetime
import zoneinfo

from conferences.choices import SessionType
from conferences.models import Room, ScheduleItem
from conferences.tests import builders


def at(conference, day, clock):
    """The instant `clock` ("09:30") on `day` (a date) in the conference's time zone."""
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(day, datetime.time(hours, minutes), zoneinfo.ZoneInfo(conference.time_zone))


def room(conference, name, building="", **fields):
    order = fields.pop("sort_order", conference.rooms.count())
    return Room.objects.create(conference=conference, name=name, building=building, sort_order=order, **fields)


def timed_session(conference, title, day, start, end, room=None, session_type=SessionType.PAPER, **fields):
    return builders.session(
        conference,
        title,
        starts_at=at(conference, day, start),
        ends_at=at(conference, day, end) if end else None,
        room=room,
        session_type=session_type,
        **fields,
    )


def schedule_item(conference, title, day, start, end=None, item_type=SessionType.BREAK, **fields):
    return ScheduleItem.objects.create(
        conference=conference,
        title=title,
        item_type=item_type,
        starts_at=at(conference, day, start),
        ends_at=at(conference, day, end) if end else None,
        **fields,
    )


BRISTOL_DAY = datetime.date(2026, 6, 2)  # a Tuesday of British Summer Time, UTC+1
WASHINGTON_DAY = datetime.date(2024, 5, 28)  # a Tuesday of Eastern Daylight Time, UTC−4


def bristol_conference(index, **fields):
    """A two-day conference in Europe/London: two rooms with parallel sessions, a plenary, breaks, a reception.

    Tuesday: 09:00 opening plenary (Great Hall) to 10:00; 10:00-10:30 coffee; 10:30-12:00 A1
    (Room 1) beside A2 (Room 2) 10:30-11:30 and A3 (Room 2) 11:30-12:00; 18:00-20:00 reception
    at M Shed. Wednesday: 09:00-10:30 B1 (Room 1).
    """
    conference = builders.conference(
        index,
        2026,
        title=fields.pop("title", "IASSIST 2026"),
        slug=fields.pop("slug", "iassist-2026"),
        start_date=BRISTOL_DAY,
        end_date=BRISTOL_DAY + datetime.timedelta(days=1),
        city="Bristol",
        country="United Kingdom",
        time_zone="Europe/London",
        **fields,
    )
    hall = room(conference, "Great Hall", "Wills Memorial Building")
    first = room(conference, "Room 1", "Wills Memorial Building")
    second = room(conference, "Room 2", "Wills Memorial Building")
    day, next_day = BRISTOL_DAY, BRISTOL_DAY + datetime.timedelta(days=1)
    plenary = timed_session(conference, "Opening plenary", day, "09:00", "10:00", hall, SessionType.PLENARY, code="P1")
    coffee = schedule_item(conference, "Coffee", day, "10:00", "10:30")
    a1 = timed_session(conference, "Data rescue", day, "10:30", "12:00", first, code="A1", chair="Jane Fry")
    a2 = timed_session(conference, "Census futures", day, "10:30", "11:30", second, code="A2")
    a3 = timed_session(conference, "Lightning round", day, "11:30", "12:00", second, SessionType.LIGHTNING, code="A3")
    reception = schedule_item(
        conference, "Welcome reception", day, "18:00", "20:00", SessionType.RECEPTION, place="M Shed"
    )
    b1 = timed_session(conference, "Metadata in practice", next_day, "09:00", "10:30", first, code="B1")
    builders.presentation(
        a1,
        "Rescuing punched cards",
        presenters=[("Ann Lee", "University of Bristol")],
        abstract="Boxes of 1970s survey cards, read again.",
    )
    builders.presentation(
        a1,
        "Tapes in the attic",
        presenters=[("Bo Chen", "UK Data Service")],
        abstract="Nine-track tapes and what was on them.",
    )
    return {
        "conference": conference,
        "rooms": {"hall": hall, "first": first, "second": second},
        "plenary": plenary,
        "coffee": coffee,
        "a1": a1,
        "a2": a2,
        "a3": a3,
        "reception": reception,
        "b1": b1,
    }


def washington_conference(index, **fields):
    """A one-day conference in America/New_York: a workshop 09:00-12:00 and lunch 12:00-13:00."""
    conference = builders.conference(
        index,
        2024,
        title=fields.pop("title", "IASSIST 2024"),
        slug=fields.pop("slug", "iassist-2024"),
        start_date=WASHINGTON_DAY,
        end_date=WASHINGTON_DAY,
        city="Washington",
        country="United States",
        time_zone="America/New_York",
        **fields,
    )
    lab = room(conference, "Lab 3", "Gelman Library")
    workshop = timed_session(
        conference, "Workshop: R for survey data", WASHINGTON_DAY, "09:00", "12:00", lab, SessionType.WORKSHOP
    )
    lunch = schedule_item(conference, "Lunch", WASHINGTON_DAY, "12:00", "13:00", SessionType.MEAL)
    return {"conference": conference, "lab": lab, "workshop": workshop, "lunch": lunch}
