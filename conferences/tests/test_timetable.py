"""The schedule as plain data: times in the venue's zone, days, and each day's grid of time slots and rooms."""

import datetime

import pytest

from conferences.choices import SessionType
from conferences.models.schedule_query import conference_schedule
from conferences.tests import builders
from conferences.tests.schedule_builders import (
    BRISTOL_DAY,
    bristol_conference,
    room,
    schedule_item,
    timed_session,
    washington_conference,
)
from conferences.time_zones import zone_label

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


@pytest.fixture
def bristol(index):
    return bristol_conference(index)


def first_day(schedule):
    return schedule.days[0]


def cell_titles(row):
    return [tuple(entry.title for entry in cell.entries) for cell in row.cells]


def test_a_summer_session_in_london_is_stored_an_hour_before_its_clock_time(bristol):
    plenary = conference_schedule(bristol["conference"]).entries[0]
    assert (plenary.start_text, plenary.starts_iso) == ("09:00", "2026-06-02T08:00:00Z")


def test_a_may_session_in_washington_is_stored_four_hours_after_its_clock_time(index):
    workshop = conference_schedule(washington_conference(index)["conference"]).entries[0]
    assert (workshop.start_text, workshop.end_text, workshop.starts_iso) == ("09:00", "12:00", "2024-05-28T13:00:00Z")


def test_a_november_session_in_washington_is_five_hours_behind_utc(index):
    conference = washington_conference(index)["conference"]
    timed_session(conference, "After the clocks changed", datetime.date(2024, 11, 5), "09:00", "10:00")
    late = conference_schedule(conference).entries[-1]
    assert late.starts_iso == "2024-11-05T14:00:00Z"


def test_the_zone_is_named_in_words_with_its_iana_name(bristol, index):
    assert conference_schedule(bristol["conference"]).zone_label == "British Summer Time (Europe/London)"
    washington = conference_schedule(washington_conference(index)["conference"])
    assert washington.zone_label == "Eastern Daylight Time (America/New_York)"


def test_a_zone_the_names_do_not_cover_reads_as_its_offset():
    import zoneinfo

    moment = datetime.datetime(2026, 6, 2, 12, tzinfo=datetime.UTC)
    assert zone_label(zoneinfo.ZoneInfo("Asia/Dubai"), [moment]) == "UTC+04:00 (Asia/Dubai)"


def test_a_conference_without_a_time_zone_shows_utc(index):
    conference = builders.conference(index, 2023)
    builders.session(conference, "Timed", starts_at=datetime.datetime(2023, 6, 7, 9, tzinfo=datetime.UTC))
    schedule = conference_schedule(conference)
    assert schedule.zone_label == "Coordinated Universal Time (UTC)"


def test_sessions_without_a_time_are_not_in_the_schedule(bristol):
    builders.session(bristol["conference"], "Untimed poster session")
    titles = [entry.title for entry in conference_schedule(bristol["conference"]).entries]
    assert "Untimed poster session" not in titles


def test_a_draft_schedule_item_is_not_in_the_schedule(bristol):
    draft = schedule_item(bristol["conference"], "Secret dinner", BRISTOL_DAY, "20:00", "22:00")
    draft.live = False
    draft.save()
    titles = [entry.title for entry in conference_schedule(bristol["conference"]).entries]
    assert "Secret dinner" not in titles


def test_entries_are_grouped_into_the_venues_days(bristol):
    days = conference_schedule(bristol["conference"]).days
    assert [(day.date, day.heading) for day in days] == [
        (BRISTOL_DAY, "Tuesday, June 2"),
        (BRISTOL_DAY + datetime.timedelta(days=1), "Wednesday, June 3"),
    ]


def test_a_late_evening_session_belongs_to_its_local_day_not_the_utc_one(index):
    conference = washington_conference(index)["conference"]
    timed_session(conference, "Night owls", datetime.date(2024, 5, 28), "21:00", "22:00")  # 01:00 UTC next day
    assert [day.date for day in conference_schedule(conference).days] == [datetime.date(2024, 5, 28)]


