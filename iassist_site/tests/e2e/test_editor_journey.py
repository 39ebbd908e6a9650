"""An editor's way through Wagtail's admin in Chromium, and what visitors then see on the site."""

import re

import pytest
from playwright.sync_api import expect

from conferences.zenodo import parse_zenodo

from .streamfield import BODY_INSERT, NOTICE_INSERT, insert_block

pytestmark = pytest.mark.e2e

NEW_CONFERENCE = {
    "title": "IASSIST 2031, Reykjavik",
    "year": "2031",
    "start": "2031-06-02",
    "end": "2031-06-05",
    "city": "Reykjavik",
    "country": "Iceland",
}
NOTICE_HEADING = "Call for proposals is open"
BUTTON = {"label": "IASSIST 2031 conference website", "url": "https://iassist2031.example.org/"}
NOT_ZENODO = "https://example.org/iassist-2031-slides"
ZENODO = "zenodo.org/communities/IASSIST-2031/"


def fill_facts(page):
    page.locator("#id_title").fill(NEW_CONFERENCE["title"])
    page.get_by_label("Year").fill(NEW_CONFERENCE["year"])
    page.get_by_label("Start date").fill(NEW_CONFERENCE["start"])
    page.get_by_label("End date").fill(NEW_CONFERENCE["end"])
    page.get_by_label("City").fill(NEW_CONFERENCE["city"])
    page.get_by_label("Country").fill(NEW_CONFERENCE["country"])


def add_body_blocks(page, zenodo_target):
    insert_block(page, page.locator(BODY_INSERT).last, "Notice")
    page.locator("#body-0-value-scheme").select_option("highlight")
    insert_block(page, page.locator(NOTICE_INSERT).first, "Heading")
    page.locator("#body-0-value-content-0-value-text").fill(NOTICE_HEADING)

    insert_block(page, page.locator(BODY_INSERT).last, "Event buttons")
    page.locator("#body-1-value-0-value-label").fill(BUTTON["label"])
    page.locator("#body-1-value-0-value-url").fill(BUTTON["url"])

    insert_block(page, page.locator(BODY_INSERT).last, "Zenodo")
    page.locator("#body-2-value-target").fill(zenodo_target)


def save_draft(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()


def test_editor_adds_a_conference_page_that_visitors_then_see_and_find(editor_page, open_page, site_content):
    page = editor_page
    page.goto("/admin/pages/")
    page.get_by_role("link", name=f"Explore child pages of '{site_content.home_title}'").click()
    page.get_by_role("link", name="Explore child pages of 'Conferences'").click()
    page.get_by_role("link", name="Add child page", exact=True).click()
    page.get_by_role("link", name="Conference page", exact=True).click()
    fill_facts(page)
    add_body_blocks(page, NOT_ZENODO)

    save_draft(page)
    body_errors = page.locator("#body-root .error-message")
    expect(body_errors).to_have_count(1)
    expect(page.locator("#body-2-value-target-errors")).to_contain_text("is not a Zenodo address")

    page.locator("#body-2-value-target").fill(ZENODO)
    save_draft(page)
    expect(page.locator(".error-message")).to_have_count(0)
    expect(page.locator("#body-2-value-target")).to_have_value(parse_zenodo(ZENODO).url)

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(NEW_CONFERENCE["title"])
    expect(preview.locator(".notice--highlight")).to_have_text(NOTICE_HEADING)

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("has been published")

    visitor = open_page(new_visitor=True)
    visitor.goto(site_content.urls["conference index"])
    visitor.get_by_role("link", name=NEW_CONFERENCE["title"]).first.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(NEW_CONFERENCE["title"])
    expect(visitor.locator(".notice--highlight").get_by_role("heading", name=NOTICE_HEADING)).to_be_visible()
    expect(visitor.get_by_role("link", name=BUTTON["label"])).to_have_attribute("href", BUTTON["url"])
    expect(visitor.locator(".zenodo-link a")).to_have_attribute("href", parse_zenodo(ZENODO).url)
    conference_url = visitor.url

    visitor.get_by_role("combobox", name="Search this site").fill(NEW_CONFERENCE["city"])
    visitor.get_by_role("combobox", name="Search this site").press("Enter")
    result = visitor.locator(".search-result__title").get_by_role("link", name=NEW_CONFERENCE["title"])
    expect(result).to_be_visible()
    result.click()
    expect(visitor).to_have_url(conference_url)


def test_editor_renames_a_presentation_and_the_programme_shows_it(editor_page, open_page, site_content):
    presentation = site_content.editor_presentation
    new_title = f"{presentation.title} (revised)"
    page = editor_page
    page.get_by_role("button", name="Programmes").click()
    page.get_by_role("link", name="Presentations").click()
    page.get_by_role("link", name=presentation.title).first.click()

    page.locator("#id_title").fill(new_title)
    # Presentations have drafts: saving keeps the published title, publishing shows the new one.
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("updated and published")

    visitor = open_page(new_visitor=True)
    visitor.goto(presentation.conference_url)
    programme = visitor.get_by_role("region", name="Programme")
    expect(programme.get_by_role("link", name=new_title, exact=True)).to_be_visible()
    programme.get_by_role("link", name=new_title, exact=True).click()
    expect(visitor).to_have_url(re.compile(re.escape(presentation.url) + "$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(new_title)
