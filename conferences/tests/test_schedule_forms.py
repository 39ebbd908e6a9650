"""The schedule in the admin's forms: times in the venue's zone, and clear errors for conflicts.

Bristol 2026 runs 2–5 June in Europe/London (UTC+1 in June). Session A1 is in the Great Hall
from 09:00 to 10:30 local time on 3 June, with Kevin Manuel presenting “Census of Canada”.
"""

import pytest
from bs4 import BeautifulSoup

from conferences.models import Presentation, ScheduleItem, Session
from conferences.tests import builders
from conferences.tests.schedule_forms import (
    add_url,
    bristol_section,
    edit_url,
    field_errors,
    item_data,
    presentation_data,
    session_data,
    utc,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home_page):
    section = bristol_section(home_page)
    a1 = builders.session(
        section["bristol"], "Session A1", starts_at=utc(3, 8), ends_at=utc(3, 9, 30), room=section["great_hall"]
    )
    census = builders.presentation(a1, "Census of Canada", presenters=[("Kevin Manuel", "TMU")])
    return {**section, "a1": a1, "census": census}


# -- times in the venue's zone ----------------------------------------------------------------


def test_a_time_typed_for_bristol_in_june_is_stored_an_hour_earlier_in_utc(admin_client, section):
    data = session_data(section["bristol"], "Session B1", "2026-06-04 09:00", "2026-06-04 10:00")
    response = admin_client.post(add_url("session"), data)
    assert response.status_code == 302, field_errors(response, "starts_at")
    assert Session.objects.get(title="Session B1").starts_at == utc(4, 8)


def test_the_edit_form_shows_the_stored_time_in_the_venues_zone(admin_client, section):
    html = admin_client.get(edit_url("session", section["a1"].pk)).content.decode()
    field = BeautifulSoup(html, "html.parser").select_one("input[name=starts_at]")
    assert field["value"] == "2026-06-03 09:00"


def test_the_time_fields_name_the_venues_zone(admin_client, section):
    html = admin_client.get(edit_url("session", section["a1"].pk)).content.decode()
    assert "Local time at the venue: Europe/London." in html


# -- an end after the start -------------------------------------------------------------------


def test_an_item_that_ends_before_it_starts_is_refused_on_its_end(admin_client, section):
    data = item_data(section["bristol"], "Coffee", "2026-06-03 10:30", "2026-06-03 10:00")
    response = admin_client.post(add_url("scheduleitem"), data)
    assert field_errors(response, "ends_at") == ["The end is not after the start."]
    assert not ScheduleItem.objects.filter(title="Coffee").exists()


# -- within the conference's dates ------------------------------------------------------------


def test_a_session_after_the_conferences_last_day_is_refused_with_its_dates(admin_client, section):
    data = session_data(section["bristol"], "Session Z9", "2026-06-10 09:00", "2026-06-10 10:00")
    response = admin_client.post(add_url("session"), data)
    assert field_errors(response, "starts_at") == [
        "This is outside the conference's dates, 2 June to 5 June 2026 (Europe/London)."
    ]
    assert not Session.objects.filter(title="Session Z9").exists()


def test_a_session_late_on_the_last_day_in_bristol_is_within_the_dates(admin_client, section):
    # 23:30 in Bristol on 5 June is 22:30 UTC: the venue's day counts, not UTC's.
    data = session_data(section["bristol"], "Late session", "2026-06-05 23:30", "2026-06-06 00:00")
    response = admin_client.post(add_url("session"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert Session.objects.get(title="Late session").starts_at == utc(5, 22, 30)


# -- one room, one slot at a time -------------------------------------------------------------


def test_a_session_in_a_taken_room_is_refused_naming_the_other_session_and_its_time(admin_client, section):
    data = session_data(
        section["bristol"], "Session A2", "2026-06-03 10:00", "2026-06-03 11:00", room=section["great_hall"]
    )
    response = admin_client.post(add_url("session"), data)
    assert field_errors(response, "room") == [
        "This room is taken by “Session A1” at that time: Wednesday 3 June 2026, 09:00–10:30 (Europe/London)."
    ]
    assert not Session.objects.filter(title="Session A2").exists()


def test_a_break_in_a_taken_room_is_refused(admin_client, section):
    data = item_data(section["bristol"], "Coffee", "2026-06-03 09:15", "2026-06-03 09:45", room=section["great_hall"])
    response = admin_client.post(add_url("scheduleitem"), data)
    assert "“Session A1”" in field_errors(response, "room")[0]


def test_a_session_in_the_room_right_after_another_is_accepted(admin_client, section):
    data = session_data(
        section["bristol"], "Session A2", "2026-06-03 10:30", "2026-06-03 12:00", room=section["great_hall"]
    )
    assert admin_client.post(add_url("session"), data).status_code == 302
    assert Session.objects.filter(title="Session A2").exists()


def test_a_room_of_another_conference_is_refused_with_a_clear_error(admin_client, section):
    data = session_data(
        section["bristol"], "Session C1", "2026-06-03 09:00", "2026-06-03 10:00", room=section["sydney_room"]
    )
    response = admin_client.post(add_url("session"), data)
    assert field_errors(response, "room") == ["Choose one of this conference's rooms."]
    assert not Session.objects.filter(title="Session C1").exists()


# -- a presenter in one place at a time -------------------------------------------------------


@pytest.fixture
def b1(section):
    """Session B1 in Room 2.41, from 09:30 to 11:00 in Bristol: it overlaps Session A1."""
    return builders.session(
        section["bristol"], "Session B1", starts_at=utc(3, 8, 30), ends_at=utc(3, 10), room=section["room_241"]
    )


def test_a_presenter_in_two_sessions_at_once_is_refused_on_their_line(admin_client, section, b1):
    kevin = builders.person("Kevin Manuel")
    response = admin_client.post(add_url("presentation"), presentation_data(b1, "FAIR Everywhere", [kevin]))
    entry = response.context["form"].formsets["presenters"].forms[0]
    assert entry.errors["person"] == [
        "Kevin Manuel also presents “Census of Canada” in “Session A1” at that time: "
        "Wednesday 3 June 2026, 09:00–10:30 (Europe/London)."
    ]
    assert not Presentation.objects.filter(title="FAIR Everywhere").exists()


def test_another_presenter_at_the_same_time_is_accepted(admin_client, section, b1):
    ingrid = builders.person("Ingrid Lindqvist")
    response = admin_client.post(add_url("presentation"), presentation_data(b1, "FAIR Everywhere", [ingrid]))
    assert response.status_code == 302
    assert Presentation.objects.filter(title="FAIR Everywhere").exists()


def test_moving_a_session_onto_its_presenters_other_talk_is_refused(admin_client, section):
    later = builders.session(
        section["bristol"], "Session B2", starts_at=utc(3, 12), ends_at=utc(3, 13), room=section["room_241"]
    )
    builders.presentation(later, "FAIR Everywhere", presenters=[("Kevin Manuel", "TMU")])
    data = session_data(
        section["bristol"], "Session B2", "2026-06-03 09:30", "2026-06-03 10:30", room=section["room_241"]
    )
    response = admin_client.post(edit_url("session", later.pk), data)
    assert field_errors(response, "starts_at") == [
        "Kevin Manuel also presents “Census of Canada” in “Session A1” at that time: "
        "Wednesday 3 June 2026, 09:00–10:30 (Europe/London)."
    ]
    assert not later.revisions.exists()
