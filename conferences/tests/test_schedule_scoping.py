"""Rooms and schedule items in the admin: organisers see and change only their own conference's.

Each test acts as an organiser of Bristol 2026, whose rooms are the Great Hall and Room 2.41;
Sydney 2019 has the Darling Harbour Room and a welcome reception.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from conferences import roles
from conferences.models import Room, ScheduleItem, Session
from conferences.tests import builders
from conferences.tests.schedule_forms import (
    add_url,
    bristol_section,
    edit_url,
    field_errors,
    item_data,
    session_data,
    utc,
)

pytestmark = pytest.mark.django_db

OTHER_ROOM, OTHER_ITEM = "Darling Harbour Room", "Sydney welcome reception"


@pytest.fixture
def section(home_page):
    section = bristol_section(home_page)
    sydney_item = ScheduleItem.objects.create(
        conference=section["sydney"], title=OTHER_ITEM, item_type="reception", starts_at=utc(3, 8)
    )
    own_item = ScheduleItem.objects.create(
        conference=section["bristol"], title="Bristol coffee", starts_at=utc(3, 9, 30), room=section["great_hall"]
    )
    return {**section, "sydney_item": sydney_item, "own_item": own_item}


@pytest.fixture
def organiser(client, section):
    client.force_login(builders.member(roles.ensure_organisers(section["bristol"]).name, "organiser"))
    return client


def listing(client, model, **params):
    return client.get(reverse(f"wagtailsnippets_conferences_{model}:list"), params).content.decode()


def options(html, name):
    return [
        option.get_text(strip=True) for option in BeautifulSoup(html, "html.parser").select(f"[name={name}] option")
    ]


def test_the_room_listing_shows_only_their_conferences_rooms(organiser, section):
    html = listing(organiser, "room")
    assert "Great Hall" in html and OTHER_ROOM not in html


def test_the_schedule_item_listing_shows_only_their_conferences_items(organiser, section):
    html = listing(organiser, "scheduleitem")
    assert "Bristol coffee" in html and OTHER_ITEM not in html


def test_the_schedule_item_filters_offer_only_their_conference_and_rooms(organiser, section):
    html = listing(organiser, "scheduleitem")
    assert options(html, "conference")[1:] == ["IASSIST 2026"]
    assert options(html, "room")[1:] == ["Great Hall (2026)", "Room 2.41 (2026)"]


def test_another_conferences_room_cannot_be_opened_or_renamed(organiser, section):
    room = section["sydney_room"]
    refused = organiser.get(edit_url("room", room.pk))
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    organiser.post(edit_url("room", room.pk), {"conference": room.conference_id, "name": "Renamed", "sort_order": 0})
    assert Room.objects.get(pk=room.pk).name == OTHER_ROOM


def test_another_conferences_schedule_item_cannot_be_opened(organiser, section):
    refused = organiser.get(edit_url("scheduleitem", section["sydney_item"].pk))
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    assert organiser.get(edit_url("scheduleitem", section["own_item"].pk)).status_code == 200


def test_they_can_add_a_room_to_their_conference(organiser, section):
    data = {"conference": section["bristol"].pk, "name": "M Shed", "building": "", "capacity": "", "sort_order": 3}
    assert organiser.post(add_url("room"), data).status_code == 302
    assert Room.objects.filter(conference=section["bristol"], name="M Shed").exists()


def test_they_cannot_add_a_room_to_another_conference(organiser, section):
    data = {"conference": section["sydney"].pk, "name": "Smuggled", "building": "", "capacity": "", "sort_order": 0}
    response = organiser.post(add_url("room"), data)
    assert field_errors(response, "conference")
    assert not Room.objects.filter(name="Smuggled").exists()


def test_the_room_chooser_lists_only_their_conferences_rooms(organiser, section):
    html = organiser.get(reverse("wagtailsnippetchoosers_conferences_room:choose_results")).content.decode()
    assert "Great Hall" in html and OTHER_ROOM not in html


def test_the_room_chooser_answers_404_for_another_conferences_room(organiser, section):
    url = reverse("wagtailsnippetchoosers_conferences_room:chosen", args=[section["sydney_room"].pk])
    assert organiser.get(url).status_code == 404


def test_a_sessions_room_select_offers_only_that_conferences_rooms(organiser, section):
    session = builders.session(section["bristol"], "Session A1")
    html = organiser.get(edit_url("session", session.pk)).content.decode()
    assert options(html, "room")[1:] == ["Great Hall (2026)", "Room 2.41 (2026)"]


def test_a_session_with_another_conferences_room_is_refused(organiser, section):
    data = session_data(section["bristol"], "Session C1", room=section["sydney_room"])
    response = organiser.post(add_url("session"), data)
    assert field_errors(response, "room") == ["Choose one of this conference's rooms."]
    assert not Session.objects.filter(title="Session C1").exists()


def test_bulk_delete_of_another_conferences_room_answers_404(organiser, section):
    url = reverse("wagtail_bulk_action", args=["conferences", "room", "delete"])
    refused = organiser.get(url, {"id": section["sydney_room"].pk})
    assert refused.status_code == 404 and OTHER_ROOM not in refused.content.decode()
    assert "Great Hall" in organiser.get(url, {"id": section["great_hall"].pk}).content.decode()


def test_an_organiser_who_asks_to_publish_a_new_schedule_item_gets_a_draft(organiser, section):
    data = item_data(section["bristol"], "Conference dinner", "2026-06-04 19:00", **{"action-publish": "1"})
    assert organiser.post(add_url("scheduleitem"), data).status_code == 302
    assert ScheduleItem.objects.get(title="Conference dinner").live is False


def test_an_organiser_may_submit_a_schedule_item_to_the_web_team(organiser, section):
    data = item_data(section["bristol"], "Conference dinner", "2026-06-04 19:00", **{"action-submit": "1"})
    assert organiser.post(add_url("scheduleitem"), data).status_code == 302
    state = ScheduleItem.objects.get(title="Conference dinner").current_workflow_state
    assert state is not None and state.workflow.name == roles.WORKFLOW_NAME


def test_they_cannot_delete_a_room_that_a_published_session_is_in(organiser, section):
    room = section["room_241"]
    builders.session(section["bristol"], "Session A1", room=room)
    response = organiser.post(reverse("wagtailsnippets_conferences_room:delete", args=[room.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert Room.objects.filter(pk=room.pk).exists()


def test_they_can_delete_a_room_that_nothing_published_is_in(organiser, section):
    room = Room.objects.create(conference=section["bristol"], name="M Shed")
    builders.session(section["bristol"], "Draft session", room=room, live=False)
    assert organiser.post(reverse("wagtailsnippets_conferences_room:delete", args=[room.pk])).status_code == 302
    assert not Room.objects.filter(pk=room.pk).exists()
