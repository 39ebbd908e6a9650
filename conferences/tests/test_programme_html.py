"""The programme's sessions and presentations as HTML: every value escaped, empty parts left out."""

import datetime
import zoneinfo

from bs4 import BeautifulSoup

from conferences.material_links import presentation_links
from conferences.models.schedule_routes import ScheduleLinks
from conferences.programme_html import index_html, presentations_html, presenters_html, sessions_html
from conferences.timetable import SESSION, Entry

HOSTILE = '<script>alert("x")</script>&\''


def _item(**overrides):
    item = {
        "slug": "versioning-data",
        "title": "Versioning data",
        "abstract": "",
        "presenters": [],
        "dois": [],
        "video_url": "",
        "materials": [],
    }
    return {**item, **overrides}


def _presenter(**overrides):
    return {"name": "Ada Byron", "slug": "ada-byron", "institution": "", "doi": "", **overrides}


def test_links_the_presentation_under_its_conference():
    html = presentations_html([_item()], "/conferences/iassist2025/", "/people/")
    assert '<a href="/conferences/iassist2025/presentations/versioning-data/">Versioning data</a>' in html


def test_every_database_value_is_escaped():
    presenter = _presenter(name=HOSTILE, slug=HOSTILE, institution=HOSTILE, doi=HOSTILE)
    item = _item(
        title=HOSTILE,
        slug=HOSTILE,
        abstract=HOSTILE,
        presenters=[presenter],
        dois=[{"doi": HOSTILE, "url": HOSTILE}],
        video_url=HOSTILE,
        materials=[
            {
                "kind": "slides",
                "text": HOSTILE,
                "detail": HOSTILE,
                "url": HOSTILE,
                "doi": HOSTILE,
                "pdf": False,
                "document": False,
            }
        ],
    )
    html = presentations_html([item], HOSTILE, HOSTILE)
    assert "<script>" not in html
    assert '"x"' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;" in html


def test_a_bare_presentation_has_no_empty_lists_or_abstract():
    html = presentations_html([_item()], "/c/", "/people/")
    assert "<ul" not in html
    assert "<details" not in html
    assert '<a href="/c/presentations/versioning-data/">Versioning data</a>' in html


def test_presenters_show_institution_and_their_own_doi():
    presenter = _presenter(institution="GESIS", doi="10.5281/zenodo.1")
    html = presentations_html([_item(presenters=[presenter])], "/c/", "/people/")
    assert '<a href="/people/ada-byron/">Ada Byron</a> (GESIS)' in html
    assert '<a class="presenter__doi" href="https://doi.org/10.5281/zenodo.1">doi:10.5281/zenodo.1' in html


def test_the_programme_gives_presenters_one_line_not_a_list():
    presenters = [_presenter(institution="GESIS"), _presenter(name="Bo Li", slug="bo-li")]
    html = presentations_html([_item(presenters=presenters)], "/c/", "/people/")
    line = BeautifulSoup(html, "html.parser").select_one("p.presenters")
    assert line.get_text() == "Ada Byron (GESIS); Bo Li"
    assert "<li><a" not in html


def test_a_presentations_page_lists_its_presenters_with_muted_institutions():
    html = presenters_html([_presenter(institution="GESIS"), _presenter(name="Bo Li", slug="bo-li")], "/people/")
    items = BeautifulSoup(html, "html.parser").select("ul.presenters > li")
    assert [item.get_text() for item in items] == ["Ada Byron (GESIS)", "Bo Li"]
    assert items[0].select_one("span.muted").get_text() == "(GESIS)"


def test_dois_and_recording_share_one_list_of_materials():
    item = _item(materials=presentation_links([("10.1/a", "")], [], "https://youtu.be/x"))
    html = presentations_html([item], "/c/", "/people/")
    assert html.count('<ul class="materials">') == 1
    assert '<a class="material" href="https://doi.org/10.1/a"><span>Publication' in html
    assert '<span class="materials__doi">doi:10.1/a</span>' in html
    assert 'class="material recording-link" href="https://youtu.be/x"' in html


def test_the_abstract_keeps_its_paragraphs_and_line_breaks_in_one_element_inside_details():
    abstract = "\r\nFirst part,\r\nsame paragraph.\n\n\n\nSecond part.\n"
    html = presentations_html([_item(abstract=abstract)], "/c/", "/people/")
    details = BeautifulSoup(html, "html.parser").select_one("details.abstract")
    assert [p.get_text() for p in details.select("p")] == ["First part,\nsame paragraph.\n\nSecond part."]
    assert "<br" not in html


