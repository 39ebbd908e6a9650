"""The schedule page of an OpenConf export: days, time slots, sessions, rooms, chairs, types."""

import datetime

import pytest

from conferences.importer.parse.openconf.schedule import parse_schedule

from .markup import Cell, Day, Paper, TimeSlot, schedule_page

PATH = "static/conferences/iassist2030/full-program/index.html"


def parse(*days, layout="tables"):
    warnings = []
    return parse_schedule(schedule_page(*days, layout=layout), PATH, warnings), warnings


def one_day(*slots, heading="Tuesday, 4 June 2030", anchor="2030-06-04"):
    return Day(heading, list(slots), anchor)


def test_each_session_of_a_slot_takes_the_slots_day_and_times():
    slots, _ = parse(one_day(TimeSlot("09:00-10:30", [Cell("Session A1"), Cell("Session A2")])))
    assert [(slot.title, slot.day, slot.starts, slot.ends) for slot in slots] == [
        ("Session A1", datetime.date(2030, 6, 4), datetime.time(9), datetime.time(10, 30)),
        ("Session A2", datetime.date(2030, 6, 4), datetime.time(9), datetime.time(10, 30)),
    ]


def test_a_sessions_room_is_the_one_in_its_column_of_the_slots_row_of_rooms():
    slots, _ = parse(one_day(TimeSlot("09:00-10:30", [Cell("A1"), Cell("A2")], rooms=["Cook", "Ballroom E"])))
    assert [slot.room for slot in slots] == ["Cook", "Ballroom E"]


def test_a_room_written_beside_the_title_is_the_sessions_room_and_leaves_the_title():
    slots, _ = parse(one_day(TimeSlot("18:00-20:00", [Cell("Reception", kind="Reception", room="Hamilton")])))
    assert [(slot.title, slot.room) for slot in slots] == [("Reception", "Hamilton")]


def test_a_room_left_blank_in_the_row_of_rooms_gives_no_room():
    slots, warnings = parse(
        one_day(TimeSlot("11:00-12:30", [Cell("Interest groups"), Cell("Regional")], rooms=["", "Cook"]))
    )
    assert [slot.room for slot in slots] == ["", "Cook"]
    assert warnings == []


def test_a_row_of_rooms_that_does_not_fit_the_sessions_is_ignored_with_a_warning():
    slots, warnings = parse(one_day(TimeSlot("11:00-12:30", [Cell("A1"), Cell("A2")], rooms=["Cook"])))
    assert [slot.room for slot in slots] == ["", ""]
    assert "names 1 rooms for 2 sessions" in str(warnings[0])


def test_the_chair_is_read_without_its_label():
    slots, _ = parse(
        one_day(TimeSlot("10:15-11:15", [Cell("Concurrent Session A.1", chair="Paula Lackie , Carleton College")]))
    )
    assert slots[0].chair == "Paula Lackie, Carleton College"


def test_a_sessions_information_becomes_its_plain_description():
    slots, _ = parse(one_day(TimeSlot("09:00-10:30", [Cell("Keynote", kind="Plenary", info="A talk & questions.")])))
    assert slots[0].description == "A talk & questions."


def test_submissions_are_read_in_order_with_their_pages_beside_the_schedule():
    papers = [Paper("Data for all", "s12.html", "Ann Lee, Duke University; Bo Chen"), Paper("Open data", "s3.html")]
    slots, _ = parse(one_day(TimeSlot("09:00-10:30", [Cell("Session A1", papers=papers)])))
    submissions = slots[0].submissions
    assert [(item.title, item.page) for item in submissions] == [
        ("Data for all", "static/conferences/iassist2030/full-program/s12.html"),
        ("Open data", "static/conferences/iassist2030/full-program/s3.html"),
    ]
    assert [(author.name, author.institution) for author in submissions[0].authors] == [
        ("Ann Lee", "Duke University"),
        ("Bo Chen", ""),
    ]