def test_the_grid_has_a_column_per_room_of_parallel_sessions_in_the_conferences_order(bristol):
    grid = first_day(conference_schedule(bristol["conference"])).grid
    assert [column.name for column in grid.columns] == ["Room 1", "Room 2"]


def test_a_plenary_and_a_break_span_every_room(bristol):
    rows = first_day(conference_schedule(bristol["conference"])).grid.rows
    assert [(cell.colspan, cell.entries[0].title) for cell in rows[0].cells] == [(2, "Opening plenary")]
    assert [(cell.colspan, cell.entries[0].title) for cell in rows[1].cells] == [(2, "Coffee")]


def test_a_session_spans_the_slots_it_lasts_beside_shorter_ones(bristol):
    rows = first_day(conference_schedule(bristol["conference"])).grid.rows
    at_1030, at_1130 = rows[2], rows[3]
    assert [(cell.rowspan, cell.entries[0].title) for cell in at_1030.cells] == [
        (2, "Data rescue"),
        (1, "Census futures"),
    ]
    assert (at_1130.start_text, cell_titles(at_1130)) == ("11:30", [("Lightning round",)])


def test_the_afternoon_gap_has_no_row(bristol):
    rows = first_day(conference_schedule(bristol["conference"])).grid.rows
    assert [row.start_text for row in rows] == ["09:00", "10:00", "10:30", "11:30", "18:00"]


def test_an_empty_room_in_a_slot_gets_an_empty_cell(bristol):
    conference = bristol["conference"]
    day = BRISTOL_DAY + datetime.timedelta(days=1)
    timed_session(conference, "B2", day, "10:30", "11:00", bristol["rooms"]["second"])
    rows = conference_schedule(conference).days[1].grid.rows
    assert cell_titles(rows[0]) == [("Metadata in practice",), ()]


def test_a_row_where_sessions_only_go_on_is_marked_so(index):
    conference = washington_conference(index)["conference"]
    other = room(conference, "Lab 4")
    timed_session(conference, "Short talk", datetime.date(2024, 5, 28), "09:00", "10:00", other)
    rows = conference_schedule(conference).days[0].grid.rows
    assert [(row.start_text, row.has_start) for row in rows] == [("09:00", True), ("10:00", False), ("12:00", True)]


def test_a_session_without_an_end_takes_one_slot(index):
    conference = washington_conference(index)["conference"]
    timed_session(conference, "Open end", datetime.date(2024, 5, 28), "13:00", None, room(conference, "Lab 4"))
    last = conference_schedule(conference).days[0].grid.rows[-1]
    assert (last.start_text, [cell.rowspan for cell in last.cells if cell.entries]) == ("13:00", [1])


def test_two_sessions_in_one_room_at_once_turn_the_day_into_a_list_losing_none(bristol):
    conference = bristol["conference"]
    timed_session(conference, "Double-booked", BRISTOL_DAY, "10:30", "11:00", bristol["rooms"]["first"])
    grid = first_day(conference_schedule(conference)).grid
    listed = [entry.title for row in grid.rows for cell in row.cells for entry in cell.entries]
    assert grid.as_list
    assert sorted(listed) == sorted(entry.title for entry in first_day(conference_schedule(conference)).entries)


def test_a_day_of_only_breaks_has_one_column(index):
    conference = washington_conference(index)["conference"]
    schedule_item(conference, "Tour", datetime.date(2024, 5, 29), "10:00", "12:00", SessionType.SOCIAL)
    grid = conference_schedule(conference).days[1].grid
    assert [column.name for column in grid.columns] == ["Sessions"]


def test_an_end_before_the_start_is_taken_as_no_end(index):
    conference = washington_conference(index)["conference"]
    slip = timed_session(conference, "Slip", datetime.date(2024, 5, 28), "14:00", "13:00", room(conference, "Lab 4"))
    entry = conference_schedule(conference).by_key()[f"s{slip.pk}"]
    assert (entry.ends_at, entry.end_text) == (None, "")
