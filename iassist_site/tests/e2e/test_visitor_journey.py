"""A visitor's way through the site in Chromium: from the home page to a presenter, search, the archive, a phone."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.e2e


def test_visitor_goes_from_home_to_a_presenter(open_page, site_content):
    presentation = site_content.visitor_presentation
    page = open_page()
    page.goto("/")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Conferences").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Conferences")

    page.get_by_role("link", name=presentation.conference_title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(presentation.conference_title)
    expect(page.get_by_role("heading", name="Programme")).to_be_visible()

    item = page.locator(".presentation").filter(has_text=presentation.title)
    abstract = item.locator("details.abstract")
    expect(abstract.get_by_text(presentation.abstract)).to_be_hidden()
    abstract.locator("summary").click()
    expect(abstract.get_by_text(presentation.abstract)).to_be_visible()

    item.get_by_role("link", name=presentation.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(presentation.title)

    page.get_by_role("link", name=presentation.presenter_name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(presentation.presenter_name)
    expect(page.get_by_role("link", name=presentation.title)).to_be_visible()


def test_header_search_follows_a_suggestion_chosen_with_the_keyboard(open_page, site_content):
    presentation = site_content.visitor_presentation
    query = presentation.title.split()[-1]  # a word of the title, typed as a visitor would
    page = open_page()
    page.goto("/")
    box = page.get_by_role("combobox", name="Search this site")

    box.press_sequentially(query, delay=20)
    suggestion = page.get_by_role("option", name=re.compile(re.escape(presentation.title)))
    expect(suggestion).to_be_visible()
    options = page.get_by_role("option")
    for _ in range(options.count()):
        box.press("ArrowDown")
        if suggestion.get_attribute("aria-selected") == "true":
            break
    expect(box).to_have_attribute("aria-activedescendant", suggestion.get_attribute("id"))
    box.press("Enter")

    expect(page).to_have_url(re.compile(re.escape(presentation.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(presentation.title)


def test_archive_groups_annual_conferences_by_decade(open_page, site_content):
    page = open_page()
    page.goto(site_content.urls["archive"])
    decade_nav = page.get_by_role("navigation", name="Decades")

    for decade, titles in site_content.decades.items():
        decade_nav.get_by_role("link", name=f"{decade}s", exact=True).click()
        expect(page).to_have_url(re.compile(f"#decade-{decade}$"))
        section = page.locator(f"#decade-{decade}")
        expect(section.get_by_role("heading", level=2)).to_have_text(f"{decade}s")
        expect(section.get_by_role("heading", level=3)).to_have_text(titles)


def test_phone_menu_opens_and_leads_to_conferences(open_page, site_content):
    page = open_page(PHONE)
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    link = nav.get_by_role("link", name="Conferences")
    expect(link).to_be_hidden()

    nav.get_by_text("Menu").click()
    expect(link).to_be_visible()
    link.click()

    expect(page).to_have_url(re.compile(re.escape(site_content.urls["conference index"]) + "$"))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_main_menu_works_without_javascript(browser, live_site, site_content, viewport):
    context = browser.new_context(base_url=live_site.url, viewport=viewport, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/")
        link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Conferences")
        if viewport is PHONE:
            expect(link).to_be_hidden()
            page.get_by_role("navigation", name="Main").get_by_text("Menu").click()
        expect(link).to_be_visible()
    finally:
        context.close()


def test_the_main_menu_does_not_move_the_page_while_it_loads(open_page, site_content):
    page = open_page(PHONE, new_visitor=True)
    page.add_init_script(
        "window.__shift = 0; new PerformanceObserver((list) => { for (const entry of list.getEntries()) "
        "{ if (!entry.hadRecentInput) window.__shift += entry.value; } })"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    page.goto(site_content.urls["conference index"])
    page.wait_for_load_state("load")
    assert page.evaluate("window.__shift") < 0.01
