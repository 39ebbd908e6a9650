"""Menus that editors keep: a conference website's own, and the Conferences section's.

The old site's sidebars were HTML written by a developer every year; here each conference page
and the conference index carry a menu field, shown beside the page and every page below it.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.blocks import StructBlockValidationError

from conferences.blocks import MenuLinkBlock
from conferences.tests import builders

pytestmark = pytest.mark.django_db


def menu_of(client, url):
    nav = BeautifulSoup(client.get(url).content, "html.parser").select_one("nav.section-nav")
    if nav is None:
        return None
    links = [(a.get_text(strip=True), a["href"], a.get("aria-current")) for a in nav.select(".section-nav__link")]
    return nav.select_one(".section-nav__title").get_text(strip=True), links


def link(page=None, url="", label=""):
    return ("link", {"page": page, "url": url, "label": label})


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


@pytest.fixture
def website(index):
    """A conference with two sub-pages, one draft, and a menu naming them all."""
    conference = builders.conference(index, 2025, title="IASSIST 2025", slug="iassist2025")
    faq = builders.content_page(conference, "Frequently asked questions", slug="faq")
    registration = builders.content_page(conference, "Registration", slug="registration")
    draft = builders.content_page(conference, "Hotel", slug="hotel")
    draft.unpublish()
    conference.menu = [
        link(conference, label="Home"),
        link(faq, label="FAQ"),
        link(registration),
        link(draft),
        link(url="https://iassist.example.org/submissions/", label="Submit a proposal"),
    ]
    conference.save_revision().publish()
    return conference


def test_a_conference_website_shows_its_menu_on_its_own_page(client, website):
    title, links = menu_of(client, website.url)
    assert title == "IASSIST 2025"
    assert links[0] == ("Home", "/conferences/iassist2025/", "page")
    assert [label for label, _, _ in links] == ["Home", "FAQ", "Registration", "Submit a proposal"]


def test_every_page_of_the_website_shows_the_menu_with_itself_current(client, website):
    _, links = menu_of(client, "/conferences/iassist2025/faq/")
    assert ("FAQ", "/conferences/iassist2025/faq/", "page") in links
    assert ("Home", "/conferences/iassist2025/", "true") in links


def test_a_menu_entry_without_a_page_title_shows_the_pages_title(client, website):
    _, links = menu_of(client, website.url)
    assert ("Registration", "/conferences/iassist2025/registration/", None) in links


def test_an_unpublished_page_is_left_out_of_the_menu(client, website):
    _, links = menu_of(client, website.url)
    assert "Hotel" not in [label for label, _, _ in links]
    assert "Registration" in [label for label, _, _ in links]


def test_pages_of_the_section_show_the_index_menu(client, index, website):
    guidelines = builders.content_page(index, "Guidelines for Hosting", slug="guidelines")
    index.menu = [link(url="/conferences/#annual", label="Annual IASSIST Conference"), link(guidelines)]
    index.save_revision().publish()
    title, links = menu_of(client, guidelines.url)
    assert title == "Conferences"
    assert links == [
        ("Annual IASSIST Conference", "/conferences/#annual", None),
        ("Guidelines for Hosting", "/conferences/guidelines/", "page"),
    ]
    assert menu_of(client, website.url)[0] == "IASSIST 2025"


def test_a_website_without_a_menu_shows_none_when_the_section_has_none(client, index):
    conference = builders.conference(index, 2026, slug="iassist2026")
    builders.content_page(conference, "Registration", slug="registration")
    assert menu_of(client, "/conferences/iassist2026/registration/") is None
    index.menu = [link(conference, label="IASSIST 2026")]
    index.save_revision().publish()
    assert menu_of(client, "/conferences/iassist2026/registration/")[0] == "Conferences"


def test_menu_queries_do_not_grow_with_the_menu(client, website, django_assert_max_num_queries):
    with django_assert_max_num_queries(40) as few:
        client.get("/conferences/iassist2025/faq/")
    more = [link(builders.content_page(website, f"Page {n}", slug=f"page-{n}")) for n in range(15)]
    website.menu = [(entry.block_type, entry.value) for entry in website.menu] + more
    website.save_revision().publish()
    with django_assert_max_num_queries(len(few)):
        response = client.get("/conferences/iassist2025/faq/")
    assert response.content.decode().count('class="section-nav__link"') == 19


@pytest.mark.parametrize(
    "value, field",
    [
        ({"page": None, "url": "", "label": "Empty"}, "url"),
        ({"page": None, "url": "javascript:alert(1)", "label": "Script"}, "url"),
        ({"page": None, "url": "/conferences/#annual", "label": ""}, "label"),
    ],
)
def test_a_menu_entry_refuses_what_cannot_be_a_link(value, field):
    block = MenuLinkBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(value))
    assert field in raised.value.block_errors


def test_a_menu_entry_refuses_a_page_and_an_address_together(index):
    block = MenuLinkBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({"page": index.pk, "url": "https://example.org/", "label": "Both"}))
    assert "url" in raised.value.block_errors
