"""A talk is listed across conferences only if anyone may see its conference.

Person pages, their counts and the sitemap list talks of many conferences at once; a talk of a
conference that is a draft, scheduled, or behind a view restriction must not appear there, nor
be counted, nor link to a page that answers 404 or asks for a password.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import PageViewRestriction

from conferences.models import Presentation
from conferences.tests import builders

pytestmark = pytest.mark.django_db

PERSON = "Kevin Manuel"
PERSON_PAGE = "/conferences/people/kevin-manuel/"
SHOWN = "A talk of a public conference"


def hide_as_draft(page):
    page.unpublish()


def hide_as_scheduled(page):
    page.unpublish()
    page.go_live_at = timezone.now() + datetime.timedelta(days=30)
    page.save_revision().publish()


def hide_behind_login(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def hide_behind_password(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret12")


HIDINGS = [hide_as_draft, hide_as_scheduled, hide_behind_login, hide_behind_password]


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


@pytest.fixture(params=HIDINGS, ids=lambda hide: hide.__name__)
def hidden_talk(request, index):
    """A person with a talk at a public conference and one at a conference hidden in one way."""
    public = builders.session(builders.conference(index, 2022))
    builders.presentation(public, SHOWN, presenters=[(PERSON, "York University")])
    conference = builders.conference(index, 2028)
    talk = builders.presentation(builders.session(conference), "A talk not yet public", presenters=[(PERSON, "")])
    request.param(conference)
    conference.refresh_from_db()
    return talk


def test_person_page_lists_only_talks_of_public_conferences(client, hidden_talk):
    text = BeautifulSoup(client.get(PERSON_PAGE).content, "html.parser").get_text(" ", strip=True)
    assert SHOWN in text
    assert hidden_talk.title not in text
    assert "1 presentation at IASSIST conferences" in text


def test_people_index_counts_only_talks_of_public_conferences(client, hidden_talk):
    text = BeautifulSoup(client.get("/conferences/people/").content, "html.parser").get_text(" ", strip=True)
    assert f"{PERSON} (1)" in text


def test_sitemap_lists_only_talks_of_public_conferences(client, hidden_talk):
    body = client.get("/sitemap.xml").content.decode()
    shown = Presentation.objects.get(title=SHOWN)
    assert f"presentations/{shown.slug}/</loc>" in body
    assert f"presentations/{hidden_talk.slug}/</loc>" not in body


def test_public_presentations_are_the_live_ones_of_public_conferences(hidden_talk):
    assert list(Presentation.objects.public().values_list("title", flat=True)) == [SHOWN]
    assert Presentation.objects.live().filter(pk=hidden_talk.pk).exists()


def test_a_restriction_above_the_conference_hides_its_talks_too(client, index):
    talk = builders.presentation(builders.session(builders.conference(index, 2023)), presenters=[(PERSON, "")])
    assert Presentation.objects.public().filter(pk=talk.pk).exists()
    hide_behind_login(index)
    assert not Presentation.objects.public().filter(pk=talk.pk).exists()


def test_search_counts_a_persons_talks_only_at_public_conferences(client, hidden_talk):
    html = client.get("/search/", {"q": PERSON, "kind": "person"}).content.decode()
    text = " ".join(strip_tags(html).split())
    assert PERSON in text
    assert "2022" in text
    assert "2028" not in text
