"""Finding the exports in a Hugo tree and reading each with its submissions' pages."""

from conferences.importer.parse.openconf.exports import read_exports

from ...trees import write_file
from .markup import Cell, Day, Paper, TimeSlot, schedule_page, submission_page

FOLDER = "static/conferences/iassist2030/full-program"


def write_export(root, *papers):
    day = Day(
        "Wednesday, 5 June 2030", [TimeSlot("09:00-10:30", [Cell("Session A1", papers=list(papers))])], "2030-06-05"
    )
    write_file(root, f"{FOLDER}/index.html", schedule_page(day))


def read(root):
    warnings = []
    return read_exports(root, warnings), [str(warning) for warning in warnings]


def test_an_export_is_found_by_its_schedule_and_known_by_its_folders_address(tmp_path):
    write_export(tmp_path)
    write_file(tmp_path, "static/conferences/iassist2030/index.html", "<html><body>Not a schedule</body></html>")
    exports, _ = read(tmp_path)
    assert list(exports) == ["/conferences/iassist2030/full-program/"]
    assert exports["/conferences/iassist2030/full-program/"].path == f"{FOLDER}/index.html"


def test_a_submission_takes_its_authors_countries_and_abstract_from_its_page(tmp_path):
    write_export(tmp_path, Paper("Open data", "s1.html", "Ann Lee"))
    write_file(
        tmp_path, f"{FOLDER}/s1.html", submission_page("Open data", "Why.", [("Ann Lee", "Duke University", "USA")])
    )
    exports, warnings = read(tmp_path)
    submission = exports["/conferences/iassist2030/full-program/"].slots[0].submissions[0]
    assert [(a.name, a.institution, a.country) for a in submission.authors] == [("Ann Lee", "Duke University", "USA")]
    assert submission.abstract == "Why."
    assert warnings == []


def test_a_missing_submission_page_keeps_the_schedules_authors_with_a_warning(tmp_path):
    write_export(tmp_path, Paper("Open data", "s1.html", "Ann Lee, Duke University"))
    exports, warnings = read(tmp_path)
    submission = exports["/conferences/iassist2030/full-program/"].slots[0].submissions[0]
    assert [(a.name, a.institution) for a in submission.authors] == [("Ann Lee", "Duke University")]
    assert warnings == [
        f"{FOLDER}/index.html: {FOLDER}/s1.html is linked but missing: the schedule's line of authors is kept"
    ]


def test_a_linked_page_that_is_no_submission_keeps_the_schedules_authors_with_a_warning(tmp_path):
    write_export(tmp_path, Paper("Open data", "s1.html", "Ann Lee"))
    write_file(tmp_path, f"{FOLDER}/s1.html", "<html><body>Moved</body></html>")
    exports, warnings = read(tmp_path)
    assert exports["/conferences/iassist2030/full-program/"].slots[0].submissions[0].authors[0].name == "Ann Lee"
    assert warnings == [f"{FOLDER}/s1.html: holds no OpenConf summary: the schedule's line of authors is kept"]


def test_the_rooms_are_listed_once_in_the_order_the_schedule_first_names_them(tmp_path):
    slots = [
        TimeSlot("09:00-10:30", [Cell("A1"), Cell("A2")], rooms=["Cook", "Hall"]),
        TimeSlot("11:00-12:30", [Cell("B1"), Cell("B2")], rooms=["Hall", "Attic"]),
    ]
    write_file(tmp_path, f"{FOLDER}/index.html", schedule_page(Day("5 June 2030", slots)))
    exports, _ = read(tmp_path)
    assert exports["/conferences/iassist2030/full-program/"].rooms == ["Cook", "Hall", "Attic"]
