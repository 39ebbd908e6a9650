"""Which conference an export belongs to, and when an export cannot be laid over its conference."""

from types import SimpleNamespace

from conferences.importer.parse.openconf.conferences import lay_over_exports

from ...trees import write_file
from .markup import Cell, Day, TimeSlot, schedule_page
from .records import conference, session

FOLDER = "static/conferences/iassist2030/full-program"


def page(key, *urls, city="Bristol", programme=None):
    return SimpleNamespace(key=key, hugo_urls=list(urls), facts={"city": city}, programme=programme)


def lay_over(tmp_path, pages):
    day = Day("Wednesday, 5 June 2030", [TimeSlot("09:00-10:30", [Cell("Session A1")])], "2030-06-05")
    write_file(tmp_path, f"{FOLDER}/index.html", schedule_page(day))
    warnings = []
    return lay_over_exports(tmp_path, pages, warnings), [str(warning) for warning in warnings]


def test_an_export_belongs_to_the_conference_whose_address_lies_above_its_folder(tmp_path):
    pages = [
        page("index", "/conferences/"),
        page(
            "annual-2030",
            "/conferences/archive/2030-bristol/",
            "/conferences/iassist2030/",
            programme=conference(session("Session A1")),
        ),
    ]
    laid, warnings = lay_over(tmp_path, pages)
    assert [(item.key, schedule.time_zone) for item, _, schedule in laid] == [("annual-2030", "Europe/London")]
    assert warnings == []


def test_an_export_belongs_to_the_deepest_conference_above_it(tmp_path):
    programme = conference(session("Session A1"))
    pages = [
        page("programme-2030", "/conferences/iassist2030/full-program/", programme=programme),
        page("annual-2030", "/conferences/iassist2030/", programme=programme),
        page("annual-2031", "/conferences/iassist2030-31/", programme=programme),
    ]
    laid, _ = lay_over(tmp_path, pages)
    assert [item.key for item, _, _ in laid] == ["programme-2030"]


def test_an_export_above_which_no_conference_lies_is_not_imported_with_a_warning(tmp_path):
    laid, warnings = lay_over(tmp_path, [page("index", "/conferences/")])
    assert laid == []
    assert warnings == [f"{FOLDER}/index.html: no conference page lies above its folder: the export is not imported"]


def test_an_export_of_a_conference_without_a_programme_is_not_imported_with_a_warning(tmp_path):
    laid, warnings = lay_over(tmp_path, [page("annual-2030", "/conferences/iassist2030/")])
    assert laid == []
    assert "has no programme in the archive JSON" in warnings[0]


def test_an_export_in_a_city_of_unknown_time_zone_is_not_imported_with_a_warning(tmp_path):
    pages = [page("annual-2030", "/conferences/iassist2030/", city="Gothenburg", programme=conference())]
    laid, warnings = lay_over(tmp_path, pages)
    assert laid == []
    assert "no time zone is known for 'Gothenburg'; add it to VENUE_TIME_ZONES" in warnings[0]


def test_a_city_written_with_its_state_has_its_zone(tmp_path):
    pages = [page("annual-2030", "/conferences/iassist2030/", city="Philadelphia, PA", programme=conference())]
    laid, _ = lay_over(tmp_path, pages)
    assert laid[0][2].time_zone == "America/New_York"
