"""An editor builds a session of a conference's programme from the conference itself, in Chromium.

From the conference's edit view the Programme tab adds a session, then two presentations with
their presenters, and each save comes back to the tab. Screenshots at 1280 px go to artifacts/e2e/.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SESSION = "Lightning talks on research data"
TALKS = [
    ("Curating code with data", "curating-code", "Kevin Manuel"),
    ("Persistent identifiers in practice", "persistent-identifiers", "Rosa Orlandini"),
]
# What it took before: Programmes > Sessions, page through to the conference, add; then for each
# talk Programmes > Presentations > Add, find the session in a long chooser; then back to the page.
STEPS = 23


class Steps:
    """Counts what the editor does: each click, choice or typed field is one step."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def click(self, locator):
        self.count += 1
        locator.click()

    def fill(self, locator, text):
        self.count += 1
        locator.fill(text)


def open_conference(steps, page, site_content):
    page.goto("/admin/pages/")
    steps.click(page.get_by_role("link", name=f"Explore child pages of '{site_content.home_title}'"))
    steps.click(page.get_by_role("link", name="Explore child pages of 'Conferences'"))
    conference = site_content.editor_presentation.conference_title
    steps.click(page.locator("td.title").get_by_role("link", name=conference, exact=True).first)
    steps.click(page.get_by_role("tab", name="Programme"))
    return page.url.split("#")[0]


def save_draft_and_come_back(steps, page, edit_url):
    with page.expect_navigation():
        steps.click(page.get_by_role("button", name="Save draft"))
    expect(page).to_have_url(re.compile(re.escape(edit_url) + "#tab-programme$"))
    expect(page.get_by_role("tab", name="Programme")).to_have_attribute("aria-selected", "true")


def choose_presenter(steps, page, name):
    steps.click(page.get_by_role("button", name="Add presenter"))
    steps.click(page.get_by_role("button", name="Choose person").last)
    modal = page.locator(".modal-dialog")
    steps.fill(modal.get_by_role("textbox", name="Search by name"), name)
    steps.click(modal.get_by_role("link", name=name, exact=True))
    expect(modal).to_have_count(0)


def test_editor_adds_a_session_with_two_presentations_from_the_conference(editor_page, site_content, screenshots):
    page = editor_page
    steps = Steps(page)
    edit_url = open_conference(steps, page, site_content)
    panel = page.locator(".programme-panel")
    expect(panel).to_be_visible()
    page.screenshot(path=screenshots / "programme-tab-1280.png", full_page=True)

    steps.click(panel.get_by_role("link", name="Add a session"))
    steps.fill(page.locator("#id_title"), SESSION)
    page.screenshot(path=screenshots / "programme-add-session-1280.png", full_page=True)
    save_draft_and_come_back(steps, page, edit_url)
    expect(panel.get_by_role("heading", name=SESSION)).to_be_visible()

    for title, slug, presenter in TALKS:
        steps.click(panel.get_by_role("link", name=f"Add a presentation to {SESSION}"))
        steps.fill(page.locator("#id_title"), title)
        steps.fill(page.locator("#id_slug"), slug)
        choose_presenter(steps, page, presenter)
        page.screenshot(path=screenshots / "programme-add-presentation-1280.png", full_page=True)
        save_draft_and_come_back(steps, page, edit_url)

    session = panel.locator(".programme-panel__session").filter(has=page.get_by_role("heading", name=SESSION))
    expect(session.locator(".programme-panel__presentations li")).to_have_count(2)
    for title, _slug, presenter in TALKS:
        expect(session.get_by_role("listitem").filter(has_text=title)).to_contain_text(presenter)
    page.screenshot(path=screenshots / "programme-tab-built-1280.png", full_page=True)
    assert steps.count == STEPS


def test_editor_narrows_the_presentations_to_one_conference_with_the_chooser(editor_page, site_content, screenshots):
    page = editor_page
    conference = site_content.editor_presentation.conference_title
    page.goto("/admin/snippets/conferences/presentation/")
    page.get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name="Conference", exact=True).click()
    page.get_by_role("button", name="Choose a conference").click()
    modal = page.locator(".modal-dialog")
    # Not by its label: the listing's own search box has the same id (id_q), which Wagtail's modal script needs.
    modal.locator("input[name=q]").fill(conference.split(",")[0])
    modal.get_by_role("link", name=conference, exact=True).click()
    expect(page).to_have_url(re.compile(r"conference=\d+"))
    expect(page.get_by_role("link", name=site_content.editor_presentation.title).first).to_be_visible()
    page.screenshot(path=screenshots / "presentations-by-conference-1280.png", full_page=True)
