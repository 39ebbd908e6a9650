"""Every request finds its Wagtail site without a query once it is known (KnownSiteMiddleware)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content_memo")]


def site_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response, [query["sql"] for query in captured if "wagtailcore_site" in query["sql"]]


def test_the_second_request_reads_no_site(client, home_page):
    _, first = site_queries(client, "/")
    _, second = site_queries(client, "/")
    assert first
    assert second == []


def test_a_changed_site_is_read_again(client, home_page):
    site_queries(client, "/")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "IASSIST conferences, renamed"
    site.save()
    response, queries = site_queries(client, "/")
    assert queries
    assert response.wsgi_request._wagtail_site.site_name == "IASSIST conferences, renamed"


def test_each_host_finds_its_own_site(client, home_page):
    Site.objects.create(hostname="other.example", port=80, root_page=home_page, site_name="Other")
    client.get("/")
    response = client.get("/", HTTP_HOST="other.example")
    assert response.wsgi_request._wagtail_site.site_name == "Other"


def test_with_the_memo_off_every_request_reads_the_site(client, home_page, settings):
    settings.SEARCH_CONTENT_MEMO = False
    site_queries(client, "/")
    _, second = site_queries(client, "/")
    assert second


def test_a_host_not_allowed_is_refused_before_any_site_is_read(client, home_page, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert not [query for query in captured if "wagtailcore_site" in query["sql"]]


def test_an_address_that_needs_no_site_reads_none(client):
    """robots.txt answers without the database, as it did before sites were kept."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/robots.txt")
    assert response.status_code == 200
    assert len(captured) == 0
