"""An editor runs next year's conference website in the admin; a visitor then finds its dates, fees,
sponsors, questions and menu, and the Conferences page announces it as forthcoming.

The editor's way, in steps counted as the clicks, fills and choices below (Steps): two
sponsors made in the Sponsors list with their logos; next year's conference started from Toronto's
with the Start action; its dates, the days of the important dates it keeps, four blocks and a
menu filled in; published. The count is written to artifacts/e2e/conference-website-editor-steps.txt.
"""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from .browser_checks import axe_violations, describe_violations, sideways_overflow
from .conftest import VIEWPORTS
from .streamfield import BODY_INSERT, MENU_INSERT, insert_block

pytestmark = pytest.mark.e2e

SOURCE_SLUG = "iassist-toronto"
SPONSORS = [
    {"name": "Harbour Data Lab", "alt": "Harbour Data Lab: a blue wave", "colour": (20, 70, 160)},
    {"name": "Open Census Trust", "alt": "Open Census Trust: a green square", "colour": (20, 120, 60)},
]
FEES = [("Member", "410", "480"), ("Student", "150", "190")]
CURRENCY = "CAD"
QUESTION = {"question": "Can I get a visa invitation letter?", "anchor": "visa-letters"}
# Toronto's kinds of date, which the copy keeps: (month-day, last month-day of a period).
IMPORTANT_DATES = {
    "cfp_opens": ("01-05", None),
    "proposals_due": ("01-15", None),
    "notifications": ("03-01", None),
    "early_bird_ends": ("04-01", None),
    "registration_closes": ("05-20", None),
    "hotel_deadline": ("05-01", None),
    "conference_days": ("06-06", "06-09"),
}
MENU = [("/conferences/", "All conferences"), ("https://iassistdata.org/", "IASSIST")]


class Steps:
    """Counts the editor's actions: what a person does with the mouse and keyboard, one each."""

    def __init__(self):
        self.count = 0

    def __call__(self, action, *args, **kwargs):
        self.count += 1
        return action(*args, **kwargs)


@pytest.fixture
def source_conference(site_content, django_db_blocker):
    """Toronto's conference, this site's coming one: its edit address and the year after it.

    What the editor made goes afterwards: the journeys that follow count the archive's conferences.
    """
    from django.core.cache import cache
    from wagtail.images import get_image_model

    from conferences.models import ConferencePage, Sponsor

    with django_db_blocker.unblock():
        conference = ConferencePage.objects.get(slug=SOURCE_SLUG)
        next_year = conference.year + 1
    yield {"edit": f"/admin/pages/{conference.pk}/edit/", "next_year": next_year}
    with django_db_blocker.unblock():
        for page in ConferencePage.objects.filter(year=next_year, kind=conference.kind):
            page.delete()
        names = [sponsor["name"] for sponsor in SPONSORS]
        Sponsor.objects.filter(name__in=names).delete()
        get_image_model().objects.filter(title__in=[f"{name} logo" for name in names]).delete()
        cache.clear()


@pytest.fixture
def logos(tmp_path):
    paths = []
    for sponsor in SPONSORS:
        path = tmp_path / f"{sponsor['name'].lower().replace(' ', '-')}.png"
        Image.new("RGB", (320, 120), sponsor["colour"]).save(path)
        paths.append(path)
    return paths


def add_sponsor(page, step, sponsor, logo):
    step(page.goto, "/admin/snippets/conferences/sponsor/add/")
    step(page.locator("#id_name").fill, sponsor["name"])
    step(page.get_by_role("button", name="Choose an image").click)
    modal = page.locator(".modal")
    step(modal.get_by_role("tab", name="Upload").click)
    step(modal.locator("input[type=file]").set_input_files, logo)
    # The chooser's upload does not take the title from the file's name, as the library's own upload does.
    step(modal.get_by_label("Title").fill, f"{sponsor['name']} logo")
    step(modal.get_by_role("button", name="Upload").click)
    expect(modal).to_be_hidden()
    step(page.locator("#id_logo_alt_text").fill, sponsor["alt"])
    with page.expect_navigation():
        step(page.get_by_role("button", name="Save").click)
    expect(page.locator(".messages")).to_contain_text(sponsor["name"])


