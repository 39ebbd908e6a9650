"""The schedule in Chromium: the grid on a wide screen, one column on a phone, stars, the agenda's
calendar file, the switch to the visitor's time zone, "now and next", and the programme's tools.

The timed conference is in Bristol (Europe/London, British Summer Time, UTC+1): see
conferences/tests/schedule_builders.py for its sessions.
"""

import datetime

import icalendar
import pytest
from playwright.sync_api import expect

from .browser_checks import sideways_overflow
from .conftest import ACTION_TIMEOUT_MS, DESKTOP, PHONE, watch_policy_violations

pytestmark = pytest.mark.e2e


@pytest.fixture
def visit(browser, live_site):
    """A visitor of their own (empty storage), optionally in a time zone or at a moment; errors fail the test."""
    contexts, errors, violations = [], [], []

    def visit(path, viewport=DESKTOP, time_zone=None, at=None):
        context = browser.new_context(base_url=live_site.url, viewport=viewport, timezone_id=time_zone)
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        watch_policy_violations(page, violations)
        if at:
            page.clock.set_fixed_time(datetime.datetime.fromisoformat(at.replace("Z", "+00:00")))
        page.goto(path)
        return page

    yield visit
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"
    assert not violations, f"Content Security Policy refused something: {violations}"


def entry(page, key):
    return page.locator(f'[data-agenda-key="{key}"]')


def test_a_wide_screen_shows_the_day_as_a_grid_of_times_and_rooms(visit, site_content, screenshots):
    facts = site_content.schedule
    page = visit(facts.url)
    table = page.get_by_role("table", name=f"{facts.day}: sessions by time and room")

    expect(table.get_by_role("columnheader", name="Room 1")).to_be_visible()
    cell = entry(page, facts.long_session_key).locator("xpath=..")
    assert cell.get_attribute("rowspan") == "2"
    assert entry(page, facts.plenary_key).locator("xpath=..").get_attribute("colspan") == "2"
    assert table.evaluate("element => getComputedStyle(element).display") == "table"
    page.screenshot(path=screenshots / "schedule-grid-desktop.png", full_page=True)


def test_a_phone_shows_one_column_by_time_without_sideways_scrolling(visit, site_content, screenshots):
    facts = site_content.schedule
    page = visit(facts.url, PHONE)
    long_session = entry(page, facts.long_session_key)

    expect(long_session).to_be_visible()
    box, width = long_session.bounding_box(), PHONE["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.locator(".schedule-grid").first.evaluate("element => getComputedStyle(element).display") == "block"
    assert sideways_overflow(page) <= 0
    page.screenshot(path=screenshots / "schedule-list-phone.png", full_page=True)


def test_a_starred_session_survives_a_reload_and_is_in_the_agendas_calendar_file(visit, site_content):
    facts = site_content.schedule
    page = visit(facts.url)
    star = entry(page, facts.long_session_key).get_by_role("button", name=f"Star: A1: {facts.long_session}")

    star.click()
    expect(star).to_have_attribute("aria-pressed", "true")
    page.reload()
    expect(star).to_have_attribute("aria-pressed", "true")

    page.get_by_role("link", name="My agenda (1)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My agenda")
    expect(page.get_by_role("link", name=f"A1: {facts.long_session}")).to_be_visible()
    href = page.get_by_role("link", name="Add my agenda to my calendar").get_attribute("href")
    calendar = icalendar.Calendar.from_ical(page.request.get(href).body())
    events = calendar.walk("VEVENT")
    assert [(str(event["SUMMARY"]), event.decoded("DTSTART")) for event in events] == [
        (f"A1: {facts.long_session}", datetime.datetime(2026, 6, 2, 9, 30, tzinfo=datetime.UTC))
    ]


def test_the_agenda_without_stars_in_its_address_opens_the_ones_this_browser_kept(visit, site_content):
    facts = site_content.schedule
    page = visit(facts.url)
    entry(page, facts.plenary_key).get_by_role("button", name="Star: P1: Opening plenary").click()

    page.goto(facts.agenda_url)

    expect(page.get_by_role("link", name="P1: Opening plenary")).to_be_visible()
    assert "starred=" in page.url


def test_a_visitor_in_new_york_can_see_the_times_in_their_own_zone_and_it_is_remembered(visit, site_content):
    facts = site_content.schedule
    page = visit(facts.url, time_zone="America/New_York")
    plenary_start = entry(page, facts.plenary_key).locator("time").first
    expect(plenary_start).to_have_text("09:00")

    page.get_by_role("button", name="Show times in my time zone (America/New_York)").click()

    expect(plenary_start).to_have_text("04:00")
    expect(page.get_by_text("Times are in your time zone: Eastern Daylight Time (America/New_York).")).to_be_visible()
    page.reload()
    expect(plenary_start).to_have_text("04:00")
    expect(page.get_by_role("button", name="Show times in my time zone")).to_have_attribute("aria-pressed", "true")


def test_a_visitor_in_the_venues_zone_is_offered_no_switch(visit, site_content):
    page = visit(site_content.schedule.url, time_zone="Europe/London")
    expect(page.locator(".schedule-entry").first).to_be_visible()
    expect(page.get_by_role("button", name="Show times in my time zone")).to_have_count(0)


def test_during_a_session_the_schedule_says_what_is_on_now_and_next(visit, site_content):
    facts = site_content.schedule
    page = visit(facts.url, at=facts.during_a1_utc, time_zone="Europe/London")
    now = page.get_by_role("region", name="Now and next")

    expect(now).to_be_visible()
    expect(now.get_by_role("link", name=f"A1: {facts.long_session}")).to_be_visible()
    expect(now.get_by_role("heading", name="Next, at 11:30")).to_be_visible()
    expect(now.get_by_role("link", name="A3: Lightning round")).to_be_visible()


def test_after_the_conference_there_is_no_now_and_next(visit, site_content):
    page = visit(site_content.schedule.url, at="2026-07-01T12:00:00Z")
    expect(page.locator(".schedule-entry").first).to_be_visible()
    expect(page.locator("[data-schedule-now]")).to_be_hidden()


def test_the_programme_opens_every_abstract_at_once(visit, site_content):
    page = visit(site_content.urls["timed programme"])
    abstracts = page.locator("details.abstract")

    page.get_by_role("button", name="Expand all abstracts").click()

    for number in range(abstracts.count()):
        expect(abstracts.nth(number)).to_have_attribute("open", "")
    expect(page.get_by_role("button", name="Collapse all abstracts")).to_be_visible()


def test_the_programmes_index_leads_to_a_session(visit, site_content):
    page = visit(site_content.urls["timed programme"])
    index = page.get_by_role("navigation", name="Days and sessions")

    index.locator("summary", has_text=site_content.schedule.day).click()
    index.get_by_role("link", name=f"A1: {site_content.schedule.long_session}").click()

    assert page.url.endswith(f"#session-{site_content.schedule.long_session_key[1:]}")
    expect(page.get_by_role("heading", name=f"A1: {site_content.schedule.long_session}", level=3)).to_be_in_viewport()
