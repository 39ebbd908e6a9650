"""A page that changes by the date leaves the page cache, and browsers' caches, at the moment it changes."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.utils.http import http_date

from conferences.tests import builders
from home.changes import next_change, note_change
from pagecache import expiry, generation
from pagecache.middleware import HEADER, page_key

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def moment(*parts):
    return datetime.datetime(*parts, tzinfo=UTC)


def at(*parts):
    return time_machine.travel(moment(*parts), tick=False)


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_a_notice_past_its_show_until_is_gone_from_the_cache_the_next_day(visitor, home_page):
    notice = builders.notice("Early registration closes today", show_until=datetime.date(2027, 6, 10))
    index = builders.conference_index(home_page, body=[notice])
    with at(2027, 6, 10, 18, 0):
        visitor.get(index.url)
        cached = visitor.get(index.url)
    assert cached[HEADER] == "hit"
    assert "Early registration closes today" in text(cached)
    with at(2027, 6, 11, 0, 0, 1):
        next_day = visitor.get(index.url)
    assert next_day[HEADER] == "miss"
    assert "Early registration closes today" not in text(next_day)


def test_a_show_from_notice_is_in_the_cached_page_from_its_day(visitor, home_page):
    notice = builders.notice("Registration is open", show_from=datetime.date(2027, 3, 1))
    index = builders.conference_index(home_page, body=[notice])
    with at(2027, 2, 28, 23, 0):
        visitor.get(index.url)
        assert "Registration is open" not in text(visitor.get(index.url))
    with at(2027, 3, 1, 0, 0):
        assert "Registration is open" in text(visitor.get(index.url))


def test_a_cached_panel_expires_at_midnight_at_the_venue_within_the_sites_day(visitor, home_page):
    index = builders.conference_index(home_page, landing_panel=True)
    # Auckland's 7 June begins at 12:00 UTC on the 6th: the site's day (and the page's key) is unchanged.
    builders.conference(index, 2027, title="IASSIST Auckland", time_zone="Pacific/Auckland")
    with at(2027, 6, 6, 11, 30):
        visitor.get(index.url)
        before = visitor.get(index.url)
    assert before[HEADER] == "hit"
    assert "Forthcoming" in text(before)
    with at(2027, 6, 6, 12, 0):
        after = visitor.get(index.url)
    assert after[HEADER] == "miss"
    assert "Happening now" in text(after)


def test_the_stored_entry_times_out_at_the_next_change(visitor, home_page):
    index = builders.conference_index(home_page, landing_panel=True)
    builders.conference(index, 2027, title="IASSIST Auckland", time_zone="Pacific/Auckland")
    with at(2027, 6, 6, 11, 59):
        visitor.get(index.url)
        key = page_key(RequestFactory().get(index.url))
        assert generation.page_cache().get(key) is not None
    # The test cache keeps time by the (travelled) clock, as Redis keeps it by its own.
    with at(2027, 6, 6, 12, 0, 1):
        assert generation.page_cache().get(key) is None


def test_the_response_expires_when_the_page_next_changes(visitor, home_page):
    index = builders.conference_index(home_page, landing_panel=True)
    builders.conference(index, 2027, title="IASSIST Auckland", time_zone="Pacific/Auckland")
    with at(2027, 6, 6, 11, 0):
        rendered, hit = visitor.get(index.url), visitor.get(index.url)
    assert rendered["Expires"] == http_date(moment(2027, 6, 6, 12, 0).timestamp())
    assert hit["Expires"] == rendered["Expires"]
    assert "max-age=0" in rendered["Cache-Control"]


def test_the_earliest_change_on_a_page_sets_its_expiry(visitor, home_page):
    notice = builders.notice("Call for papers", show_until=datetime.date(2027, 6, 1))
    index = builders.conference_index(home_page, landing_panel=True, body=[notice])
    builders.conference(index, 2027, title="IASSIST 2027")
    with at(2027, 5, 20, 9, 0):
        response = visitor.get(index.url)
    assert response["Expires"] == http_date(moment(2027, 6, 2).timestamp())


def test_a_page_that_does_not_change_by_the_date_has_no_expiry(visitor, programme):
    response = visitor.get(programme["archive"].url)
    assert response[HEADER] == "miss"
    assert not response.has_header("Expires")


def test_the_cache_timeout_is_cut_to_the_next_change_but_never_to_nothing():
    with at(2027, 6, 6, 11, 59, 30):
        assert expiry.timeout_until(moment(2027, 6, 6, 12, 0), 3600) == 30
        assert expiry.timeout_until(moment(2027, 6, 6, 11, 0), 3600) == 1
        assert expiry.timeout_until(moment(2027, 6, 7), 3600) == 3600
        assert expiry.timeout_until(None, 3600) == 3600


def test_a_longer_max_age_is_cut_to_the_next_change():
    response = HttpResponse()
    response["Cache-Control"] = "public, max-age=600"
    with at(2027, 6, 6, 11, 59):
        expiry.mark_response(response, moment(2027, 6, 6, 12, 0))
    assert "max-age=60" in response["Cache-Control"]


def test_the_earliest_declared_change_wins():
    request = HttpRequest()
    note_change(request, moment(2027, 6, 2))
    note_change(request, moment(2027, 6, 1))
    note_change(request, moment(2027, 6, 3))
    note_change(request, None)
    assert next_change(request) == moment(2027, 6, 1)


def test_a_change_without_a_time_zone_is_refused():
    with pytest.raises(ValueError, match="time zone"):
        note_change(HttpRequest(), datetime.datetime(2027, 6, 1))