def test_a_submission_linked_off_the_export_has_no_page():
    slots, _ = parse(one_day(TimeSlot("09:00", [Cell("A1", papers=[Paper("Talk", "https://example.org/x.html")])])))
    assert slots[0].submissions[0].page == ""


def test_the_type_comes_from_the_css_class():
    slots, _ = parse(one_day(TimeSlot("10:30-11:00", [Cell("Coffee", kind="Break")])))
    assert slots[0].kind == "break"


def test_an_unknown_type_is_read_as_other_with_a_warning():
    slots, warnings = parse(one_day(TimeSlot("10:30-11:00", [Cell("Hackathon", kind="Hackathon")])))
    assert slots[0].kind == "other"
    assert "type 'Hackathon', which the import does not know: read as other" in str(warnings[0])


def test_an_unknown_type_whose_title_names_a_kind_is_read_as_that_kind_with_a_warning():
    slots, warnings = parse(one_day(TimeSlot("10:30-11:00", [Cell("Coffee break", kind="Refreshments")])))
    assert slots[0].kind == "break"
    assert len(warnings) == 1


@pytest.mark.parametrize(
    ("text", "starts", "ends"),
    [
        ("09:00-12:00", datetime.time(9), datetime.time(12)),
        ("9:00 AM - 1:30 PM", datetime.time(9), datetime.time(13, 30)),
        ("14:05 – 14:50", datetime.time(14, 5), datetime.time(14, 50)),
        ("19:30", datetime.time(19, 30), None),
        ("22:00-24:00", datetime.time(22), datetime.time(0)),
    ],
)
def test_times_are_read_as_exports_write_them(text, starts, ends):
    slots, warnings = parse(one_day(TimeSlot(text, [Cell("Session")])))
    assert (slots[0].starts, slots[0].ends) == (starts, ends)
    assert warnings == []


def test_a_slot_that_ends_when_it_starts_is_kept_without_an_end_with_a_warning():
    slots, warnings = parse(one_day(TimeSlot("09:00-09:00", [Cell("Session")])))
    assert (slots[0].starts, slots[0].ends) == (datetime.time(9), None)
    assert "ends when it starts" in str(warnings[0])


def test_a_slot_ending_after_midnight_keeps_its_end_for_the_next_day():
    slots, warnings = parse(one_day(TimeSlot("22:00-01:00", [Cell("Night tour", kind="Social")])))
    assert (slots[0].starts, slots[0].ends) == (datetime.time(22), datetime.time(1))
    assert warnings == []


def test_sessions_at_a_time_that_cannot_be_read_are_left_out_with_warnings():
    slots, warnings = parse(one_day(TimeSlot("after lunch", [Cell("Session A1")])))
    assert slots == []
    assert "time 'after lunch' cannot be read" in str(warnings[0])
    assert "'Session A1'" in str(warnings[1])


@pytest.mark.parametrize("heading", ["Tuesday, 4 June 2030", "Tuesday, June 4th, 2030", "4 Jun 2030"])
def test_the_day_is_read_from_the_heading_when_its_id_is_no_date(heading):
    slots, _ = parse(one_day(TimeSlot("09:00", [Cell("Session")]), heading=heading, anchor="day2"))
    assert slots[0].day == datetime.date(2030, 6, 4)


def test_sessions_under_a_day_heading_that_names_no_date_are_left_out_with_warnings():
    slots, warnings = parse(one_day(TimeSlot("09:00", [Cell("Session")]), heading="Day two", anchor=""))
    assert slots == []
    assert "names no date" in str(warnings[0])


def test_the_same_classes_in_divs_instead_of_tables_read_the_same():
    day = one_day(
        TimeSlot("09:00-10:30", [Cell("A1", papers=[Paper("Talk", "s1.html")]), Cell("A2")], rooms=["Cook", "Hall"]),
        TimeSlot("10:30-11:00", [Cell("Coffee Break", kind="Break")]),
    )
    in_tables, _ = parse(day)
    in_divs, _ = parse(day, layout="divs")
    assert in_divs == in_tables
