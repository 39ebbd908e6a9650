"""The conferences app's content for the page cache: every model, and where each row shows."""

import pytest
from django.apps import apps

from conferences.cache_paths import listing_pages, programme_pages, schedule_pages
from conferences.models import ConferencePage, Presentation, Room, Session

from . import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(home_page):
    index = builders.conference_index(home_page, show_upcoming=True, show_archive_link=True)
    archive = builders.archive_page(index)
    conference = builders.conference(index, year=2031, title="IASSIST 2031 Gothenburg")
    session = builders.session(conference, title="Data curation")
    talk = builders.presentation(session, title="Versioning research data")
    return {"index": index, "archive": archive, "conference": conference, "session": session, "talk": talk}


def declared():
    return dict(apps.get_app_config("conferences").site_content())


def test_every_model_of_the_app_is_declared_content():
    assert set(declared()) == set(apps.get_app_config("conferences").get_models())


def test_pages_declare_their_listings_and_programme_rows_their_programme():
    assert declared()[ConferencePage] is listing_pages
    assert declared()[Session] is declared()[Presentation] is schedule_pages


def test_a_conference_is_listed_by_its_index_and_the_archive_beside_it(programme):
    listed_by = {page.pk for page in listing_pages(programme["conference"])}
    assert {programme["index"].pk, programme["archive"].pk} <= listed_by
    assert programme["conference"].pk not in listed_by


def test_an_edited_presentation_purges_its_programme_and_its_page(programme):
    conference, talk = programme["conference"], programme["talk"]
    paths = [url.removeprefix("http://testserver") for url in programme_pages(talk)]
    assert paths == [conference.url, f"{conference.url}presentations/{talk.slug}/"]


def test_a_session_shows_on_its_programme(programme):
    assert programme_pages(programme["session"]) == [programme["conference"].full_url]


def test_a_session_of_an_unpublished_conference_purges_nothing(programme):
    programme["conference"].unpublish()
    assert programme_pages(programme["session"]) == []


def test_a_schedule_row_purges_the_schedule_its_calendar_and_its_files(programme):
    conference = programme["conference"]
    room = Room.objects.create(conference=conference, name="Room 1")
    for row in (programme["session"], room):
        paths = [url.removeprefix("http://testserver") for url in schedule_pages(row)]
        assert paths == [
            conference.url,
            f"{conference.url}schedule/",
            f"{conference.url}calendar/",
            f"{conference.url}schedule.xml",
            f"{conference.url}schedule.json",
        ]
