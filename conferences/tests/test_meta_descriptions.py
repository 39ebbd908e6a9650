"""Every page of the section describes itself to search engines, from its own facts where editors wrote none."""

import pytest
from bs4 import BeautifulSoup

from conferences.tests import builders

pytestmark = pytest.mark.django_db


def meta_description(response):
    tag = BeautifulSoup(response.content, "html.parser").find("meta", attrs={"name": "description"})
    return tag["content"] if tag else None


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page, intro="<p>Each May or June, data professionals meet.</p>")


def test_a_conference_describes_itself_by_its_facts(client, index):
    builders.conference(index, 2025, slug="iassist2025", ordinal=51, city="Bristol", country="UK", theme="Data!")
    assert meta_description(client.get("/conferences/iassist2025/")) == (
        "IASSIST 2025, the 51st annual IASSIST conference: Bristol, UK, June 7–10, 2025. Data!"
    )


def test_an_editors_description_wins(client, index):
    conference = builders.conference(index, 2025, slug="iassist2025", search_description="Our own words.")
    assert meta_description(client.get(conference.url)) == "Our own words."


def test_the_index_describes_itself_by_its_introduction(client, index):
    assert meta_description(client.get("/conferences/")) == "Each May or June, data professionals meet."


def test_the_archive_and_the_presenters_have_a_description(client, index):
    builders.archive_page(index)
    assert meta_description(client.get("/conferences/archive/"))
    assert meta_description(client.get("/conferences/people/"))


def test_a_content_page_describes_itself_by_its_first_paragraph(client, index):
    page = builders.content_page(
        index,
        "Code of Conduct",
        body=[("heading", {"text": "Our code", "level": "h2"}), ("paragraph", "<p>Be kind.</p>")],
    )
    assert meta_description(client.get(page.url)) == "Be kind."


def test_a_presentation_without_an_abstract_is_described_by_its_title_and_presenters(client, index):
    conference = builders.conference(index, 2025, slug="iassist2025")
    session = builders.session(conference)
    builders.presentation(session, "Open data", slug="open-data", presenters=[("Ann Lee", ""), ("Bo Chen", "")])
    assert meta_description(client.get("/conferences/iassist2025/presentations/open-data/")) == (
        "“Open data”, a presentation by Ann Lee and Bo Chen at IASSIST 2025."
    )


def test_a_hostile_theme_stays_text_in_the_description(client, index):
    conference = builders.conference(index, 2025, slug="iassist2025", theme='"><script>alert(1)</script>')
    response = client.get(conference.url)
    assert b"<script>alert(1)" not in response.content
    assert meta_description(response).endswith('"><script>alert(1)</script>.')


def test_the_home_page_without_text_still_describes_the_site(client, home_page):
    assert "International Association for Social Science Information" in meta_description(client.get("/"))
