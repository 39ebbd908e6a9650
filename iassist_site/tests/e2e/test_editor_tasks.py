"""The editors' everyday tasks in the admin, each asserted step by step, with a screenshot at 1280 px.

Each task counts its steps (a click, a field filled, a choice made): the count is what an editor pays.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, _new_context
from .streamfield import BODY_INSERT, NOTICE_INSERT, insert_block

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def tasks(site_content, django_db_blocker):
    """Committed, for the live server; the package's snapshot puts the database back afterwards."""
    from .site_content import editor_task_content

    with django_db_blocker.unblock():
        return editor_task_content()


@pytest.fixture
def sign_in(browser, live_site):
    contexts = []

    def sign_in(username, password):
        context = _new_context(browser, live_site, DESKTOP)
        contexts.append(context)
        page = context.new_page()
        page.goto("/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/")
        return page

    yield sign_in
    for context in contexts:
        context.close()


def block_header(page, label):
    """The header of a collapsed block, found by the label it shows."""
    return page.locator(".w-panel__header").filter(has=page.locator(".c-sf-block__title", has_text=label)).first


def publish(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()


def open_presentation(page, title):
    page.get_by_role("button", name="Programmes").click()
    page.get_by_role("link", name="Presentations").click()
    page.get_by_role("link", name=title).first.click()


def test_a_editor_changes_the_conferences_page_and_publishes(editor_page, open_page, site_content, screenshots):
    page = editor_page
    page.goto("/admin/pages/")
    page.get_by_role("link", name=f"Explore child pages of '{site_content.home_title}'").click()  # 1
    page.get_by_role("main").get_by_role("link", name="Conferences", exact=True).first.click()  # 2
    # The hand-made panel of notices is now the computed one, placed by its block; the blocks are
    # collapsed, each named by its words (a heading by its text), never by a colour scheme.
    expect(block_header(page, re.compile(r"^Annual IASSIST Conference$"))).to_be_visible()
    expect(page.locator("#body-root .c-sf-block__title").filter(has_text="Highlight bar")).to_have_count(0)
    page.screenshot(path=screenshots / "task-a-collapsed-blocks.png")

    block_header(page, re.compile(r"^Annual IASSIST Conference$")).locator("[data-panel-toggle]").click()  # 3
    page.locator("#body-0-value-text").fill("The annual IASSIST conference")  # 4
    page.screenshot(path=screenshots / "task-a-heading-open.png")
    publish(page)  # 5, 6
    expect(page.locator(".messages")).to_contain_text("has been published")

    visitor = open_page(new_visitor=True)
    visitor.goto(site_content.urls["conference index"])
    expect(visitor.get_by_role("heading", name="The annual IASSIST conference")).to_be_visible()
    expect(visitor.locator(".landing")).to_be_visible()


def test_e_editor_attaches_slides_and_visitors_see_them(editor_page, open_page, tasks, screenshots):
    page = editor_page
    open_presentation(page, tasks.slides_title)  # 1, 2, 3
    page.get_by_role("button", name="Add material").click()  # 4
    page.locator("#id_materials-0-kind").select_option("slides")  # 5
    page.locator("#id_materials-0-url").fill("https://example.org/slides-come-later.pdf")  # 6
    page.screenshot(path=screenshots / "task-e-slides.png", full_page=True)
    publish(page)  # 7, 8
    expect(page.locator(".messages")).to_contain_text("published")

    visitor = open_page(new_visitor=True)
    visitor.goto(tasks.conference_url)
    item = visitor.locator(".presentation").filter(has_text=tasks.slides_title)
    expect(item.locator(".materials").get_by_role("link", name=re.compile(r"^Slides"))).to_be_visible()
    visitor.goto(tasks.slides_url)
    expect(visitor.locator(".materials").get_by_role("link", name=re.compile(r"^Slides"))).to_be_visible()
    visitor.screenshot(path=screenshots / "task-e-slides-visitor.png")


def test_d_organiser_submits_and_web_team_approves(sign_in, open_page, tasks, screenshots):
    new_title = f"{tasks.moderated_title}, revised"
    organiser = sign_in(tasks.organiser, tasks.password)
    open_presentation(organiser, tasks.moderated_title)  # 1, 2, 3
    organiser.locator("#id_title").fill(new_title)  # 4
    organiser.get_by_role("button", name="More actions").click()  # 5
    organiser.get_by_role("button", name=re.compile("^Submit to")).click()  # 6
    expect(organiser.locator(".messages")).to_contain_text("submitted")
    organiser.screenshot(path=screenshots / "task-d-submitted.png")

    visitor = open_page(new_visitor=True)
    visitor.goto(tasks.moderated_url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(tasks.moderated_title)

    reviewer = sign_in(tasks.web_team, tasks.password)
    awaiting = reviewer.locator("main").get_by_role("link", name=re.compile(re.escape(new_title))).first
    expect(awaiting).to_be_visible()
    reviewer.screenshot(path=screenshots / "task-d-awaiting-review.png")
    awaiting.click()  # 7
    reviewer.screenshot(path=screenshots / "task-d-review.png")
    reviewer.get_by_role("button", name="More actions").click()  # 8
    reviewer.get_by_role("button", name="Approve and Publish", exact=True).click()  # 9
    expect(reviewer.locator(".messages")).to_contain_text("updated")

    visitor.goto(tasks.moderated_url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(new_title)


def test_f_editor_finds_a_2016_talk_by_its_presenter(editor_page, tasks, screenshots):
    page = editor_page
    search = page.get_by_role("complementary", name="Sidebar").get_by_role("textbox", name="Search")
    search.fill(tasks.presenter_2016)  # 1
    search.press("Enter")  # 2
    page.get_by_role("navigation", name="Other searches").get_by_role("link", name="Programmes").click()  # 3
    result = page.get_by_role("link", name=tasks.talk_2016)
    expect(result).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("2016")
    page.screenshot(path=screenshots / "task-f-search.png")
    result.click()  # 4
    expect(page.locator("#id_title")).to_have_value(tasks.talk_2016)


def test_g_curator_merges_duplicate_people_and_undoes_it(editor_page, open_page, tasks, screenshots):
    kept, merged = tasks.duplicates
    page = editor_page
    page.get_by_role("button", name="Programmes").click()  # 1
    page.get_by_role("link", name="Duplicate people").click()  # 2
    group = page.locator("section.person-duplicates").filter(has_text=merged)
    page.screenshot(path=screenshots / "task-g-duplicates.png", full_page=True)
    group.get_by_label(f"Keep {kept}", exact=True).check()  # 3
    group.get_by_label(f"Merge {merged}", exact=True).check()  # 4
    group.get_by_role("button", name="Review this merge").click()  # 5
    page.get_by_role("button", name="Merge", exact=True).click()  # 6
    expect(page.locator(".messages")).to_contain_text(f"Merged {merged} into {kept}")

    visitor = open_page(new_visitor=True)
    visitor.goto(tasks.slides_url)
    expect(visitor.get_by_role("main")).to_contain_text(kept)

    page.screenshot(path=screenshots / "task-g-merged.png")
    page.get_by_role("button", name=f"Undo the merge of {merged} into {kept}").click()  # 7
    expect(page.locator(".messages")).to_contain_text(f"{merged} is back")
    visitor.goto(tasks.slides_url)
    expect(visitor.get_by_role("main")).to_contain_text(merged)


SCHEDULED = {"title": "IASSIST 2032, Halifax", "year": "2032", "start": "2032-06-01", "end": "2032-06-04"}


# The top-level "Insert a block" buttons of the body, not those inside a notice.
def test_b_editor_creates_a_conference_and_schedules_it(editor_page, open_page, site_content, screenshots):
    page = editor_page
    page.goto("/admin/pages/")
    page.get_by_role("link", name=f"Explore child pages of '{site_content.home_title}'").click()  # 1
    page.get_by_role("link", name="Explore child pages of 'Conferences'").click()  # 2
    page.get_by_role("link", name="Add child page", exact=True).click()  # 3
    page.get_by_role("link", name="Conference page", exact=True).click()  # 4
    page.locator("#id_title").fill(SCHEDULED["title"])  # 5
    page.get_by_label("Year").fill(SCHEDULED["year"])  # 6
    page.get_by_label("Start date").fill(SCHEDULED["start"])  # 7
    page.get_by_label("End date").fill(SCHEDULED["end"])  # 8

    insert_block(page, page.locator(BODY_INSERT).last, "Notice")  # 9, 10
    page.locator("#body-0-value-scheme").select_option("highlight")  # 11
    insert_block(page, page.locator(NOTICE_INSERT).first, "Heading")  # 12, 13
    page.locator("#body-0-value-content-0-value-text").fill("Save the date")  # 14
    insert_block(page, page.locator(NOTICE_INSERT).last, "Paragraph")  # 15, 16
    page.locator('#body-root [data-contentpath="content"] [contenteditable=true]').last.click()  # 17
    page.keyboard.type("Halifax welcomes IASSIST in June 2032.")  # 18
    insert_block(page, page.locator(BODY_INSERT).last, "Event buttons")  # 19, 20
    page.locator("#body-1-value-0-value-label").fill("IASSIST 2032 website")  # 21
    page.locator("#body-1-value-0-value-url").fill("https://iassist2032.example.org/")  # 22
    insert_block(page, page.locator(BODY_INSERT).last, "Zenodo")  # 23, 24
    page.locator("#body-2-value-target").fill("10.5281/zenodo.2032")  # 25

    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()  # 26
    expect(page.locator(".error-message")).to_have_count(0)
    # Saved, the blocks come back collapsed and named by their words.
    for label in ("Save the date", "IASSIST 2032 website", "10.5281/zenodo.2032"):
        expect(block_header(page, label)).to_be_visible()

    page.get_by_role("button", name="Toggle preview").click()  # 27
    preview = page.frame_locator("#w-preview-iframe")
    paragraph = preview.locator(".notice--highlight p")
    expect(paragraph).to_have_text("Halifax welcomes IASSIST in June 2032.")
    # A paragraph in a highlight bar is body text, not a second heading.
    assert paragraph.evaluate("(p) => getComputedStyle(p).fontWeight") == "400"
    heading_size = preview.locator(".notice--highlight h2").evaluate("(h) => parseFloat(getComputedStyle(h).fontSize)")
    assert paragraph.evaluate("(p) => parseFloat(getComputedStyle(p).fontSize)") < heading_size
    page.screenshot(path=screenshots / "task-b-preview.png")
    page.get_by_role("button", name="Toggle preview").click()  # 28

    page.locator('[data-side-panel-toggle="status"]').click()  # 29
    page.get_by_role("button", name="Set schedule").click()  # 30
    page.locator("#id_go_live_at").fill("2032-01-15 09:00")  # 31
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.get_by_role("heading", name="Set publishing schedule").click()  # the date picker would cover the button
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Save schedule")).to_be_visible()
    page.screenshot(path=screenshots / "task-b-schedule.png")
    with page.expect_navigation():
        dialog.get_by_role("button", name="Save schedule").focus()
        page.keyboard.press("Enter")  # 32: saves the draft with its date
    page.wait_for_load_state()
    expect(page.get_by_role("button", name="More actions")).to_be_visible()
    page.get_by_role("button", name="More actions").click()  # 33
    page.get_by_role("button", name="Schedule to publish").click()  # 34
    expect(page.locator(".messages")).to_contain_text("scheduled")

    visitor = open_page(new_visitor=True)
    visitor.goto(site_content.urls["conference index"])
    expect(visitor.get_by_role("main")).not_to_contain_text(SCHEDULED["title"])
