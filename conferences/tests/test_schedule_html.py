"""A schedule entry as HTML: every value escaped, the session linked to the programme, empty parts left out."""

import datetime
import zoneinfo

from bs4 import BeautifulSoup

from conferences.models.schedule_routes import ScheduleLinks
from conferences.schedule_html import entry_html, grid_rows_html
from conferences.timetable import ITEM, SESSION, Cell, Entry, Grid, Row

HOSTILE = '<script>alert("x")</script>&\''
LINKS = ScheduleLinks("/conferences/iassist2025/", *(["/c/"] * 6))
ZONE = zoneinfo.ZoneInfo("Europe/London")
START = datetime.datetime(2025, 6, 3, 8, 30, tzinfo=datetime.UTC)


def entry(**overrides):
    values = {"kind": SESSION, "pk": 7, "title": "Data curation", "type": "", "starts_at": START, "ends_at": None}
    return Entry(zone=ZONE, **{**values, **overrides})


def test_a_session_links_to_its_place_in_the_programme():
    html = entry_html(entry(code="A1"), LINKS)
    link = BeautifulSoup(html, "html.parser").select_one(".schedule-entry__title a")
    assert link["href"] == "/conferences/iassist2025/#session-7" and link.text == "A1: Data curation"


def test_a_break_has_its_own_anchor_and_no_link():
    html = entry_html(entry(kind=ITEM, pk=3, title="Coffee", type="break"), LINKS)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.div["id"] == "item-3" and soup.select_one("h3").text == "Coffee" and not soup.select("h3 a")
    assert "schedule-entry--break" in soup.div["class"]


def test_times_are_on_the_venues_clock_with_utc_in_the_markup():
    html = entry_html(entry(ends_at=START + datetime.timedelta(minutes=90)), LINKS)
    times = BeautifulSoup(html, "html.parser").select(".schedule-entry__when time")
    assert [(time["datetime"], time.text) for time in times] == [
        ("2025-06-03T08:30:00Z", "09:30"),
        ("2025-06-03T10:00:00Z", "11:00"),
    ]


def test_presentations_are_counted_and_linked_under_the_conference():
    talks = ({"slug": "one", "title": "One"}, {"slug": "two", "title": "Two"})
    soup = BeautifulSoup(entry_html(entry(presentations=talks), LINKS), "html.parser")
    assert soup.summary.text == "2 presentations in Data curation"
    assert [a["href"] for a in soup.select("details a")] == [
        "/conferences/iassist2025/presentations/one/",
        "/conferences/iassist2025/presentations/two/",
    ]


def test_an_entry_without_type_room_or_talks_has_no_empty_parts():
    soup = BeautifulSoup(entry_html(entry(), LINKS), "html.parser")
    assert not soup.select(".schedule-entry__type, .schedule-entry__where, details")


def test_every_value_is_escaped():
    hostile = entry(
        title=HOSTILE,
        code=HOSTILE,
        type="panel",
        chair=HOSTILE,
        room_id=1,
        room=HOSTILE,
        building=HOSTILE,
        presentations=({"slug": HOSTILE, "title": HOSTILE},),
    )
    html = entry_html(hostile, ScheduleLinks(HOSTILE, *(["/c/"] * 6)))
    assert "<script>" not in html and '"x"' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;" in html


def test_grid_rows_give_spans_empty_cells_and_continuing_rows():
    session = entry()
    rows = (
        Row(START, "09:30", "2025-06-03T08:30:00Z", (Cell((session,), rowspan=2, colspan=3), Cell())),
        Row(START, "10:00", "2025-06-03T09:00:00Z", (Cell(),), has_start=False),
    )
    soup = BeautifulSoup(grid_rows_html(Grid(columns=(), rows=rows), LINKS), "html.parser")
    first, second = soup.select("tr")
    spanned = first.select_one("td.schedule-grid__cell")
    assert (spanned["rowspan"], spanned["colspan"]) == ("2", "3") and spanned.select_one("#session-7")
    assert len(first.select("td.schedule-grid__empty")) == 1 and "class" not in first.attrs
    assert second["class"] == ["schedule-grid__row--continuing"] and second.th.time.text == "10:00"


def test_a_one_slot_cell_has_no_span_attributes():
    rows = (Row(START, "09:30", "2025-06-03T08:30:00Z", (Cell((entry(),)),)),)
    cell = BeautifulSoup(grid_rows_html(Grid(columns=(), rows=rows), LINKS), "html.parser").td
    assert "rowspan" not in cell.attrs and "colspan" not in cell.attrs
