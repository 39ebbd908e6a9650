"""The section's RSS feeds answer at the old site's addresses, `<section>/index.xml`."""

import datetime
import xml.etree.ElementTree as ET  # the feeds parsed are the site's own

import pytest
from wagtail.models import PageViewRestriction

from conferences.tests import builders

pytestmark = pytest.mark.django_db


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = [(item.findtext("title"), item.findtext("link")) for item in channel.findall("item")]
    return channel, items


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


@pytest.fixture
def section(index):
    builders.archive_page(index)
    older = builders.conference(index, 2019, title="IASSIST 2019", slug="iassist2019")
    newer = builders.conference(index, 2025, title="IASSIST 2025", slug="iassist2025", theme="Data futures")
    builders.content_page(newer, "Registration", slug="registration")
    builders.content_page(newer, "Hotel", slug="hotel").unpublish()
    builders.content_page(index, "Guidelines for Hosting", slug="guidelines")
    return older, newer


def test_the_conferences_feed_lists_the_section_newest_conference_first(client, section):
    channel, items = feed(client, "/conferences/index.xml")
    assert channel.findtext("title") == "Conferences | IASSIST"
    titles = [title for title, _ in items]
    assert titles.index("IASSIST 2025") < titles.index("IASSIST 2019")
    assert "Guidelines for Hosting" in titles
    assert ("IASSIST 2025", "http://testserver/conferences/iassist2025/") in items


def test_a_conference_feed_lists_its_published_pages(client, section):
    _, items = feed(client, "/conferences/iassist2025/index.xml")
    assert items == [("Registration", "http://testserver/conferences/iassist2025/registration/")]


def test_the_archive_feed_lists_the_conferences_with_their_facts(client, section):
    response = client.get("/conferences/archive/index.xml")
    _, items = feed(client, "/conferences/archive/index.xml")
    assert [title for title, _ in items][:2] == ["IASSIST 2025", "IASSIST 2019"]
    assert "June 7–10, 2025 · Gothenburg, Sweden · Data futures" in response.content.decode()


def test_a_page_without_sub_pages_has_no_feed(client, section):
    assert client.get("/conferences/guidelines/").status_code == 200
    assert client.get("/conferences/guidelines/index.xml").status_code == 404


def test_no_feed_for_an_address_without_a_page(client, section):
    assert client.get("/conferences/no-such-section/index.xml").status_code == 404
    assert client.get("/conferences/%3Cscript%3E/index.xml").status_code == 404


def test_a_restricted_conference_has_no_public_feed(client, section):
    _, newer = section
    PageViewRestriction.objects.create(page=newer, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/conferences/iassist2025/index.xml").status_code == 404
    _, items = feed(client, "/conferences/index.xml")
    assert "IASSIST 2025" not in [title for title, _ in items]
    assert "IASSIST 2019" in [title for title, _ in items]


def test_pages_with_a_feed_announce_it(client, section):
    html = client.get("/conferences/iassist2025/").content.decode()
    announced = 'rel="alternate" type="application/rss+xml" title="IASSIST 2025 | IASSIST"'
    assert f'<link {announced} href="/conferences/iassist2025/index.xml">' in html
    assert "application/rss+xml" not in client.get("/conferences/guidelines/").content.decode()


def test_feed_items_carry_their_publication_date(client, section):
    _, newer = section
    newer.get_children().get(slug="registration").specific.save_revision().publish()
    response = client.get("/conferences/iassist2025/index.xml")
    date = ET.fromstring(response.content).find("channel/item/pubDate").text
    assert str(datetime.date.today().year) in date
