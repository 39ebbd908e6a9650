"""A notice's or event button's words are found by the site search only on the days it is shown."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command

from conferences.blocks import NoticeBlock
from conferences.dated_blocks import pages_with_dated_blocks
from conferences.tests import builders

pytestmark = pytest.mark.django_db
JUNE_1, JUNE_10, JUNE_20 = datetime.date(2027, 6, 1), datetime.date(2027, 6, 10), datetime.date(2027, 6, 20)
WORD = "Zanzibarian"


def on(day):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(12, 0), datetime.UTC), tick=False)


def found(client, query=WORD):
    response = client.get("/search/", {"q": query, "format": "json"})
    assert response.status_code == 200
    return [result["title"] for result in response.json()["results"]]


def notice_page(home_page, **days):
    """The Conferences page with a notice on WORD between the days given, published on the day it runs."""
    notice = builders.notice(f"{WORD} registration", **days)
    return builders.conference_index(home_page, title="Conferences", body=[notice])


def test_a_notice_has_no_searchable_words_before_its_first_day_or_after_its_last():
    value = NoticeBlock().to_python(builders.notice(WORD, show_from=JUNE_10, show_until=JUNE_20)["value"])
    for day, words in ((JUNE_1, []), (JUNE_10, [WORD]), (JUNE_20, [WORD]), (JUNE_20 + datetime.timedelta(1), [])):
        with on(day):
            assert NoticeBlock().get_searchable_content(value) == words, day


def test_a_notice_is_found_by_its_words_not_by_its_colour_scheme_or_heading_level(client, home_page):
    builders.conference_index(home_page, title="Conferences", body=[builders.notice(WORD)])
    assert found(client) == ["Conferences"]
    for label in ("grey", "Level"):
        assert found(client, label) == []


def test_a_button_is_found_by_its_label_not_by_its_address(client, home_page):
    button = builders.event_button("Quokkaville workshop", "https://wombat.example.org/")
    notice = builders.notice("Events")
    notice["value"]["content"].append({"type": "event_buttons", "value": [button]})
    builders.conference_index(home_page, title="Conferences", body=[notice])
    assert found(client, "Quokkaville") == ["Conferences"]
    assert found(client, "wombat") == []


def test_a_notice_not_yet_shown_is_not_found(client, home_page):
    with on(JUNE_1):
        notice_page(home_page, show_from=JUNE_10)
        assert found(client) == []


def test_the_daily_reindex_finds_a_notice_from_its_first_day(client, home_page):
    with on(JUNE_1):
        notice_page(home_page, show_from=JUNE_10)
    with on(JUNE_10):
        call_command("reindex_dated_blocks", stdout=io.StringIO())
        assert found(client) == ["Conferences"]


def test_the_daily_reindex_forgets_a_notice_after_its_last_day(client, home_page):
    with on(JUNE_1):
        notice_page(home_page, show_until=JUNE_10)
        assert found(client) == ["Conferences"]
    with on(JUNE_20):
        call_command("reindex_dated_blocks", stdout=io.StringIO())
        assert found(client) == []


def test_a_button_outside_its_days_is_not_found_by_its_label(client, home_page):
    button = builders.event_button("Quokkaville workshop", "https://example.org/", show_from=JUNE_10)
    notice = builders.notice("Events")
    notice["value"]["content"].append({"type": "event_buttons", "value": [button]})
    with on(JUNE_1):
        builders.conference_index(home_page, title="Conferences", body=[notice])
        assert found(client, "Quokkaville") == []
        assert found(client, "Events") == ["Conferences"]


def test_only_pages_with_dated_blocks_are_reindexed(home_page):
    index = builders.conference_index(home_page, body=[builders.notice("Always")])
    builders.content_page(index, title="Venue", body=[builders.notice("Dated", show_until=JUNE_10)])
    assert [page.title for page in pages_with_dated_blocks()] == ["Venue"]


def test_the_command_says_which_pages_it_reindexed(home_page, capsys):
    builders.conference_index(home_page, title="Conferences", body=[builders.notice("Dated", show_from=JUNE_10)])
    call_command("reindex_dated_blocks")
    out = capsys.readouterr().out
    assert "reindexed 1 page with dated notices or buttons" in out and "Conferences" in out


def test_the_command_is_silent_at_verbosity_0(home_page, capsys):
    builders.conference_index(home_page, title="Conferences", body=[builders.notice("Dated", show_from=JUNE_10)])
    call_command("reindex_dated_blocks", verbosity=0)
    assert capsys.readouterr().out == ""