def test_presentations_keep_their_order():
    html = presentations_html([_item(title="One", slug="one"), _item(title="Two", slug="two")], "/c/", "/p/")
    assert html.index(">One<") < html.index(">Two<")


def _session(**overrides):
    session = {
        "pk": 7,
        "code": "",
        "title": "Open data",
        "day": "",
        "chair": "",
        "moderator": "",
        "description": "",
        "video_url": "",
        "slot": None,
        "presentations": [],
    }
    return {**session, **overrides}


def _slot(**overrides):
    zone = zoneinfo.ZoneInfo("Europe/London")
    start = datetime.datetime(2025, 6, 4, 9, 0, tzinfo=zone)
    values = {"kind": SESSION, "pk": 7, "title": "Open data", "type": "", "starts_at": start, "zone": zone}
    values["ends_at"] = start + datetime.timedelta(minutes=90)
    return Entry(**{**values, **overrides})


LINKS = ScheduleLinks(*(["/c/"] * 7))


def test_a_session_has_its_heading_and_presentations_in_order():
    presentations = [_item(title="One", slug="one"), _item(title="Two", slug="two")]
    html = sessions_html([_session(code="A1", presentations=presentations)], None, "/c/", "/p/")
    section = BeautifulSoup(html, "html.parser").select_one('section.session[aria-labelledby="session-7"]')
    assert section.select_one("h3#session-7").get_text() == "A1: Open data"
    assert [a.get_text() for a in section.select("ol.presentations h4 a")] == ["One", "Two"]


def test_a_session_without_times_says_its_day_chair_and_moderator_else_nothing():
    html = sessions_html([_session(day="Tuesday", chair="Ada", moderator="Bo")], None, "/c/", "/p/")
    meta = BeautifulSoup(html, "html.parser").select(".session__meta span")
    assert [span.get_text() for span in meta] == ["Tuesday", "Chair: Ada", "Moderator: Bo"]
    assert "session__meta" not in sessions_html([_session()], None, "/c/", "/p/")


def test_a_timed_session_shows_when_and_where_and_links_its_calendar():
    slot = _slot(room="Room 2", building="Hall")
    html = sessions_html([_session(slot=slot, chair="Ada")], LINKS, "/c/", "/p/")
    meta = BeautifulSoup(html, "html.parser").select_one(".session__meta")
    times = [time["datetime"] for time in meta.select("time")]
    assert times == [slot.starts_iso, slot.ends_iso]
    assert meta.select_one("span").get_text() == f"{slot.day_heading}, {slot.start_text}–{slot.end_text}"
    assert "Room 2, Hall" in meta.get_text() and "Chair: Ada" in meta.get_text()
    assert meta.select_one("a[download]")["href"] == "/c/calendar/sessions/7/"


def test_every_session_value_is_escaped():
    session = _session(
        code=HOSTILE, title=HOSTILE, day=HOSTILE, chair=HOSTILE, moderator=HOSTILE, description=HOSTILE,
        video_url=HOSTILE,
    )  # fmt: skip
    html = sessions_html([session], None, HOSTILE, HOSTILE) + index_html(
        [{"label": HOSTILE, "sessions": [session, session]}], 2
    )
    assert "<script>" not in html
    assert '"x"' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;" in html


def test_the_index_lists_each_days_sessions_and_opens_a_single_day():
    days = [{"label": "Wednesday", "sessions": [_session(pk=1, title="A"), _session(pk=2, title="B", slot=_slot())]}]
    index = BeautifulSoup(index_html(days, 2), "html.parser")
    assert index.select_one("details.programme-index__day").has_attr("open")
    assert index.select_one("summary").get_text() == "Wednesday (2 sessions)"
    assert [a["href"] for a in index.select("ol a")] == ["#session-1", "#session-2"]
    assert [a.get_text() for a in index.select("ol a")] == ["A", "09:00 B"]


def test_a_programme_of_one_session_has_no_index():
    assert index_html([{"label": "Sessions", "sessions": [_session()]}], 1) == ""


def test_values_are_escaped_exactly_as_the_standard_library_escapes_them():
    from html import escape

    from conferences.programme_html import _e

    for text in ["", "Plain name", "Tom & Jerry", "<script>", 'a "quote"', "it's", "&amp;", "ümlaut – ‘curly’"]:
        assert _e(text) == escape(text)
