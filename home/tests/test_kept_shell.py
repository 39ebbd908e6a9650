"""The site shell's shared parts kept per content generation (navigation_tags.py): right on every page.

The header and footer are kept as HTML for each state of the main menu, section menus as links
without their aria-current; an edit replaces the generation, so what was kept is not shown again.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from conferences.tests import builders
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def no_generation():
    raise RuntimeError("the cache is down")


@pytest.fixture
def kept_shell(settings):
    settings.SITE_SHELL_GENERATION = "pagecache.generation.current"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def website(home_page):
    index = builders.conference_index(home_page)
    conference = builders.conference(index, 2025, title="IASSIST 2025", slug="iassist2025")
    faq = builders.content_page(conference, "Frequently asked questions", slug="faq")
    conference.menu = [
        ("link", {"page": conference, "url": "", "label": "Home"}),
        ("link", {"page": faq, "url": "", "label": "FAQ"}),
    ]
    conference.save_revision().publish()
    return index, conference, faq


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def currents(page, selector):
    return [(a.get_text(strip=True), a.get("aria-current")) for a in page.select(selector)]


def test_each_page_of_a_website_shows_itself_current_in_the_kept_menu(client, kept_shell, website):
    _, conference, faq = website
    assert currents(soup(client, conference.url), ".section-nav__link") == [("Home", "page"), ("FAQ", None)]
    assert currents(soup(client, faq.url), ".section-nav__link") == [("Home", "true"), ("FAQ", "page")]
    assert currents(soup(client, conference.url), ".section-nav__link") == [("Home", "page"), ("FAQ", None)]


def test_the_kept_header_marks_each_pages_own_section_in_the_main_menu(client, kept_shell, website):
    index, conference, _ = website
    home = dict(currents(soup(client, "/"), ".site-nav__link"))
    assert (home["Home"], home["Conferences"]) == ("page", None)
    section = dict(currents(soup(client, index.url), ".site-nav__link"))
    assert (section["Home"], section["Conferences"]) == (None, "page")
    below = dict(currents(soup(client, conference.url), ".site-nav__link"))
    assert (below["Home"], below["Conferences"]) == (None, "true")
    assert dict(currents(soup(client, "/"), ".site-nav__link")) == home


def test_a_menu_edit_shows_on_the_next_render(client, kept_shell, website):
    _, conference, faq = website
    soup(client, faq.url)
    conference.menu = [("link", {"page": faq, "url": "", "label": "Questions"})]
    conference.save_revision().publish()
    assert currents(soup(client, faq.url), ".section-nav__link") == [("Questions", "page")]


def test_a_site_settings_edit_shows_in_the_kept_footer(client, kept_shell, website):
    soup(client, "/")
    site_settings = SiteSettings.for_site(website[0].get_site())
    site_settings.footer_text = "Kept no longer than an edit"
    site_settings.save()
    assert soup(client, website[1].url).select_one(".site-footer__text").get_text() == "Kept no longer than an edit"


def test_the_search_box_of_a_search_is_not_kept_for_other_pages(client, kept_shell, website):
    assert soup(client, "/search/?q=zebra").select_one("#site-search")["value"] == "zebra"
    assert soup(client, "/").select_one("#site-search")["value"] == ""


def test_a_generation_that_cannot_be_read_leaves_the_shell_built_afresh(client, settings, website):
    settings.SITE_SHELL_GENERATION = "home.tests.test_kept_shell.no_generation"
    _, _, faq = website
    assert currents(soup(client, faq.url), ".section-nav__link") == [("Home", "true"), ("FAQ", "page")]
