"""An editor starts next year's conference from this year's edit view and finds its draft website."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_editor_starts_next_years_conference_and_sees_its_draft_website(editor_page, site_content, screenshots):
    website = site_content.timed_website
    page = editor_page
    page.goto(site_content.urls["timed conference edit"])
    page.get_by_role("navigation", name="Actions", exact=True).get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Start next year's conference").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Start next year's conference")
    expect(page.get_by_label("Year")).to_have_value(str(website["next_year"]))
    expect(page.get_by_label("Title")).to_have_value(website["next_title"])
    page.screenshot(path=screenshots / "next-conference-form-1280.png", full_page=True)

    with page.expect_navigation():
        page.get_by_role("button", name="Create the drafts").click()
    pages_below = len(website["pages"])
    expect(page.locator(".messages")).to_contain_text(
        f"{website['next_title']} and {pages_below} pages created as drafts."
    )
    expect(page.locator("#id_title")).to_have_value(website["next_title"])
    expect(page.get_by_label("City")).to_have_value("")
    menu = page.locator('[data-contentpath="menu"]')
    for label in website["menu"]:
        expect(menu.get_by_text(label).first).to_be_visible()
    page.screenshot(path=screenshots / "next-conference-draft-1280.png", full_page=True)
    menu.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "next-conference-menu-1280.png")

    new_page_id = re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1)
    page.goto(f"/admin/pages/{new_page_id}/")
    listing = page.locator("main")
    for title in website["pages"]:
        row = listing.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))
        expect(row).to_contain_text("draft", ignore_case=True)
    page.screenshot(path=screenshots / "next-conference-pages-1280.png", full_page=True)
