"""The schedule to write: times in UTC from the venue's clock, rooms, codes, countries, schedule items."""

import datetime

import pytest

from conferences.importer.parse.openconf.records import Export
from conferences.importer.parse.openconf.timetable import VenueClock, lay_over, room_plans

from .records import PATH, conference, session, slot, submission, talk

UTC = datetime.UTC


def schedule(sessions, slots, time_zone="Europe/London"):
    rooms = list(dict.fromkeys(item.room for item in slots if item.room))
    export = Export(path=PATH, url="/conferences/iassist2030/full-program/", slots=slots, rooms=rooms)
    return lay_over(conference(*sessions), export, time_zone, [])[1]


@pytest.mark.parametrize(
    ("time_zone", "day", "utc_hour"),
    [
        ("Europe/London", datetime.date(2025, 6, 4), 8),  # British Summer Time, UTC+1
        ("Europe/London", datetime.date(2025, 1, 15), 9),  # Greenwich Mean Time
        ("America/New_York", datetime.date(2023, 5, 31), 13),  # Eastern Daylight Time, UTC-4
        ("America/New_York", datetime.date(2023, 12, 1), 14),  # Eastern Standard Time, UTC-5
    ],
)
def test_a_slot_at_nine_on_the_venues_clock_is_stored_in_utc(time_zone, day, utc_hour):
    starts = VenueClock(time_zone).starts(slot("S", day=day, starts="09:00"))
    assert starts == datetime.datetime(day.year, day.month, day.day, utc_hour, tzinfo=UTC)


def test_a_slot_that_ends_before_it_starts_ends_the_next_day():
    ends = VenueClock("Europe/London").ends(
        slot("Night tour", day=datetime.date(2025, 6, 4), starts="22:00", ends="01:00")
    )
    assert ends == datetime.datetime(2025, 6, 5, 0, tzinfo=UTC)


def test_a_slot_without_an_end_has_none():
    assert VenueClock("Europe/London").ends(slot("Closing", ends=None)) is None


def test_a_session_takes_its_slots_time_room_type_and_code():
    plan = schedule(
        [session("Panel A1")], [slot("Panel A1", kind="panel", room="Ballroom A", starts="13:30", ends="15:00")]
    )
    timed = plan.sessions[0]
    assert (timed.title, timed.kind, timed.code, timed.room) == ("Panel A1", "panel", "A1", "Ballroom A")
    assert (timed.starts_at, timed.ends_at) == (
        datetime.datetime(2030, 6, 4, 12, 30, tzinfo=UTC),
        datetime.datetime(2030, 6, 4, 14, tzinfo=UTC),
    )


def test_a_session_the_export_lacks_has_no_time():
    plan = schedule([session("A2"), session("Panel A1")], [slot("Panel A1")])
    assert [(timed.title, timed.starts_at is None, timed.kind) for timed in plan.sessions] == [
        ("A2", True, ""),
        ("Panel A1", False, "paper"),
    ]


def test_a_presenters_country_comes_from_the_submission_by_name():
    sessions = [session("Session A1", talk("Open data", "José García", "Ana García"))]
    authors = [("Ana Garcia", "ICPSR", "United States"), ("Jose Garcia", "CSIC", "Spain")]
    plan = schedule(sessions, [slot("Session A1", submission("Open data", *authors))])
    countries = plan.sessions[0].presentations[0].countries
    assert [(country.order, country.country) for country in countries] == [(0, "Spain"), (1, "United States")]


def test_a_presenter_whose_name_is_spelt_otherwise_takes_the_country_of_the_only_author_of_that_surname():
    sessions = [session("Session A1", talk("Open data", "Jen Buckley"))]
    slots = [slot("Session A1", submission("Open data", ("Jennifer Buckley", "UK Data Service", "United Kingdom")))]
    countries = schedule(sessions, slots).sessions[0].presentations[0].countries
    assert [country.country for country in countries] == ["United Kingdom"]


def test_a_room_written_with_its_building_is_split_into_room_and_building():
    rooms = room_plans(["Room 202, Charles Library, Temple University", "Ballroom B/C/D"])
    assert [(room.name, room.building) for room in rooms.values()] == [
        ("Room 202", "Charles Library, Temple University"),
        ("Ballroom B/C/D", ""),
    ]


def test_two_rooms_of_one_name_in_different_buildings_keep_their_whole_names():
    rooms = room_plans(["Room 1, Library", "Room 1, Museum"])
    assert [room.name for room in rooms.values()] == ["Room 1, Library", "Room 1, Museum"]


def test_a_break_is_a_schedule_item_with_the_room_its_title_names():
    slots = [
        slot("Poster Session", kind="poster", room="Ballroom Foyer"),
        slot("Coffee Break - Ballroom Foyer", kind="break"),
    ]
    items = schedule([session("Poster Session")], slots).items
    assert [(item.title, item.kind, item.room) for item in items] == [("Coffee Break", "break", "Ballroom Foyer")]


def test_a_title_naming_no_room_of_the_conference_is_kept_whole():
    items = schedule([], [slot("Lunch - pick up at the foyer", kind="meal")]).items
    assert [(item.title, item.room) for item in items] == [("Lunch - pick up at the foyer", "")]


def test_the_exports_addresses_name_what_each_page_was():
    opened = submission("Open data in the archive", "Ann Lee")
    opened.page = "static/conferences/iassist2030/full-program/s1.html"
    stray = submission("A talk the archive lacks", "Bo Chen")
    stray.page = "static/conferences/iassist2030/full-program/s2.html"
    plan = schedule(
        [session("Panel A1", talk("Open data in the archive", "Ann Lee"))], [slot("Panel A1", opened, stray)]
    )
    by_url = {address.url: (address.session, address.presentation) for address in plan.addresses}
    assert by_url == {
        "/conferences/iassist2030/full-program/": (None, None),
        "/conferences/iassist2030/full-program/index.html": (None, None),
        "/conferences/iassist2030/full-program/s1.html": (0, 0),
        "/conferences/iassist2030/full-program/s2.html": (0, None),
    }
