"""View restrictions with the content memo on: no query where none can apply, and every restriction kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from conferences.tests import builders

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content_memo")]


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


def restriction_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [query for query in captured if "wagtailcore_pageviewrestriction" in query["sql"]]


def restrict(page, kind=PageViewRestriction.LOGIN, **fields):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


def test_a_page_no_restriction_reaches_is_served_without_reading_restrictions(client, index):
    page = builders.content_page(index, "Code of conduct")
    client.get(page.url)
    response, queries = restriction_queries(client, page.url)
    assert response.status_code == 200
    assert queries == []


def test_a_restricted_page_still_asks_for_its_password(client, index):
    page = builders.content_page(index, "Committee")
    restrict(page, PageViewRestriction.PASSWORD, password="s3cret")
    response = client.get(page.url)
    assert response.status_code == 200
    assert b'name="password"' in response.content
    assert b"Committee" not in response.content.split(b"<main", 1)[-1]


def test_a_page_below_a_restricted_page_is_restricted_too(client, index):
    conference = builders.conference(index, 2030)
    restrict(index)
    response = client.get(conference.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_restriction_added_after_a_visit_holds_at_the_next(client, index):
    page = builders.content_page(index, "Minutes")
    assert client.get(page.url).status_code == 200
    restrict(page)
    assert client.get(page.url).status_code == 302


def test_a_restriction_removed_after_a_visit_is_lifted_at_the_next(client, index):
    page = builders.content_page(index, "Minutes")
    restriction = restrict(page)
    assert client.get(page.url).status_code == 302
    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_an_alias_is_restricted_as_its_source_is(client, index, home_page):
    source = builders.content_page(index, "Board papers")
    alias = source.create_alias(parent=home_page, update_slug="board-papers-alias")
    assert client.get(alias.url).status_code == 200
    # Restricted after the alias was made, so that only the source holds the restriction.
    restrict(source)
    assert not PageViewRestriction.objects.filter(page=alias).exists()
    assert client.get(alias.url).status_code == 302


def test_the_admin_can_still_order_the_restrictions_of_an_unrestricted_page(index):
    page = builders.content_page(index, "Venue")
    assert list(page.get_view_restrictions().order_by("-page__depth")) == []


def test_with_the_memo_off_restrictions_are_read_as_wagtail_reads_them(client, index, settings):
    settings.SEARCH_CONTENT_MEMO = False
    page = builders.content_page(index, "Venue")
    client.get(page.url)
    response, queries = restriction_queries(client, page.url)
    assert response.status_code == 200
    assert queries
