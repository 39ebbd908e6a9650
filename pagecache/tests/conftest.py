import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import Site

from conferences.tests import builders
from home.models import SiteSettings
from pagecache import generation, outage


@pytest.fixture(autouse=True)
def page_cache_on(settings, home_page):
    """The page cache, on and empty, with no outage left over: the test settings keep it off for every other app."""
    outage.reset()
    generation.pending.forget()
    settings.PAGE_CACHE_ENABLED = True
    # The footer settings row is created on the first render; creating it is an edit that empties the cache.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    cache.clear()
    yield
    cache.clear()
    generation.pending.forget()
    outage.reset()


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def programme(home_page):
    """An index listing upcoming events, its archive, and a future conference with one presentation."""
    index = builders.conference_index(home_page, show_upcoming=True, show_archive_link=True)
    archive = builders.archive_page(index)
    year = datetime.date.today().year + 1
    conference = builders.conference(index, year=year, title=f"IASSIST {year} Gothenburg")
    session = builders.session(conference, title="Data curation")
    talk = builders.presentation(session, title="Versioning research data", presenters=[("Ada Byron", "IASSIST")])
    return {"index": index, "archive": archive, "conference": conference, "session": session, "talk": talk}


def page_urls(programme):
    """The pages on which the conference appears: listings, its own page, its presentation."""
    conference = programme["conference"]
    return [
        programme["index"].url,
        programme["archive"].url,
        conference.url,
        f"{conference.url}presentations/{programme['talk'].slug}/",
    ]


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
