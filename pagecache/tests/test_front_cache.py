"""Purging nginx's cache: the backend's requests, and which pages a publish purges."""

import pytest

from pagecache.frontend import NginxPurgeBackend, purge_listings

from .conftest import location

pytestmark = pytest.mark.django_db


def test_the_backend_purges_both_copies_under_the_location_with_the_page_host(purge_server):
    purge_server.cached.add("/__purge/conferences/")
    NginxPurgeBackend({"LOCATION": location(purge_server)}).purge("https://conferences.example.org/conferences/")
    assert purge_server.received == [
        ("PURGE", "/__purge/conferences/", "conferences.example.org", "gzip"),
        ("PURGE", "/__purge/conferences/", "conferences.example.org", "identity"),
    ]


def test_a_page_nginx_does_not_hold_is_not_an_error(purge_server, caplog):
    NginxPurgeBackend({"LOCATION": location(purge_server)}).purge("http://testserver/never-visited/")
    assert purge_server.received and not caplog.records


def test_an_unreachable_nginx_is_logged_once_not_raised(caplog):
    NginxPurgeBackend({"LOCATION": "http://127.0.0.1:9/__purge"}).purge("http://testserver/conferences/")
    assert caplog.text.count("Could not reach nginx") == 1


def test_publishing_purges_the_pages_that_list_the_conference(
    programme, purge_server, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "pagecache.frontend.NginxPurgeBackend", "LOCATION": location(purge_server)}
    }
    with django_capture_on_commit_callbacks(execute=True):
        purge_listings(sender=None, instance=programme["conference"])
    purged = {path.removeprefix("/__purge") for _method, path, _host, _encoding in purge_server.received}
    assert {programme["index"].url, programme["archive"].url} <= purged
