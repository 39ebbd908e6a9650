"""The export laid over the archive's programme: the programme as the conference ran it."""

import datetime

from conferences.importer.parse.openconf.programme import ProgrammeAsRun

from .records import conference, export, session, slot, submission, talk

JUNE_5 = datetime.date(2030, 6, 5)


def run(sessions, slots):
    warnings = []
    programme = ProgrammeAsRun(conference(*sessions), export(*slots), warnings)
    return programme, [str(warning) for warning in warnings]


def test_a_session_on_another_day_in_the_json_takes_the_exports_day_with_a_warning():
    programme, warnings = run([session("Session A4", day="June 4, 2030")], [slot("Session A4", day=JUNE_5)])
    assert programme.records()[0].day == "June 5, 2030"
    assert "the JSON gives the day 'June 4, 2030', the export 'June 5, 2030'" in warnings[0]


def test_a_session_on_the_same_day_keeps_the_jsons_text():
    programme, warnings = run([session("Session A4", day="Wednesday, June 5")], [slot("Session A4", day=JUNE_5)])
    assert programme.records()[0].day == "Wednesday, June 5"
    assert warnings == []


def test_a_session_without_a_day_takes_the_exports_quietly():
    programme, warnings = run([session("Session D2")], [slot("Session D2", day=JUNE_5)])
    assert programme.records()[0].day == "June 5, 2030"
    assert warnings == []


def test_a_session_the_export_ran_as_several_is_split_into_them_with_a_warning():
    workshops = session(
        "Pre-Conference Workshops",
        talk("Workshop 1: A Friendly Introduction to Python"),
        talk("Workshop 2: Learn how to create synthetic data"),
    )
    slots = [
        slot(
            "Workshop - A Friendly Introduction to Python",
            submission("A Friendly Introduction to Python"),
            kind="workshop",
            room="Room 202",
        ),
        slot(
            "Workshop - Learn how to create synthetic data",
            submission("Learn how to create synthetic data"),
            kind="workshop",
            room="Room 113",
            column=1,
        ),
    ]
    programme, warnings = run([workshops], slots)
    assert [(record.title, [p.title for p in record.presentations]) for record in programme.records()] == [
        ("Workshop - A Friendly Introduction to Python", ["Workshop 1: A Friendly Introduction to Python"]),
        ("Workshop - Learn how to create synthetic data", ["Workshop 2: Learn how to create synthetic data"]),
    ]
    assert "'Pre-Conference Workshops' ran as 2 sessions" in warnings[0]


def test_a_presentation_the_export_runs_in_another_session_moves_there_with_a_warning():
    sessions = [
        session("Session A1", talk("Open data"), talk("Closed data")),
        session("Session B1", talk("Shared data")),
    ]
    slots = [
        slot("Session A1", submission("Open data")),
        slot("Session B1", submission("Shared data"), submission("Closed data")),
    ]
    programme, warnings = run(sessions, slots)
    assert [[p.title for p in record.presentations] for record in programme.records()] == [
        ["Open data"],
        ["Shared data", "Closed data"],
    ]
    assert "'Closed data' ran in session 'Session B1': moved there" in warnings[0]


def test_a_session_the_export_lacks_keeps_its_place_and_day_with_a_warning():
    sessions = [session("Panel A1"), session("A2", talk("[withdrawn]"), day="May 31, 2030"), session("Session A3")]
    programme, warnings = run(sessions, [slot("Session A3"), slot("Panel A1")])
    assert [(record.title, record.day) for record in programme.records()] == [
        ("Panel A1", "June 4, 2030"),
        ("A2", "May 31, 2030"),
        ("Session A3", "June 4, 2030"),
    ]
    assert warnings == ["static/conferences/iassist2030/full-program/index.html: session 'A2' is not in the export: "
                        "it keeps the JSON's day 'May 31, 2030' and no time"]  # fmt: skip


def test_a_session_the_json_lacks_is_added_after_its_own():
    sessions = [session("Session A1")]
    programme, _ = run(sessions, [slot("Birds of a Feather", kind="bof", chair="Ann Lee"), slot("Session A1")])
    assert [(record.title, record.chair) for record in programme.records()] == [
        ("Session A1", ""),
        ("Birds of a Feather", "Ann Lee"),
    ]


def test_breaks_meals_and_social_events_are_no_sessions():
    programme, _ = run(
        [], [slot("Coffee Break", kind="break"), slot("Banquet", kind="banquet"), slot("Closing", kind="closing")]
    )
    assert [record.title for record in programme.records()] == ["Closing"]
    assert [item.title for item in programme.items()] == ["Coffee Break", "Banquet"]


def test_a_reception_with_posters_is_a_session():
    posters = session("Poster Reception", talk("A poster"))
    programme, _ = run([posters], [slot("Poster Reception", submission("A poster"), kind="reception")])
    assert [record.title for record in programme.records()] == ["Poster Reception"]
    assert programme.items() == []


def test_a_reception_listing_submissions_that_match_nothing_is_a_session_with_warnings():
    programme, warnings = run([], [slot("Poster Reception", submission("An unknown poster"), kind="reception")])
    assert [record.title for record in programme.records()] == ["Poster Reception"]
    assert programme.items() == []
    assert "submission 'An unknown poster' of 'Poster Reception' matches no presentation" in warnings[0]


def test_a_session_without_a_chair_takes_the_exports():
    programme, _ = run(
        [session("Session A1")], [slot("Session A1", chair="Harrison Dekker, University of Rhode Island")]
    )
    assert programme.records()[0].chair == "Harrison Dekker, University of Rhode Island"


def test_a_sessions_own_chair_is_kept():
    programme, _ = run([session("Session A1", chair="Lynda Kellam")], [slot("Session A1", chair="Someone Else")])
    assert programme.records()[0].chair == "Lynda Kellam"


def test_a_presenter_without_an_institution_takes_the_exports():
    sessions = [session("Session A1", talk("Open data", "Ann Lee", "Bo Chen"))]
    sessions[0].presentations[0].presenters[1].institution = "Duke University"
    slots = [
        slot("Session A1", submission("Open data", ("Ann Lee", "UK Data Service", "UK"), ("Bo Chen", "ICPSR", "US")))
    ]
    programme, _ = run(sessions, slots)
    presenters = programme.records()[0].presentations[0].presenters
    assert [person.institution for person in presenters] == ["UK Data Service", "Duke University"]


def test_every_submission_and_presentation_left_unmatched_is_warned():
    programme, warnings = run(
        [session("Session A1", talk("Open data"))], [slot("Session A1", submission("Closed doors"))]
    )
    assert len(warnings) == 2
    assert "submission 'Closed doors' of 'Session A1' matches no presentation" in warnings[0]
    assert "presentation 'Open data' matches no submission of the export" in warnings[1]
