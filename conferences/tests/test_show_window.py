"""Show from / show until on notices and event buttons: days in the site's time zone, checked and obeyed."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from wagtail import blocks

from conferences.blocks import EventButtonBlock, NoticeBlock
from conferences.showing import UNTIL_BEFORE_FROM
from conferences.tests import builders

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
JUNE_1, JUNE_10 = datetime.date(2027, 6, 1), datetime.date(2027, 6, 10)


def at(*parts):
    return time_machine.travel(datetime.datetime(*parts, tzinfo=UTC), tick=False)


def notice_headings(client, index):
    soup = BeautifulSoup(client.get(index.url).content, "html.parser")
    return [h2.get_text(strip=True) for h2 in soup.select(".notice h2")]


def button_labels(client, index):
    soup = BeautifulSoup(client.get(index.url).content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("article a.button")]


def block_errors(block, value):
    with pytest.raises(blocks.StructBlockValidationError) as refused:
        block.clean(block.to_python(value))
    return {name: [str(message) for message in error.messages] for name, error in refused.value.block_errors.items()}


def test_a_notice_shown_until_before_it_is_shown_from_is_refused():
    value = builders.notice("Registration", show_from=JUNE_10, show_until=JUNE_1)["value"]
    assert block_errors(NoticeBlock(), value) == {"show_until": [UNTIL_BEFORE_FROM]}


def test_a_button_shown_until_before_it_is_shown_from_is_refused_with_its_other_errors():
    value = builders.event_button("Register", "", show_from=JUNE_10, show_until=JUNE_1)
    errors = block_errors(EventButtonBlock(), value)
    assert errors["show_until"] == [UNTIL_BEFORE_FROM]
    assert errors["url"] == ["Choose a page of this site or enter a URL."]


def test_a_notice_shown_on_one_day_only_is_accepted():
    value = builders.notice("Registration", show_from=JUNE_1, show_until=JUNE_1)["value"]
    assert NoticeBlock().clean(NoticeBlock().to_python(value))["show_until"] == JUNE_1


def test_a_notice_without_days_is_always_shown(client, home_page):
    index = builders.conference_index(home_page, body=[builders.notice("Always")])
    with at(1999, 1, 1, 12, 0):
        assert notice_headings(client, index) == ["Always"]


def test_a_notice_appears_on_its_show_from_day(client, home_page):
    index = builders.conference_index(home_page, body=[builders.notice("Call for papers", show_from=JUNE_1)])
    with at(2027, 5, 31, 23, 59):
        assert notice_headings(client, index) == []
    with at(2027, 6, 1, 0, 0):
        assert notice_headings(client, index) == ["Call for papers"]


def test_a_notice_is_shown_through_its_show_until_day_and_gone_the_next(client, home_page):
    index = builders.conference_index(home_page, body=[builders.notice("Early registration", show_until=JUNE_10)])
    with at(2027, 6, 10, 23, 59):
        assert notice_headings(client, index) == ["Early registration"]
    with at(2027, 6, 11, 0, 0):
        assert notice_headings(client, index) == []


def test_an_event_button_outside_its_days_is_not_rendered(client, home_page):
    row = [
        builders.event_button("Register", "https://example.org/register", show_until=JUNE_10),
        builders.event_button("Programme", "/programme/", show_from=JUNE_1),
    ]
    index = builders.conference_index(home_page, body=[{"type": "event_buttons", "value": row}])
    with at(2027, 5, 20, 12, 0):
        assert button_labels(client, index) == ["Register"]
    with at(2027, 6, 5, 12, 0):
        assert button_labels(client, index) == ["Register", "Programme"]
    with at(2027, 6, 11, 12, 0):
        assert button_labels(client, index) == ["Programme"]


def test_a_notice_inside_a_conference_page_obeys_its_days_too(client, home_page):
    index = builders.conference_index(home_page)
    conference = builders.conference(index, 2027, body=[builders.notice("Venue changed", show_until=JUNE_10)])
    with at(2027, 6, 11, 12, 0):
        soup = BeautifulSoup(client.get(conference.url).content, "html.parser")
    assert "Venue changed" not in soup.get_text()


def test_a_landing_button_obeys_its_days(client, home_page):
    index = builders.conference_index(home_page, landing_panel=True)
    buttons = [builders.event_button("Early registration", "/register/", show_until=JUNE_1)]
    builders.conference(index, 2027, landing_buttons=[{"type": "event_buttons", "value": buttons}])
    with at(2027, 5, 1, 12, 0):
        assert button_labels(client, index) == ["Early registration"]
    with at(2027, 6, 2, 12, 0):
        assert button_labels(client, index) == []


def test_a_row_whose_every_button_is_outside_its_days_leaves_no_empty_row(client, home_page):
    row = [builders.event_button("Register", "https://example.org/register", show_until=JUNE_10)]
    index = builders.conference_index(home_page, body=[{"type": "event_buttons", "value": row}])
    with at(2027, 6, 11, 12, 0):
        soup = BeautifulSoup(client.get(index.url).content, "html.parser")
    assert soup.select(".button-row") == []