def start_next_conference(page, step, source):
    step(page.goto, source["edit"])
    step(page.get_by_role("navigation", name="Actions", exact=True).get_by_role("button", name="Actions").click)
    step(page.get_by_role("link", name="Start next year's conference").click)
    expect(page.get_by_label("Year")).to_have_value(str(source["next_year"]))
    with page.expect_navigation():
        step(page.get_by_role("button", name="Create the drafts").click)
    expect(page.locator(".messages")).to_contain_text("created as drafts")


def fill_dates(page, step, year):
    step(page.locator("#id_start_date").fill, f"{year}-06-06")
    step(page.locator("#id_end_date").fill, f"{year}-06-09")
    step(page.get_by_label("City").fill, "Halifax")
    step(page.get_by_label("Country").fill, "Canada")
    # The copy keeps last year's kinds of date without their days: the editor gives each its day.
    rows = page.locator("select[id^=id_important_date_entries-][id$=-kind]")
    expect(rows).to_have_count(len(IMPORTANT_DATES))
    for number in range(rows.count()):
        kind = rows.nth(number).input_value()
        day, last_day = IMPORTANT_DATES[kind]
        step(page.locator(f"#id_important_date_entries-{number}-date").fill, f"{year}-{day}")
        if last_day:
            step(page.locator(f"#id_important_date_entries-{number}-end_date").fill, f"{year}-{last_day}")


def add_fee_table(page, step, index):
    insert_block(page, page.locator(BODY_INSERT).last, "Registration", step)
    step(page.locator(f"#body-{index}-value-currency").select_option, CURRENCY)
    fees = page.locator(f"#body-{index}-value-fees-0-value-category").locator(
        "xpath=ancestor::*[@data-contentpath='fees'][1]"
    )
    for row, (category, early_bird, regular) in enumerate(FEES):
        if row:  # the table starts with one empty row
            step(fees.locator("[data-streamfield-list-add]").last.click)
        step(page.locator(f"#body-{index}-value-fees-{row}-value-category").fill, category)
        step(page.locator(f"#body-{index}-value-fees-{row}-value-early_bird").fill, early_bird)
        step(page.locator(f"#body-{index}-value-fees-{row}-value-regular").fill, regular)
    # The block starts with one empty line of what the fee includes.
    step(page.locator(f"#body-{index}-value-included-0-value").fill, "All sessions, lunches and the reception")


def add_sponsors_block(page, step, index):
    insert_block(page, page.locator(BODY_INSERT).last, "Sponsors", step)
    tier = f"body-{index}-value-tiers-0-value"
    step(page.locator(f"#{tier}-name").fill, "Gold")
    for number, sponsor in enumerate(SPONSORS):
        if number:  # the tier starts with one empty place for a sponsor
            sponsors = page.locator(f"#{tier}-sponsors-0-value-chooser").locator(
                "xpath=ancestor::*[@data-contentpath='sponsors'][1]"
            )
            step(sponsors.locator("[data-streamfield-list-add]").last.click)
        step(page.locator(f"#{tier}-sponsors-{number}-value-chooser .chooser__choose-button").click)
        modal = page.locator(".modal")
        step(modal.get_by_role("link", name=sponsor["name"]).click)
        expect(modal).to_be_hidden()
        expect(page.locator(f"#{tier}-sponsors-{number}-value-title")).to_have_text(sponsor["name"])


def add_question(page, step, index):
    insert_block(page, page.locator(BODY_INSERT).last, "FAQ", step)
    step(page.locator(f"#body-{index}-value-questions-0-value-question").fill, QUESTION["question"])
    answer = page.locator(f"#body-{index}-value-questions-0-value-answer").locator("xpath=..").get_by_role("textbox")
    step(answer.click)
    step(page.keyboard.type, "Yes: write to the local organisers.")
    step(page.locator(f"#body-{index}-value-questions-0-value-anchor").fill, QUESTION["anchor"])


