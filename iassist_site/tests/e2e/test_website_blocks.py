"""A conference website's questions and answers in the browser: a link to a question's anchor opens its answer."""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE

pytestmark = pytest.mark.e2e


def test_an_address_with_a_questions_anchor_opens_its_answer(open_page, site_content):
    page = open_page()
    page.goto(site_content.urls["conference website"] + "#visa")
    expect(page.locator("details#visa")).to_have_attribute("open", "")
    expect(page.locator("details#visa .faq__answer")).to_be_visible()


def test_following_a_link_to_another_question_on_the_page_opens_it(open_page, site_content):
    page = open_page()
    page.goto(site_content.urls["conference website"])
    closed = page.locator("details.faq__item").nth(1)
    expect(closed).not_to_have_attribute("open", "")
    anchor = closed.get_attribute("id")
    page.evaluate("anchor => { window.location.hash = anchor; }", anchor)
    expect(closed).to_have_attribute("open", "")


def test_an_answer_opens_by_keyboard_without_the_script(browser, live_site, site_content):
    context = browser.new_context(base_url=live_site.url, viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_content.urls["conference website"])
        question = page.locator("details#visa > summary")
        question.focus()
        page.keyboard.press("Enter")
        expect(page.locator("details#visa")).to_have_attribute("open", "")
    finally:
        context.close()
