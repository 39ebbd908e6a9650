"""/sitemap.xml: one sitemap while the site fits in one file, an index of sections of limited size beyond."""

import re

import pytest

from conferences.models import ConferencePage, Presentation
from conferences.sitemaps import ADDRESSES_PER_SITEMAP, PresentationSitemap
from conferences.tests import builders
from iassist_site.sitemaps import PageSitemap

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>([^<]+)</loc>")


@pytest.fixture
def site(home_page):
    """A Conferences page with its archive and two conferences of four presentations each."""
    index = builders.conference_index(home_page)
    builders.archive_page(index)
    for year in (2022, 2023):
        conference = builders.conference(index, year)
        conference.save_revision().publish()  # a lastmod for its presentations
        session = builders.session(conference, f"Session {year}")
        for _ in range(4):
            builders.presentation(session, presenters=[("A Person", "Inst")])
    return home_page


@pytest.fixture
def small_limit(monkeypatch):
    """Three addresses a sitemap file, so that the demo site needs an index."""
    for section in (PageSitemap, PresentationSitemap):
        monkeypatch.setattr(section, "limit", 3)
    return 3


def local(address):
    return re.sub(r"^http://testserver", "", address).replace("&amp;", "&")


def every_address(client):
    """The addresses /sitemap.xml lists, following an index to each of its files."""
    body = client.get("/sitemap.xml").content.decode()
    if "<sitemapindex" not in body:
        return LOC.findall(body)
    found = []
    for section in LOC.findall(body):
        response = client.get(local(section))
        assert response.status_code == 200, section
        found += LOC.findall(response.content.decode())
    return found


def more_talks(count):
    conference = ConferencePage.objects.filter(presentations__isnull=False).first()
    session = conference.sessions.first()
    for _ in range(count):
        builders.presentation(session)


def test_a_site_within_the_limit_gets_one_sitemap_of_pages_and_presentations(client, site):
    body = client.get("/sitemap.xml").content.decode()
    assert "<urlset" in body and "<sitemapindex" not in body
    assert "<loc>http://testserver/conferences/</loc>" in body
    assert body.count("/presentations/") == Presentation.objects.public().count() > 0


def test_the_index_lists_the_same_addresses_as_the_single_sitemap(client, site, monkeypatch):
    single = every_address(client)
    for section in (PageSitemap, PresentationSitemap):
        monkeypatch.setattr(section, "limit", 3)
    indexed = every_address(client)
    assert "<sitemapindex" in client.get("/sitemap.xml").content.decode()
    assert len(indexed) == len(set(indexed))
    assert set(indexed) == set(single)


def test_no_file_of_the_index_holds_more_than_the_limit(client, site, small_limit):
    index = client.get("/sitemap.xml").content.decode()
    files = LOC.findall(index)
    assert len(files) > 2
    for address in files:
        assert 0 < len(LOC.findall(client.get(local(address)).content.decode())) <= small_limit


def test_the_index_pages_the_presentations_section(client, site, small_limit):
    files = [local(address) for address in LOC.findall(client.get("/sitemap.xml").content.decode())]
    pages = [address for address in files if address.startswith("/sitemap-presentations.xml")]
    expected = -(-Presentation.objects.public().count() // small_limit)
    assert pages == ["/sitemap-presentations.xml"] + [
        f"/sitemap-presentations.xml?p={n}" for n in range(2, expected + 1)
    ]


def test_the_real_limit_is_the_protocols_fifty_thousand():
    assert PageSitemap.limit == PresentationSitemap.limit == ADDRESSES_PER_SITEMAP == 50_000


def test_every_file_of_the_index_carries_lastmod(client, site, small_limit):
    index = client.get("/sitemap.xml").content.decode()
    assert index.count("<lastmod>") == index.count("<sitemap>") > 0
    section = client.get("/sitemap-presentations.xml").content.decode()
    assert section.count("<lastmod>") == section.count("<url>") > 0


def test_a_presentation_keeps_its_conferences_lastmod(client, site):
    talk = Presentation.objects.public().select_related("conference").last()
    body = client.get("/sitemap.xml").content.decode()
    entry = re.search(rf"<url><loc>[^<]*/presentations/{talk.slug}/</loc><lastmod>([^<]+)</lastmod>", body)
    assert entry, "the presentation has no lastmod"
    assert entry[1] == talk.conference.last_published_at.date().isoformat()


def test_a_sitemap_file_runs_the_same_queries_whatever_the_programme(
    client, site, small_limit, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40) as first:
        client.get("/sitemap-presentations.xml")
    more_talks(30)
    last_page = -(-Presentation.objects.public().count() // small_limit)
    with django_assert_max_num_queries(len(first)):
        assert client.get(f"/sitemap-presentations.xml?p={last_page}").status_code == 200


def test_the_index_runs_the_same_queries_whatever_the_programme(
    client, site, small_limit, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40) as first:
        client.get("/sitemap.xml")
    more_talks(30)
    with django_assert_max_num_queries(len(first)):
        assert "<sitemapindex" in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize("query", ["?p=0", "?p=-1", "?p=abc", "?p=99999", "?p=1e3", "?p=" + "9" * 400])
def test_a_page_that_does_not_exist_is_not_found(client, site, small_limit, query):
    assert client.get(f"/sitemap-presentations.xml{query}").status_code == 404


@pytest.mark.parametrize("section", ["nosuch", "wagtail", "PAGES"])
def test_a_section_that_does_not_exist_is_not_found(client, site, section):
    assert client.get(f"/sitemap-{section}.xml").status_code == 404


def test_robots_txt_names_the_sitemap_or_its_index(client, site, small_limit):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()
    assert client.get("/sitemap.xml").status_code == 200