def add_menu(page, step):
    for number, (url, label) in enumerate(MENU):
        # The menu has only links: its insert button adds one without asking which kind.
        step(page.locator(MENU_INSERT).last.click)
        step(page.locator(f"#menu-{number}-value-url").fill, url)
        step(page.locator(f"#menu-{number}-value-label").fill, label)


FIELD_ERRORS = """() => [...document.querySelectorAll('.error-message')].map(
    (error) => `${(error.closest('[id]') || error).id}: ${error.innerText.trim()}`)"""


def publish(page, step):
    step(page.get_by_role("button", name="More actions").click)
    with page.expect_navigation():
        step(page.get_by_role("button", name="Publish").click)
    # Named by field, so that a refused form says which of the many fields it refused.
    errors = page.evaluate(FIELD_ERRORS)
    assert not errors, errors
    expect(page.locator(".messages")).to_contain_text("has been published")


def check_visitor_page(page, axe_script, screenshots, name):
    width = page.viewport_size["width"]
    violations = axe_violations(page, axe_script)
    assert not violations, describe_violations(violations)
    assert sideways_overflow(page) <= 0, f"The {name} page scrolls sideways at {width} px"
    page.screenshot(path=screenshots / f"conference-website-{name}-{width}.png", full_page=True)


def test_editor_runs_next_years_website_and_visitors_see_it(
    editor_page, open_page, source_conference, logos, axe_script, screenshots
):
    page, step = editor_page, Steps()
    for sponsor, logo in zip(SPONSORS, logos, strict=True):
        add_sponsor(page, step, sponsor, logo)
    start_next_conference(page, step, source_conference)
    year = source_conference["next_year"]
    fill_dates(page, step, year)
    insert_block(page, page.locator(BODY_INSERT).last, "Important dates", step)
    add_fee_table(page, step, 1)
    add_sponsors_block(page, step, 2)
    add_question(page, step, 3)
    add_menu(page, step)
    page.screenshot(path=screenshots / "conference-website-editor-1280.png", full_page=True)
    publish(page, step)
    (screenshots / "conference-website-editor-steps.txt").write_text(f"{step.count}\n", encoding="utf-8")
    conference_url = None

    for viewport in VIEWPORTS.values():
        visitor = open_page(viewport=viewport, new_visitor=True)
        visitor.goto("/conferences/")
        panel = visitor.locator("section.landing")
        event = panel.locator("article.landing-event", has=visitor.get_by_role("heading", name=f"IASSIST {year}"))
        expect(event).to_contain_text("Forthcoming")
        expect(event).to_contain_text("Halifax")
        check_visitor_page(visitor, axe_script, screenshots, "landing")
        event.get_by_role("link", name=f"IASSIST {year}").click()
        conference_url = conference_url or visitor.url

        expect(visitor.get_by_role("heading", level=1)).to_have_text(f"IASSIST {year}")
        dates = visitor.locator(".important-dates")
        expect(dates).to_contain_text("Proposals due")
        expect(dates).to_contain_text("Early-bird registration ends")
        fees = visitor.locator("table.fee-table")
        expect(fees).to_contain_text(f"{CURRENCY} 410")
        expect(fees).to_contain_text("Student")
        for sponsor in SPONSORS:
            expect(visitor.locator(".sponsor").get_by_role("img", name=sponsor["alt"], exact=True)).to_be_visible()
        menu = visitor.get_by_role("navigation").filter(has=visitor.get_by_role("link", name=MENU[0][1]))
        for url, label in MENU:
            expect(menu.get_by_role("link", name=label, exact=True)).to_have_attribute("href", url)
        check_visitor_page(visitor, axe_script, screenshots, "conference")

        visitor.goto(f"{conference_url}#{QUESTION['anchor']}")
        question = visitor.locator(f"details#{QUESTION['anchor']}")
        expect(question).to_have_attribute("open", "")
        expect(question).to_contain_text("write to the local organisers")
        assert re.search(r"#visa-letters$", visitor.url)
