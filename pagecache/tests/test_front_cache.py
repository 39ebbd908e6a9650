"""Purging nginx's cache: the backend's requests, and which pages a publish purges."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pagecache.frontend import NginxPurgeBackend, listing_pages, programme_pages, purge_listings

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    """Stands in for nginx's purge location: records each request, answers 404 for unknown paths."""

    def do_PURGE(self):
        self.server.received.append((self.command, self.path, self.headers["Host"], self.headers["Accept-Encoding"]))
        self.send_response(200 if self.path in self.server.cached else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.received, server.cached = [], set()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def location(server):
    return f"http://127.0.0.1:{server.server_address[1]}/__purge"


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


def test_a_conference_is_listed_by_its_index_and_the_archive_beside_it(programme):
    listed_by = {page.pk for page in listing_pages(programme["conference"])}
    assert {programme["index"].pk, programme["archive"].pk} <= listed_by
    assert programme["conference"].pk not in listed_by


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


def test_an_edited_presentation_purges_its_programme_and_its_page(programme):
    conference, talk = programme["conference"], programme["talk"]
    paths = [url.removeprefix("http://testserver") for url in programme_pages(talk)]
    assert paths == [conference.url, f"{conference.url}presentations/{talk.slug}/"]


def test_a_session_of_an_unpublished_conference_purges_nothing(programme):
    programme["conference"].unpublish()
    assert programme_pages(programme["session"]) == []
