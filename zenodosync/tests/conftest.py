"""The recorded Zenodo responses, and a real HTTP server on 127.0.0.1 that answers with them."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import transaction
from wagtail.models import Site

from home.models import HomePage
from zenodosync.records import parse_hits

RECORDED = Path(__file__).resolve().parent / "recorded"
PAGES = [RECORDED / "iassist-2022-page-1.json", RECORDED / "iassist-2022-page-2.json"]
RECORDED_API = "https://zenodo.org/api"


def recorded_hits():
    return [hit for page in PAGES for hit in json.loads(page.read_text())["hits"]["hits"]]


@pytest.fixture
def recorded_records():
    """The recorded records by id, as the client reads them."""
    records, _ = parse_hits(recorded_hits())
    return {record.record_id: record for record in records}


class RecordedZenodo(BaseHTTPRequestHandler):
    """Answers /api/records?page=N with the Nth recorded page, its links pointing back here.

    /broken/api answers 500, /html/api an HTML page, /elsewhere/api a next link to another host.
    """

    def do_GET(self):
        parts = urlsplit(self.path)
        base = f"http://{self.headers['Host']}"
        if parts.path.startswith("/broken/"):
            return self._answer(500, "text/plain", b"Internal Server Error")
        if parts.path.startswith("/html/"):
            return self._answer(200, "text/html", b"<html><body>Zenodo is down for maintenance</body></html>")
        page = int(parse_qs(parts.query).get("page", ["1"])[0])
        if not 1 <= page <= len(PAGES):
            return self._answer(404, "application/json", b'{"status": 404}')
        prefix = parts.path.removesuffix("/api/records")
        body = PAGES[page - 1].read_text().replace(RECORDED_API, f"{base}{prefix}/api")
        if parts.path.startswith("/elsewhere/"):
            body = body.replace(f"{base}{prefix}/api", "https://example.org/api")
        self.server.requests.append((self.path, self.headers.get("User-Agent", "")))
        return self._answer(200, "application/json", body.encode())

    def _answer(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def zenodo_server():
    """The base address of a server answering with the recorded pages; `.requests` lists what it was asked."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordedZenodo)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def server_url(server, prefix=""):
    host, port = server.server_address[:2]
    return f"http://{host}:{port}{prefix}/api"


# A port nothing listens on: the connection is refused at once, as when Zenodo cannot be reached.
UNREACHABLE_API = "http://127.0.0.1:9/api"


def built_once(build, name):
    """Two fixtures for a module whose tests start from one site: `build(home_page)` runs once for the module.

    Building a site of pages costs far more than most tests here, and few tests change it. It is
    built in a transaction rolled back after the module (`built_site`), as setUpTestData does;
    each test still runs in its own savepoint (the `db` fixture), so what a test changes is
    undone, and the fixture called `name` gives each test its own copies of the built rows, so
    that no test sees another's changes to an instance in memory.
    """

    @pytest.fixture(scope="module")
    def built_site(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            home = HomePage.objects.get(depth=2)
            site = Site.objects.get(is_default_site=True)
            site.hostname, site.port = "testserver", 80
            site.save()
            yield build(home)
            transaction.set_rollback(True)

    @pytest.fixture(name=name)
    def fresh(built_site, db):
        return _fetched_again(built_site)

    return built_site, fresh


def _fetched_again(value):
    if isinstance(value, dict):
        return {key: _fetched_again(item) for key, item in value.items()}
    return type(value).objects.get(pk=value.pk)
