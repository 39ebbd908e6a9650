"""“50 years of IASSIST” in Chromium at desktop and phone widths: axe-clean, no sideways scroll,
every chart drawn and as wide as its column, its links reachable by keyboard.

Screenshots go to artifacts/e2e/fifty-years-<width>.png for a person to look at.
"""

import pytest

from .browser_checks import axe_violations, describe_violations, keyboard_walk, sideways_overflow
from .conftest import VIEWPORTS

pytestmark = pytest.mark.e2e

URL = "/data/fifty-years/"


def _open(open_page, viewport):
    page = open_page(viewport)
    response = page.goto(URL)
    assert response.status == 200
    # The tables are shown too, so that axe checks them and the screenshot shows them.
    page.evaluate("() => document.querySelectorAll('.fifty-years details').forEach((d) => { d.open = true; })")
    return page


@pytest.mark.parametrize("width", VIEWPORTS)
def test_fifty_years_has_no_wcag_21_aa_violations(open_page, site_content, axe_script, screenshots, width):
    page = _open(open_page, VIEWPORTS[width])
    page.screenshot(path=screenshots / f"fifty-years-{width}.png", full_page=True)

    violations = axe_violations(page, axe_script)

    assert not violations, f"fifty years at {width} width:\n{describe_violations(violations)}"


@pytest.mark.parametrize("width", VIEWPORTS)
def test_fifty_years_does_not_scroll_sideways(open_page, site_content, width):
    page = _open(open_page, VIEWPORTS[width])

    assert sideways_overflow(page) <= 0


@pytest.mark.parametrize("width", VIEWPORTS)
def test_every_chart_is_drawn_across_its_column(open_page, site_content, width):
    page = _open(open_page, VIEWPORTS[width])
    charts = page.locator("svg.chart")

    # Presenters' countries are drawn only where a programme gave them; the demo's do not.
    assert charts.count() >= 3
    assert charts.count() == page.locator(".chart-figure").count()
    for index in range(charts.count()):
        chart, column = charts.nth(index).bounding_box(), page.locator(".chart-figure").nth(index).bounding_box()
        assert chart["height"] > 50
        assert chart["width"] == pytest.approx(column["width"], abs=1)


def test_keyboard_reaches_the_charts_links_with_a_visible_focus(open_page, site_content):
    page = _open(open_page, VIEWPORTS["desktop"])

    marked, reached, unindicated = keyboard_walk(page)

    missed = [description for mark, description in enumerate(marked) if str(mark) not in reached]
    assert any(description.startswith("a ") for description in marked)
    assert not missed, f"not reachable with Tab: {missed}"
    assert not unindicated, f"focused without a visible indicator: {unindicated}"


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_world_map_marks_each_located_city_and_lists_the_others(open_page, site_content, screenshots, width):
    page = _open(open_page, VIEWPORTS[width])
    page.locator("#chart-map").screenshot(path=screenshots / f"fifty-years-map-{width}.png")
    markers = page.locator("#chart-map a.map-marker")
    cells = "caption:text-is('Host cities') + thead + tbody td:last-child"
    on_the_map, off_the_map = page.locator(f"{cells}:text-is('Yes')"), page.locator(f"{cells}:text-is('No')")

    assert markers.count() >= 1 and markers.count() == on_the_map.count()
    assert off_the_map.count() >= 1  # the site content's New Haven is spelt unlike the coordinates table
    map_box = page.locator("#chart-map").bounding_box()
    for index in range(markers.count()):
        marker = markers.nth(index)
        assert marker.get_attribute("aria-label")
        box = marker.bounding_box()
        assert map_box["x"] <= box["x"] and box["x"] + box["width"] <= map_box["x"] + map_box["width"] + 1


def test_a_marker_is_followed_from_the_keyboard_to_its_conference(open_page, site_content):
    page = _open(open_page, VIEWPORTS["desktop"])
    marker = page.locator("#chart-map a.map-marker:not([href^='#'])").first
    href = marker.get_attribute("href")
    marker.focus()
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{href}")
    assert page.locator("h1").is_visible()
