"""A presentation's slides and materials as a visitor meets them, at desktop and phone widths.

Each test leaves a screenshot in artifacts/e2e/ for a person to look at.
"""

import re

import pytest
from playwright.sync_api import expect

from .browser_checks import sideways_overflow
from .conftest import VIEWPORTS

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", VIEWPORTS)
def test_a_presentations_materials_are_named_links(open_page, site_content, screenshots, width):
    presentation = site_content.visitor_presentation
    page = open_page(VIEWPORTS[width])
    page.goto(presentation.url)
    materials = page.locator(".materials")
    materials.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / f"presentation-materials-{width}.png", full_page=True)

    expect(page.get_by_role("heading", name="Slides and materials")).to_be_visible()
    of_title = f"of “{presentation.title}”"
    # The kind, the title (hidden from sight, so repeated links are told apart), then the format.
    for name in (f"Slides {of_title} (Zenodo)", f"Paper {of_title} (PDF, 1.2\xa0MB)", f"Code {of_title} (github.com)"):
        expect(materials.get_by_role("link", name=name, exact=True)).to_be_visible()
    assert sideways_overflow(page) <= 0


def test_the_uploaded_paper_downloads_as_a_pdf(open_page, site_content):
    page = open_page()
    page.goto(site_content.visitor_presentation.url)
    href = page.locator(".materials").get_by_role("link", name=re.compile(r"^Paper ")).get_attribute("href")
    response = page.request.get(href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


def test_the_programme_lists_the_materials_under_each_presentation(open_page, site_content, screenshots):
    presentation = site_content.visitor_presentation
    page = open_page(VIEWPORTS["phone"])
    page.goto(presentation.conference_url)
    item = page.locator(".presentation").filter(has_text=presentation.title)
    item.locator(".materials").scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "programme-materials-phone.png")
    expect(item.locator(".materials a")).to_have_count(3)
