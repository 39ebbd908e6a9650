"""The schedule page, the programme's schedule parts and the conference's links to them, as visitors get them."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from conferences.choices import SessionType
from conferences.tests import builders
from conferences.tests.schedule_builders import (
    BRISTOL_DAY,
    bristol_conference,
    room,
    schedule_item,
    timed_session,
    washington_conference,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


@pytest.fixture
def bristol(index):
    return bristol_conference(index)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return BeautifulSoup(response.content, "html.parser")


def schedule_of(client, conference):
    return soup_of(client, f"{conference.url}schedule/")


def test_the_schedule_has_a_section_per_day(client, bristol):
    soup = schedule_of(client, bristol["conference"])
    assert [h2.get_text() for h2 in soup.select(".schedule-day h2")] == ["Tuesday, June 2", "Wednesday, June 3"]


def test_the_schedule_says_which_time_zone_its_times_are_in(client, bristol, index):
    assert "Times are in British Summer Time (Europe/London)." in schedule_of(client, bristol["conference"]).text
    washington = schedule_of(client, washington_conference(index)["conference"])
    assert "Times are in Eastern Daylight Time (America/New_York)." in washington.text


def test_times_are_shown_on_the_venues_clock_and_carry_the_instant(client, index):
    soup = schedule_of(client, washington_conference(index)["conference"])
    first = soup.select_one(".schedule-entry time")
    assert (first.get_text(), first["datetime"]) == ("09:00", "2024-05-28T13:00:00Z")


def test_a_day_is_a_table_with_a_column_per_room(client, bristol):
    table = schedule_of(client, bristol["conference"]).select_one(".schedule-grid")
    assert [th.get_text(" ", strip=True) for th in table.select("thead th")] == [
        "Time",
        "Room 1 Wills Memorial Building",
        "Room 2 Wills Memorial Building",
    ]


def test_a_long_session_spans_its_slots_and_a_plenary_every_room(client, bristol):
    soup = schedule_of(client, bristol["conference"])
    assert soup.find(id=f"session-{bristol['a1'].pk}").parent["rowspan"] == "2"
    assert soup.find(id=f"session-{bristol['plenary'].pk}").parent["colspan"] == "2"


def test_breaks_and_social_events_are_in_place_between_sessions(client, bristol):
    soup = schedule_of(client, bristol["conference"])
    titles = [h3.get_text() for h3 in soup.select(".schedule-day")[0].select(".schedule-entry__title")]
    assert titles == [
        "P1: Opening plenary", "Coffee", "A1: Data rescue", "A2: Census futures", "A3: Lightning round",
        "Welcome reception",
    ]  # fmt: skip


def test_each_session_links_to_its_part_of_the_programme_where_that_anchor_is(client, bristol):
    conference = bristol["conference"]
    links = [a["href"] for a in schedule_of(client, conference).select(".schedule-entry__title a")]
    programme = soup_of(client, conference.url)
    assert len(links) == 5
    for link in links:
        path, anchor = link.split("#")
        assert path == conference.url
        assert programme.find(id=anchor) is not None


def test_a_sessions_presentations_are_listed_with_their_pages(client, bristol):
    talks = schedule_of(client, bristol["conference"]).find(id=f"session-{bristol['a1'].pk}").select("details li a")
    assert [a.get_text() for a in talks] == ["Rescuing punched cards", "Tapes in the attic"]


def test_the_schedule_links_to_its_calendars_and_files(client, bristol):
    conference = bristol["conference"]
    hrefs = {a["href"] for a in schedule_of(client, conference).select("a[href]")}
    expected = {
        f"{conference.url}calendar/",
        f"webcal://testserver{conference.url}calendar/",
        f"{conference.url}calendar/2026-06-02/",
        f"{conference.url}schedule.xml",
        f"{conference.url}schedule.json",
        f"{conference.url}schedule/agenda/",
    }
    assert expected <= hrefs


def test_hostile_names_are_escaped_on_the_schedule(client, bristol):
    conference = bristol["conference"]
    hall = room(conference, "<script>alert(1)</script>", "<img src=x onerror=alert(2)>")
    timed_session(conference, "<b>bold</b>", BRISTOL_DAY, "14:00", "15:00", hall, code="<i>")
    schedule_item(conference, "Tea", BRISTOL_DAY, "15:00", None, SessionType.SOCIAL, place="<svg onload=x>")
    html = client.get(f"{conference.url}schedule/").content.decode()
    for hostile in ("<script>alert(1)", "<img src=x", "<b>bold", "<i>:", "<svg onload"):
        assert hostile not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_a_day_whose_rooms_overlap_is_a_list_that_loses_nothing(client, bristol):
    conference = bristol["conference"]
    timed_session(conference, "Double-booked", BRISTOL_DAY, "10:30", "11:00", bristol["rooms"]["first"])
    table = schedule_of(client, conference).select_one(".schedule-grid")
    assert "schedule-grid--list" in table["class"]
    assert "Double-booked" in table.get_text()


def test_a_conference_without_timed_sessions_has_no_schedule_and_no_link_to_one(client, index):
    conference = builders.conference(index, 2019)
    builders.session(conference, "Untimed")
    assert client.get(f"{conference.url}schedule/").status_code == 404
    assert "schedule/" not in client.get(conference.url).content.decode()


def test_the_conference_page_links_to_its_schedule_and_files(client, bristol):
    conference = bristol["conference"]
    hrefs = {a["href"] for a in soup_of(client, conference.url).select(".schedule-links a")}
    assert {f"{conference.url}schedule/", f"{conference.url}schedule.xml", f"{conference.url}schedule.json"} <= hrefs


def test_the_schedule_page_is_the_same_for_every_visitor_so_the_page_cache_may_keep_it(client, bristol):
    url = f"{bristol['conference'].url}schedule/"
    first = client.get(url)
    assert first["Content-Type"].startswith("text/html")
    assert "no-store" not in first.get("Cache-Control", "") and "private" not in first.get("Cache-Control", "")
    # "Now and next" is left to the browser: the server writes no moment into the page.
    assert "data-schedule-now-list></div>" in first.content.decode()


def build_big_schedule(conference, days, rooms, per_room):
    halls = [room(conference, f"Hall {number}") for number in range(rooms)]
    for day_number in range(days):
        day = conference.start_date + datetime.timedelta(days=day_number)
        schedule_item(conference, "Coffee", day, "08:30", "09:00")
        for slot in range(per_room):
            start = datetime.time(9 + slot)
            for hall in halls:
                session = timed_session(
                    conference, f"S{day_number}{slot}", day, f"{start:%H}:00", f"{start:%H}:50", hall
                )
                builders.presentation(session, presenters=[("A Person", "Inst")], abstract="Text")


def schedule_queries(client, conference, django_assert_max_num_queries):
    client.get(f"{conference.url}schedule/")  # the site's root paths are cached after the first request
    with django_assert_max_num_queries(22) as captured:
        assert client.get(f"{conference.url}schedule/").status_code == 200
    return len(captured)


def test_the_schedule_page_runs_as_many_queries_for_sixty_sessions_as_for_seven(
    client, bristol, index, django_assert_max_num_queries
):
    big = builders.conference(index, 2027, start_date=datetime.date(2027, 6, 1), end_date=datetime.date(2027, 6, 3))
    big.time_zone = "Europe/London"
    big.save()
    build_big_schedule(big, days=3, rooms=5, per_room=4)
    assert big.sessions.count() == 60
    small = schedule_queries(client, bristol["conference"], django_assert_max_num_queries)
    assert schedule_queries(client, big, django_assert_max_num_queries) == small


def test_the_programme_of_a_timed_conference_stays_within_its_queries(client, bristol, django_assert_max_num_queries):
    # One query per kind of row (sessions, presentations, presenters, DOIs, materials, schedule items), the
    # page and its shell: the same for any size of programme (test_programme.py checks that it does not grow).
    with django_assert_max_num_queries(26):
        assert client.get(bristol["conference"].url).status_code == 200


# -- the programme's schedule parts --------------------------------------------


def test_a_timed_session_on_the_programme_shows_its_day_time_and_room(client, bristol):
    meta = soup_of(client, bristol["conference"].url).find(id=f"session-{bristol['a1'].pk}").find_next("p")
    text = " ".join(meta.get_text().split())
    assert text.startswith("Tuesday, June 2, 10:30–12:00 Room 1, Wills Memorial Building Paper session")


def test_the_programme_says_which_time_zone_its_times_are_in(client, bristol):
    zone = soup_of(client, bristol["conference"].url).select_one(".programme__zone")
    assert zone.get_text() == "Times are in British Summer Time (Europe/London)."


def test_a_timed_session_on_the_programme_offers_its_calendar(client, bristol):
    soup = soup_of(client, bristol["conference"].url)
    assert soup.find("a", href=f"{bristol['conference'].url}calendar/sessions/{bristol['a1'].pk}/")


def test_the_programme_index_lists_the_days_and_links_every_session(client, bristol):
    index_nav = soup_of(client, bristol["conference"].url).select_one(".programme-index")
    days = [summary.get_text(" ", strip=True) for summary in index_nav.select("summary")]
    assert days == ["Tuesday, June 2 (4 sessions)", "Wednesday, June 3 (1 session)"]
    assert len(index_nav.select("a[href^='#session-']")) == 5


def test_an_untimed_programme_is_indexed_by_its_written_days(client, index):
    conference = builders.conference(index, 2015)
    for day in ("June 2", "June 2", "June 3"):
        builders.session(conference, f"Session on {day}", day=day)
    summaries = soup_of(client, conference.url).select(".programme-index summary")
    assert [s.get_text(" ", strip=True) for s in summaries] == ["June 2 (2 sessions)", "June 3 (1 session)"]


# -- structured data --------------------------------------------------------------


def json_ld(client, conference):
    soup = soup_of(client, conference.url)
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_sessions_are_sub_events_with_their_times_and_rooms(client, bristol):
    data = json_ld(client, bristol["conference"])
    a1 = next(event for event in data["subEvent"] if event["name"] == "A1: Data rescue")
    assert (a1["startDate"], a1["endDate"]) == ("2026-06-02T10:30:00+01:00", "2026-06-02T12:00:00+01:00")
    assert a1["location"]["name"] == "Room 1, Wills Memorial Building"
    assert a1["location"]["address"]["addressLocality"] == "Bristol"
    assert a1["url"].endswith(f"#session-{bristol['a1'].pk}")


def test_breaks_are_not_sub_events(client, bristol):
    names = [event["name"] for event in json_ld(client, bristol["conference"])["subEvent"]]
    assert "Coffee" not in names and "Welcome reception" not in names and len(names) == 5


def test_a_washington_session_is_dated_with_its_offset(client, index):
    data = json_ld(client, washington_conference(index)["conference"])
    assert data["subEvent"][0]["startDate"] == "2024-05-28T09:00:00-04:00"


def test_a_lightning_talks_own_time_shows_on_the_programme_in_the_venues_zone(client, home_page):
    from conferences.tests import builders as page_builders
    from conferences.tests.schedule_builders import BRISTOL_DAY, at, timed_session

    index = page_builders.conference_index(home_page, slug="talks-conferences")
    conference = page_builders.conference(
        index, 2026, slug="lightning-2026", time_zone="Europe/London",
        start_date=BRISTOL_DAY, end_date=BRISTOL_DAY,
    )  # fmt: skip
    session = timed_session(conference, "Lightning talks", BRISTOL_DAY, "14:00", "14:30")
    page_builders.presentation(
        session, "Five minutes on FAIR", starts_at=at(conference, BRISTOL_DAY, "14:05"),
        ends_at=at(conference, BRISTOL_DAY, "14:10"),
    )  # fmt: skip
    page_builders.presentation(session, "No time of its own")
    html = client.get(conference.url).content.decode()
    assert (
        '<time datetime="2026-06-02T13:05:00Z">14:05</time>–<time datetime="2026-06-02T13:10:00Z">14:10</time>' in html
    )
    assert html.count('class="presentation__time"') == 1
