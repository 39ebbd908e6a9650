"""iCalendar files of the schedule (the conference, a day, a session, an agenda): valid, right in both zones."""

import datetime

import icalendar
import pytest

from conferences.choices import SessionType
from conferences.tests import builders
from conferences.tests.schedule_builders import BRISTOL_DAY, bristol_conference, schedule_item, washington_conference

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


@pytest.fixture
def bristol(index):
    return bristol_conference(index)


def calendar_at(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def by_summary(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_the_conference_calendar_holds_the_conference_and_every_entry(client, bristol):
    events = by_summary(calendar_at(client, f"{bristol['conference'].url}calendar/"))
    assert set(events) == {
        "IASSIST 2026", "P1: Opening plenary", "Coffee", "A1: Data rescue", "A2: Census futures",
        "A3: Lightning round", "Welcome reception", "B1: Metadata in practice",
    }  # fmt: skip


def test_a_london_summer_session_starts_an_hour_earlier_in_utc(client, bristol):
    plenary = by_summary(calendar_at(client, f"{bristol['conference'].url}calendar/"))["P1: Opening plenary"]
    assert plenary.decoded("DTSTART") == datetime.datetime(2026, 6, 2, 8, 0, tzinfo=UTC)
    assert plenary.decoded("DTEND") == datetime.datetime(2026, 6, 2, 9, 0, tzinfo=UTC)


def test_a_washington_may_session_starts_four_hours_later_in_utc(client, index):
    conference = washington_conference(index)["conference"]
    workshop = by_summary(calendar_at(client, f"{conference.url}calendar/"))["Workshop: R for survey data"]
    assert workshop.decoded("DTSTART") == datetime.datetime(2024, 5, 28, 13, 0, tzinfo=UTC)


def test_a_session_carries_its_room_description_and_programme_address(client, bristol):
    a1 = by_summary(calendar_at(client, f"{bristol['conference'].url}calendar/"))["A1: Data rescue"]
    assert str(a1["LOCATION"]) == "Room 1, Wills Memorial Building"
    assert str(a1["URL"]) == f"http://testserver{bristol['conference'].url}#session-{bristol['a1'].pk}"
    assert str(a1["DESCRIPTION"]) == (
        "Paper session · Chair: Jane Fry\n\n– Rescuing punched cards (Ann Lee)\n– Tapes in the attic (Bo Chen)"
    )


def test_a_social_event_outside_the_rooms_carries_its_place_and_schedule_address(client, bristol):
    reception = by_summary(calendar_at(client, f"{bristol['conference'].url}calendar/"))["Welcome reception"]
    assert str(reception["LOCATION"]) == "M Shed"
    assert str(reception["URL"]).endswith(f"schedule/#item-{bristol['reception'].pk}")


def test_each_event_keeps_its_uid_from_one_download_to_the_next(client, bristol):
    def uids():
        return sorted(
            str(e["UID"]) for e in calendar_at(client, f"{bristol['conference'].url}calendar/").walk("VEVENT")
        )

    assert uids() == uids()
    assert f"session-{bristol['a1'].pk}@iassistdata.org" in uids()


def test_a_days_calendar_holds_that_day_only(client, bristol):
    events = by_summary(calendar_at(client, f"{bristol['conference'].url}calendar/2026-06-03/"))
    assert list(events) == ["B1: Metadata in practice"]


def test_a_sessions_calendar_holds_that_session(client, bristol):
    events = by_summary(calendar_at(client, f"{bristol['conference'].url}calendar/sessions/{bristol['a2'].pk}/"))
    assert list(events) == ["A2: Census futures"]


@pytest.mark.parametrize("day", ["2026-06-04", "2026-02-30", "0000-00-00", "9999-99-99"])
def test_a_day_without_entries_or_that_does_not_exist_is_not_found(client, bristol, day):
    assert client.get(f"{bristol['conference'].url}calendar/{day}/").status_code == 404


@pytest.mark.parametrize("number", ["999999", "9" * 40])
def test_a_session_number_of_no_timed_session_is_not_found(client, bristol, number):
    assert client.get(f"{bristol['conference'].url}calendar/sessions/{number}/").status_code == 404


def test_an_untimed_session_has_no_calendar(client, bristol):
    untimed = builders.session(bristol["conference"], "Untimed")
    assert client.get(f"{bristol['conference'].url}calendar/sessions/{untimed.pk}/").status_code == 404


def test_a_session_of_another_conference_is_not_found_here(client, bristol, index):
    other = washington_conference(index)["workshop"]
    assert client.get(f"{bristol['conference'].url}calendar/sessions/{other.pk}/").status_code == 404


def test_a_title_cannot_add_properties_to_its_event(client, bristol):
    hostile = "Tea\r\nDTSTART:19700101T000000Z\nLOCATION:elsewhere; \x07,\\"
    schedule_item(bristol["conference"], hostile, BRISTOL_DAY, "15:00", "15:30", SessionType.SOCIAL)
    events = calendar_at(client, f"{bristol['conference'].url}calendar/2026-06-02/").walk("VEVENT")
    tea = next(event for event in events if str(event["SUMMARY"]).startswith("Tea"))
    assert str(tea["SUMMARY"]) == "Tea\nDTSTART:19700101T000000Z\nLOCATION:elsewhere; ,\\"
    assert tea.decoded("DTSTART") == datetime.datetime(2026, 6, 2, 14, 0, tzinfo=UTC)
    assert "LOCATION" not in tea


def test_every_content_line_is_at_most_75_octets(client, bristol):
    schedule_item(bristol["conference"], "Ünïcödé " * 30, BRISTOL_DAY, "15:00", "15:30")
    body = client.get(f"{bristol['conference'].url}calendar/").content
    assert max(len(line) for line in body.split(b"\r\n")) <= 75
