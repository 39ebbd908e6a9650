"""An OpenConf export's old addresses lead to what each page was, worked out when asked (conferences.old_addresses)."""

import datetime

import pytest

from conferences.models import ProgrammeExportAddress
from conferences.tests import builders
from conferences.tests.schedule_builders import timed_session

pytestmark = pytest.mark.django_db

EXPORT = "/conferences/iassist2023/full_program/"
DAY = datetime.date(2022, 6, 8)


@pytest.fixture
def conference(home_page):
    index = builders.conference_index(home_page)
    return builders.conference(index, 2022, slug="iassist2022", time_zone="Europe/Stockholm")


@pytest.fixture
def session(conference):
    return timed_session(conference, "A1: Data curation", DAY, "10:30", "12:00")


def address(conference, path, **targets):
    return ProgrammeExportAddress.objects.create(path=path, conference=conference, **targets)


def test_a_submissions_page_leads_to_its_presentation(client, conference, session):
    talk = builders.presentation(session, "Curating the census", slug="curating-the-census")
    address(conference, EXPORT + "a1a.html", session=session, presentation=talk)
    response = client.get(EXPORT + "a1a.html")
    assert response.status_code == 301
    assert response["Location"] == "/conferences/iassist2022/presentations/curating-the-census/"


def test_a_sessions_page_leads_to_the_session_on_the_schedule(client, conference, session):
    address(conference, EXPORT + "a1.html", session=session)
    response = client.get(EXPORT + "a1.html")
    assert response["Location"] == f"/conferences/iassist2022/schedule/#session-{session.pk}"
    assert client.get("/conferences/iassist2022/schedule/").status_code == 200


def test_the_folder_and_anything_below_it_lead_to_the_schedule(client, conference, session):
    address(conference, EXPORT)
    for path in (EXPORT, EXPORT + "openconf.css", EXPORT + "events/workshop1.html"):
        response = client.get(path)
        assert response.status_code == 301, path
        assert response["Location"] == "/conferences/iassist2022/schedule/", path


def test_a_presentation_visitors_cannot_see_leads_to_its_session_instead(client, conference, session):
    talk = builders.presentation(session, "Withdrawn", slug="withdrawn", live=False)
    address(conference, EXPORT + "a1b.html", session=session, presentation=talk)
    assert client.get(EXPORT + "a1b.html")["Location"] == f"/conferences/iassist2022/schedule/#session-{session.pk}"


def test_a_presentation_removed_since_leads_to_the_schedule(client, conference, session):
    talk = builders.presentation(session, "Removed", slug="removed")
    address(conference, EXPORT + "a1c.html", presentation=talk)
    talk.delete()
    assert client.get(EXPORT + "a1c.html")["Location"] == "/conferences/iassist2022/schedule/"


def test_without_a_schedule_the_export_leads_to_the_conference(client, conference):
    address(conference, EXPORT)
    assert client.get(EXPORT + "index.html")["Location"] == "/conferences/iassist2022/"


def test_the_address_follows_the_conference_when_it_moves(client, conference, session):
    address(conference, EXPORT)
    conference.slug = "iassist2022-gothenburg"
    conference.save_revision().publish()
    assert client.get(EXPORT)["Location"] == "/conferences/iassist2022-gothenburg/schedule/"


def test_an_export_of_a_conference_taken_down_is_not_found(client, conference, session):
    address(conference, EXPORT)
    conference.unpublish()
    assert client.get(EXPORT).status_code == 404


def test_a_page_of_the_site_wins_over_an_export_address(client, conference, home_page):
    address(conference, "/conferences/iassist2022/")
    assert client.get("/conferences/iassist2022/").status_code == 200


def test_hostile_export_paths_are_not_found(client, conference):
    address(conference, EXPORT)
    for path in ("/conferences/iassist2023/full_program%00/", "/" + "a/" * 300, "/conferences/../etc/passwd"):
        assert client.get(path).status_code == 404, path
