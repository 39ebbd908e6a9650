"""schedule.xml and schedule.json: valid for schedule apps, right in both zones, only for public conferences."""

import json

import pytest
from lxml import etree
from wagtail.models import PageViewRestriction

from conferences.choices import SessionType
from conferences.tests import builders
from conferences.tests.frab_checks import json_problems, xml_problems
from conferences.tests.schedule_builders import BRISTOL_DAY, bristol_conference, schedule_item, washington_conference

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


@pytest.fixture
def bristol(index):
    return bristol_conference(index)


def get_xml(client, conference):
    response = client.get(f"{conference.url}schedule.xml")
    assert response.status_code == 200, response.content[:500]
    return response


def events(response):
    return {event.findtext("title"): event for event in etree.fromstring(response.content).iter("event")}


def test_schedule_xml_passes_the_strict_reader(client, bristol):
    response = get_xml(client, bristol["conference"])
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert xml_problems(response.content) == []


def test_schedule_json_passes_the_strict_reader(client, bristol):
    response = client.get(f"{bristol['conference'].url}schedule.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json_problems(response.content) == []


def test_the_strict_reader_catches_a_missing_duration(client, bristol):
    root = etree.fromstring(get_xml(client, bristol["conference"]).content)
    event = next(root.iter("event"))
    event.remove(event.find("duration"))
    assert any("duration" in problem for problem in xml_problems(etree.tostring(root)))


def test_a_london_summer_event_starts_at_its_clock_time_with_plus_one(client, bristol):
    plenary = events(get_xml(client, bristol["conference"]))["P1: Opening plenary"]
    values = [plenary.findtext(name) for name in ("date", "start", "duration", "room")]
    assert values == ["2026-06-02T09:00:00+01:00", "09:00", "01:00", "Great Hall"]


def test_a_washington_may_event_starts_at_its_clock_time_with_minus_four(client, index):
    conference = washington_conference(index)["conference"]
    workshop = events(get_xml(client, conference))["Workshop: R for survey data"]
    assert [workshop.findtext(name) for name in ("date", "start", "duration")] == [
        "2024-05-28T09:00:00-04:00",
        "09:00",
        "03:00",
    ]


def test_the_conference_names_its_time_zone_and_days(client, bristol):
    root = etree.fromstring(get_xml(client, bristol["conference"]).content)
    assert root.findtext("conference/time_zone_name") == "Europe/London"
    assert [(day.get("index"), day.get("date")) for day in root.iter("day")] == [
        ("1", "2026-06-02"),
        ("2", "2026-06-03"),
    ]


def test_events_are_listed_under_their_rooms(client, bristol):
    root = etree.fromstring(get_xml(client, bristol["conference"]).content)
    first_day = root.find("day")
    rooms = {room.get("name"): [e.findtext("title") for e in room.iter("event")] for room in first_day}
    assert rooms["Room 2"] == ["A2: Census futures", "A3: Lightning round"]
    assert rooms["M Shed"] == ["Welcome reception"]


def test_an_event_names_its_presenters_and_links_their_presentations(client, bristol):
    a1 = events(get_xml(client, bristol["conference"]))["A1: Data rescue"]
    assert [person.text for person in a1.iter("person")] == ["Ann Lee", "Bo Chen"]
    assert [link.text for link in a1.iter("link")] == ["Rescuing punched cards", "Tapes in the attic"]
    assert a1.findtext("url") == f"http://testserver{bristol['conference'].url}#session-{bristol['a1'].pk}"


def test_a_session_and_a_break_with_the_same_number_get_different_ids(client, index):
    conference = washington_conference(index)["conference"]
    root = etree.fromstring(get_xml(client, conference).content)
    ids = [event.get("id") for event in root.iter("event")]
    assert len(ids) == len(set(ids)) == 2


def test_ids_and_guids_stay_the_same_from_one_download_to_the_next(client, bristol):
    def identities():
        return [(e.get("id"), e.get("guid")) for e in events(get_xml(client, bristol["conference"])).values()]

    first = identities()
    schedule_item(bristol["conference"], "Tea", BRISTOL_DAY, "15:00", "15:30")
    assert set(first) <= set(identities())


def test_the_version_changes_when_the_schedule_does(client, bristol):
    before = etree.fromstring(get_xml(client, bristol["conference"]).content).findtext("version")
    schedule_item(bristol["conference"], "Tea", BRISTOL_DAY, "15:00", "15:30")
    after = etree.fromstring(get_xml(client, bristol["conference"]).content).findtext("version")
    assert before != after


def test_hostile_text_is_escaped_and_control_characters_dropped(client, bristol):
    conference = bristol["conference"]
    schedule_item(conference, "<b>Tea</b> & \x07cake ]]>", BRISTOL_DAY, "15:00", "15:30", SessionType.SOCIAL)
    response = get_xml(client, conference)
    assert "<b>" not in response.content.decode()
    assert "<b>Tea</b> & cake ]]>" in events(response)
    assert xml_problems(response.content) == []


def test_the_json_holds_the_same_events_as_the_xml(client, bristol):
    conference = bristol["conference"]
    document = json.loads(client.get(f"{conference.url}schedule.json").content)
    json_titles = [
        e["title"] for day in document["schedule"]["conference"]["days"] for r in day["rooms"].values() for e in r
    ]
    assert sorted(json_titles) == sorted(events(get_xml(client, conference)))


def test_a_conference_without_timed_sessions_has_no_schedule_files(client, index):
    conference = builders.conference(index, 2019)
    builders.session(conference, "Untimed")
    assert client.get(f"{conference.url}schedule.xml").status_code == 404
    assert client.get(f"{conference.url}schedule.json").status_code == 404


def test_a_conference_behind_a_login_has_no_public_schedule_files(client, bristol):
    PageViewRestriction.objects.create(page=bristol["conference"], restriction_type=PageViewRestriction.LOGIN)
    assert client.get(f"{bristol['conference'].url}schedule.xml").status_code == 404


@pytest.mark.parametrize("restricted", ["conference", "index"])
def test_with_the_content_memo_on_a_conference_behind_a_login_still_has_no_public_schedule_files(
    client, bristol, index, content_memo, restricted
):
    url = f"{bristol['conference'].url}schedule.xml"
    assert client.get(url).status_code == 200
    page = bristol["conference"] if restricted == "conference" else index
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(url).status_code == 404


def test_with_the_content_memo_on_the_schedule_file_of_a_public_conference_asks_no_restrictions(
    client, bristol, content_memo, django_assert_max_num_queries
):
    url = f"{bristol['conference'].url}schedule.xml"
    client.get(url)  # the memo's first read
    with django_assert_max_num_queries(20) as captured:
        assert client.get(url).status_code == 200
    assert not [query for query in captured if "wagtailcore_pageviewrestriction" in query["sql"]]


def test_a_draft_conference_has_no_schedule_files(client, bristol):
    url = bristol["conference"].url
    bristol["conference"].unpublish()
    assert client.get(f"{url}schedule.json").status_code == 404


@pytest.mark.parametrize(
    "address", ["/schedule.xml", "/conferences/schedule.xml", "/conferences/no-such/schedule.xml"]
)
def test_an_address_that_is_not_a_conference_has_no_schedule_file(client, bristol, address):
    assert client.get(address).status_code == 404
