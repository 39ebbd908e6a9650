"""The Conferences page's panel, computed from the conferences' dates, with the editor's pins and hides."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from conferences.choices import AttendanceMode, ConferenceKind
from conferences.models import ConferenceLandingPin
from conferences.tests import builders

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def at(*parts):
    return time_machine.travel(datetime.datetime(*parts, tzinfo=UTC), tick=False)


def panel_index(home_page, **fields):
    return builders.conference_index(home_page, landing_panel=True, **fields)


def panel(client, index):
    soup = BeautifulSoup(client.get(index.url).content, "html.parser")
    return soup.select_one("section.landing")


def statuses(client, index):
    """{event title: its status label} as the panel shows them."""
    found = panel(client, index)
    if found is None:
        return {}
    return {
        event.h4.get_text(strip=True): event.select_one(".badge").get_text(strip=True)
        for event in found.select("article.landing-event")
    }


def years(client, index):
    found = panel(client, index)
    return [
        (section.h3.get_text(strip=True), [h4.get_text(strip=True) for h4 in section.select("h4")])
        for section in found.select("section.landing__year")
    ]


@pytest.mark.parametrize(
    ("moment", "status"),
    [
        ((2027, 6, 6, 23, 59), "Forthcoming"),
        ((2027, 6, 7, 0, 0), "Happening now"),
        ((2027, 6, 10, 23, 59), "Happening now"),
        ((2027, 6, 11, 0, 0), "Recent"),
        ((2029, 6, 10, 12, 0), "Recent"),
    ],
)
def test_a_conference_moves_from_forthcoming_to_happening_now_to_recent(client, home_page, moment, status):
    index = panel_index(home_page)
    builders.conference(index, 2027, title="IASSIST 2027")
    with at(*moment):
        assert statuses(client, index) == {"IASSIST 2027": status}


def test_a_conference_leaves_the_panel_when_its_recent_years_are_over(client, home_page):
    index = panel_index(home_page, recent_years=2)
    builders.conference(index, 2027, title="IASSIST 2027")
    with at(2029, 6, 11, 0, 0):
        assert statuses(client, index) == {}


def test_happening_now_begins_at_midnight_in_the_venues_time_zone(client, home_page):
    index = panel_index(home_page)
    # Auckland is twelve hours ahead of UTC in June: its 7 June begins at 12:00 UTC on the 6th.
    builders.conference(index, 2027, title="IASSIST Auckland", time_zone="Pacific/Auckland")
    with at(2027, 6, 6, 11, 59):
        assert statuses(client, index) == {"IASSIST Auckland": "Forthcoming"}
    with at(2027, 6, 6, 12, 0):
        assert statuses(client, index) == {"IASSIST Auckland": "Happening now"}


def test_a_years_events_share_one_section_the_annual_conference_first(client, home_page):
    index = panel_index(home_page)
    builders.conference(
        index, 2021, title="Africa Workshop", kind=ConferenceKind.WORKSHOP, start_date=datetime.date(2021, 1, 11),
        end_date=datetime.date(2021, 1, 13),
    )  # fmt: skip
    builders.conference(index, 2021, title="Global Virtual Conference", attendance_mode=AttendanceMode.ONLINE)
    builders.conference(index, 2022, title="IASSIST 2022, Sweden")
    with at(2022, 9, 1, 12, 0):
        assert years(client, index) == [
            ("2022 IASSIST Events", ["IASSIST 2022, Sweden"]),
            ("2021 IASSIST Events", ["Global Virtual Conference", "Africa Workshop"]),
        ]


def test_each_event_shows_its_dates_place_attendance_summary_and_buttons(client, home_page):
    index = panel_index(home_page)
    builders.conference(
        index, 2027, title="IASSIST 2027", city="Bristol", country="UK", attendance_mode=AttendanceMode.HYBRID,
        landing_summary="<p>Registration opens in <b>March</b>.</p>",
        landing_buttons=[{"type": "event_buttons", "value": [builders.event_button("Call for papers", "/cfp/")]}],
    )  # fmt: skip
    with at(2027, 1, 5, 12, 0):
        event = panel(client, index).select_one("article.landing-event")
    facts = event.select_one(".landing-event__facts").get_text(" ", strip=True)
    assert "June 7–10, 2027" in facts and "Bristol, UK" in facts and "Hybrid" in facts
    assert event.select_one(".landing-event__summary b").get_text() == "March"
    assert [(a.get_text(strip=True), a["href"]) for a in event.select("a.button")] == [("Call for papers", "/cfp/")]


def test_an_event_without_buttons_gets_one_to_its_own_page(client, home_page):
    index = panel_index(home_page)
    conference = builders.conference(index, 2027, title="IASSIST 2027")
    with at(2027, 1, 5, 12, 0):
        buttons = panel(client, index).select("a.button")
    assert [(a.get_text(strip=True), a["href"]) for a in buttons] == [("IASSIST 2027", conference.url)]


def test_a_pinned_conference_without_dates_shows_first_in_its_year(client, home_page):
    index = panel_index(home_page)
    builders.conference(index, 2028, title="Africa Workshop 2028", kind=ConferenceKind.WORKSHOP)
    announced = builders.conference(index, 2028, title="IASSIST 2028", start_date=None, end_date=None)
    builders.landing_pin(index, announced)
    with at(2027, 7, 1, 12, 0):
        assert years(client, index) == [("2028 IASSIST Events", ["IASSIST 2028", "Africa Workshop 2028"])]
        assert "Dates to be announced" in panel(client, index).get_text()


def test_pins_set_the_order_of_a_years_events(client, home_page):
    index = panel_index(home_page)
    annual = builders.conference(index, 2027, title="IASSIST 2027")
    first = builders.conference(index, 2027, title="Africa Workshop", kind=ConferenceKind.WORKSHOP)
    second = builders.conference(index, 2027, title="Asia Workshop", kind=ConferenceKind.WORKSHOP)
    builders.landing_pin(index, second)
    builders.landing_pin(index, first)
    with at(2027, 1, 5, 12, 0):
        assert years(client, index) == [("2027 IASSIST Events", ["Asia Workshop", "Africa Workshop", annual.title])]


def test_a_pinned_conference_shows_after_its_recent_years(client, home_page):
    index = panel_index(home_page)
    old = builders.conference(index, 2010, title="IASSIST 2010")
    builders.landing_pin(index, old)
    with at(2027, 1, 5, 12, 0):
        assert statuses(client, index) == {"IASSIST 2010": "Recent"}


def test_a_hidden_conference_is_left_out_although_its_dates_would_show_it(client, home_page):
    index = panel_index(home_page)
    hidden = builders.conference(index, 2027, title="Cancelled Workshop", kind=ConferenceKind.WORKSHOP)
    builders.conference(index, 2027, title="IASSIST 2027")
    builders.landing_pin(index, hidden, choice="hide")
    with at(2027, 1, 5, 12, 0):
        assert statuses(client, index) == {"IASSIST 2027": "Forthcoming"}


def test_hiding_wins_over_pinning_the_same_conference(client, home_page):
    index = panel_index(home_page)
    conference = builders.conference(index, 2027, title="IASSIST 2027")
    builders.landing_pin(index, conference)
    builders.landing_pin(index, conference, choice="hide")
    with at(2027, 1, 5, 12, 0):
        assert statuses(client, index) == {}


def test_a_draft_conference_is_not_in_the_panel(client, home_page):
    index = panel_index(home_page)
    builders.conference(index, 2027, title="IASSIST 2027", live=False)
    with at(2027, 1, 5, 12, 0):
        assert panel(client, index) is None


def test_turning_the_panel_off_keeps_the_hand_made_body(client, home_page):
    index = builders.conference_index(
        home_page, landing_panel=False, body=[builders.notice("Forthcoming and Recent Conferences", "highlight")]
    )
    builders.conference(index, 2027, title="IASSIST 2027")
    with at(2027, 1, 5, 12, 0):
        soup = BeautifulSoup(client.get(index.url).content, "html.parser")
    assert soup.select_one("section.landing") is None
    assert soup.select_one(".notice--highlight h2").get_text() == "Forthcoming and Recent Conferences"
    assert "IASSIST 2027" in soup.select_one("section.upcoming").get_text()


def test_the_panel_replaces_the_list_of_upcoming_events(client, home_page):
    index = panel_index(home_page, show_upcoming=True)
    builders.conference(index, 2027, title="IASSIST 2027")
    with at(2027, 1, 5, 12, 0):
        soup = BeautifulSoup(client.get(index.url).content, "html.parser")
    assert soup.select_one("section.upcoming") is None
    assert soup.select_one("section.landing") is not None


def test_a_conferences_title_is_shown_escaped(client, home_page):
    index = panel_index(home_page)
    builders.conference(index, 2027, title='<script>alert("x")</script>')
    with at(2027, 1, 5, 12, 0):
        html = client.get(index.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_a_pin_on_a_conference_of_another_index_is_refused(home_page):
    index = panel_index(home_page)
    other_index = builders.conference_index(home_page, slug="other-conferences")
    foreign = builders.conference(other_index, 2027, title="Elsewhere 2027")
    pin = ConferenceLandingPin(page=index, conference=foreign, sort_order=0)
    with pytest.raises(ValidationError) as refused:
        pin.full_clean()
    assert refused.value.message_dict["conference"] == [
        "Elsewhere 2027 belongs to another Conferences page: choose one of this page's."
    ]


def test_a_pin_on_one_of_the_indexs_own_conferences_is_accepted(home_page):
    index = panel_index(home_page)
    own = builders.conference(index, 2027)
    ConferenceLandingPin(page=index, conference=own, sort_order=0).full_clean()


def test_recent_years_has_an_upper_bound(home_page):
    index = panel_index(home_page)
    index.recent_years = 500
    with pytest.raises(ValidationError) as refused:
        index.full_clean()
    assert "recent_years" in refused.value.message_dict


def test_the_panel_of_sixty_conferences_runs_a_bounded_number_of_queries(
    client, home_page, django_assert_max_num_queries
):
    index = panel_index(home_page, recent_years=50)
    target = builders.content_page(index, title="Registration")
    for number in range(60):
        year = 1990 + number % 40
        kind = ConferenceKind.WORKSHOP if number % 2 else ConferenceKind.ANNUAL
        button = {"label": "Register", "page": target.pk, "url": "", "new_tab": False}
        builders.conference(
            index, year, title=f"Event {number}", kind=kind,
            landing_buttons=[{"type": "event_buttons", "value": [button]}],
        )  # fmt: skip
    with at(2027, 1, 5, 12, 0):
        client.get(index.url)  # the site's root paths and the footer's settings, cached once
        with django_assert_max_num_queries(17):
            html = client.get(index.url).content.decode()
    assert html.count(f'href="{target.url}"') == 60


def test_the_panel_block_places_the_computed_panel_within_the_body_once(client, home_page):
    from conferences.tests import builders as page_builders

    index = page_builders.conference_index(home_page, landing_panel=True)
    page_builders.conference(index, 2999, slug="iassist2999", start_date=None, end_date=None)
    index.body = [("paragraph", "<p>Before.</p>"), ("landing_panel", None), ("paragraph", "<p>After.</p>")]
    index.save_revision().publish()
    html = client.get(index.url).content.decode()
    assert html.count('class="landing"') == 1
    assert html.index("Before.") < html.index('class="landing"') < html.index("After.")
