"""Every public page type, at desktop and phone widths: axe-core's WCAG 2.1 A and AA rules, the keyboard, the layout.

Each test also leaves a full-page screenshot in artifacts/e2e/ for a person to look at.
"""

import pytest

from .browser_checks import axe_violations, describe_violations, keyboard_walk, sideways_overflow
from .conftest import PHONE, VIEWPORTS

pytestmark = pytest.mark.e2e

PAGE_TYPES = [
    "home",
    "conference index",
    "conference",
    "presentation",
    "person",
    "people",
    "archive",
    "content page",
    "search results",
    "not found",
    "schedule",
    "agenda",
    "timed programme",
    "conference website",
]


def visit(open_page, site_content, page_type, viewport):
    page = open_page(viewport)
    response = page.goto(site_content.urls[page_type])
    expected_status = 404 if page_type == "not found" else 200
    assert response.status == expected_status, f"{page_type} at {page.url} answered {response.status}"
    return page


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_has_no_wcag_21_aa_violations(open_page, site_content, axe_script, screenshots, page_type, width):
    page = visit(open_page, site_content, page_type, VIEWPORTS[width])
    page.screenshot(path=screenshots / f"{page_type.replace(' ', '-')}-{width}.png", full_page=True)

    violations = axe_violations(page, axe_script)

    assert not violations, f"{page_type} at {width} width:\n{describe_violations(violations)}"
    assert page.locator("main h1").first.inner_text().strip(), f"{page_type} has no heading: axe checked an empty page"


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_keyboard_reaches_every_control_with_a_visible_focus(open_page, site_content, page_type, width):
    page = visit(open_page, site_content, page_type, VIEWPORTS[width])

    marked, reached, unindicated = keyboard_walk(page)

    missed = [description for mark, description in enumerate(marked) if str(mark) not in reached]
    assert marked, "the page has nothing to focus, so the walk checked nothing"
    assert not missed, f"not reachable with Tab: {missed}"
    assert not unindicated, f"focused without a visible indicator: {unindicated}"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_does_not_scroll_sideways_on_a_phone(open_page, site_content, page_type):
    page = visit(open_page, site_content, page_type, PHONE)

    assert sideways_overflow(page) <= 0
