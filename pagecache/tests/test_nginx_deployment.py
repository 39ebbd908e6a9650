"""The reference deployment's front cache: deploy/nginx-site.conf run by a real nginx in front of the app.

Each test starts Debian's nginx, with the purge module, on the site config filled in as
docs/serving.md tells an administrator to, in front of pytest-django's live server, and
switches Wagtail's purging on as the production settings do when FRONTEND_CACHE_PURGE_URL
is set. The site's address is nginx's, since Wagtail purges a page by its full address.
"""

import gzip
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest
from django.conf import settings
from django.db import connections
from wagtail.models import Site

from .ports import free_port

# Debian puts it in /usr/sbin, which a user's PATH may lack.
NGINX = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
SITE_CONF = Path(settings.BASE_DIR) / "deploy" / "nginx-site.conf"
INSTALL = "apt-get install nginx libnginx-mod-http-cache-purge"
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}
WITHOUT_GZIP = {"Accept-Encoding": "identity"}

pytestmark = [
    pytest.mark.skipif(NGINX is None, reason=f"nginx is not installed ({INSTALL})"),
    pytest.mark.skipif(not PURGE_MODULE.exists(), reason=f"no nginx cache purge module at {PURGE_MODULE} ({INSTALL})"),
    # The live server only sees committed data, and each test ends with the database flushed;
    # the serialized copy of the migrated database puts the home page and site back for the next.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class Reply(NamedTuple):
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def front_cache(self):
        return self.headers["X-Front-Cache"]

    @property
    def page(self):
        """The body as a browser reads it: decompressed when it came compressed."""
        return gzip.decompress(self.body) if self.headers["Content-Encoding"] == "gzip" else self.body


def request(port, path, headers=None, method="GET", source_address=None):
    """One request on a connection of its own; http.client leaves the body as it came (no decompression)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=source_address)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        connection.close()


class FrontCache:
    """nginx on 127.0.0.1:port, as a visitor (or Wagtail's purge) reaches it."""

    def __init__(self, port, static_root):
        self.port = port
        self.static_root = static_root

    def get(self, path, headers=None):
        return request(self.port, path, headers)

    def purge(self, path, headers=BROWSER, source_address=None):
        """Purge the copy that `headers` would be served (the compressed one, by default)."""
        return request(self.port, f"/__purge{path}", headers, method="PURGE", source_address=source_address)

    def stored(self, path, headers=BROWSER):
        """Visit twice: the second visit is answered from nginx's cache when the page was stored."""
        self.get(path, headers)
        return self.get(path, headers).front_cache == "HIT"


# -- nginx ------------------------------------------------------------------------------------


def readable_dir(path):
    """nginx's workers run as nobody: they must be able to reach their cache and the static files."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o755)
    return path


def write_site_conf(workdir, port, upstream, static_root):
    """`upstream`: an app server's address, or a list of them, one `server` line each as docs/serving.md says."""
    site = SITE_CONF.read_text()
    addresses = [upstream] if isinstance(upstream, str) else upstream
    site = site.replace("server @UPSTREAM@;", " ".join(f"server {address};" for address in addresses))
    for name, value in {
        "@CACHE_DIR@": str(workdir / "cache"),
        "@LISTEN@": f"127.0.0.1:{port}",
        "@SERVER_NAME@": "127.0.0.1 localhost",
        "@STATIC_ROOT@": str(static_root),
        "@MEDIA_ROOT@": str(workdir / "media"),
    }.items():
        site = site.replace(name, value)
    unfilled = re.findall(r"^[^#\n]*(@[A-Z_]+@)", site, re.MULTILINE)
    assert not unfilled, f"{SITE_CONF.name} has names this test does not fill in: {unfilled}"
    (workdir / "site.conf").write_text(site)


def write_nginx_conf(workdir):
    """The http { } block the site config is included in, with everything nginx writes kept in workdir."""
    temp = workdir / "tmp"
    conf = f"""
load_module {PURGE_MODULE};
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
daemon off;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {workdir}/site.conf;
}}
"""
    readable_dir(temp)
    (workdir / "nginx.conf").write_text(conf)
    return workdir / "nginx.conf"


@contextmanager
def running_nginx(workdir):
    command = [NGINX, "-p", str(workdir), "-e", str(workdir / "error.log"), "-c", str(workdir / "nginx.conf")]
    # A session of its own, so that the master and its workers stop together however the test ends.
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def assert_no_crash(workdir):
    """A worker that crashes (the purge module's other form did) shows only as a reset connection."""
    alerts = [
        line for line in (workdir / "error.log").read_text().splitlines() if "[alert]" in line or "[emerg]" in line
    ]
    assert not alerts, f"nginx's error log: {alerts}"


def wait_until_listening(process, port, workdir, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited with {process.returncode}: {(workdir / 'error.log').read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.02)
    pytest.fail(f"nginx did not listen on 127.0.0.1:{port} within {timeout} s")


# -- purging, as production switches it on --------------------------------------------------


@contextmanager
def purging_on_publish(settings, location):
    """What FRONTEND_CACHE_PURGE_URL switches on in the production settings.

    There, `wagtail.contrib.frontend_cache` is installed and its ready() and the page cache's
    connect the purges; the test settings leave it out, so the same two functions are called
    here, and their receivers are disconnected again afterwards.
    """
    from wagtail.contrib.frontend_cache import signal_handlers

    from pagecache import frontend

    backend = {"BACKEND": "pagecache.frontend.NginxPurgeBackend", "LOCATION": location}
    settings.WAGTAILFRONTENDCACHE = {"nginx": backend}
    signal_handlers.register_signal_handlers()
    frontend.connect()
    try:
        yield
    finally:
        frontend.disconnect()
        disconnect_wagtail_purges(signal_handlers)


def disconnect_wagtail_purges(signal_handlers):
    """Undo register_signal_handlers(), which connects Wagtail's purge for every page model."""
    from django.apps import apps
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished

    for model in apps.get_models():
        if issubclass(model, Page):
            page_published.disconnect(signal_handlers.page_published_signal_handler, sender=model)
            page_unpublished.disconnect(signal_handlers.page_unpublished_signal_handler, sender=model)


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scratch():
    # Not pytest's tmp_path: it is private to root (0700), out of reach of nginx's workers.
    workdir = readable_dir(Path(tempfile.mkdtemp(prefix="iassist-nginx-test-")))
    yield workdir
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="module")
def front_port():
    """One port for the module: the site's address includes it."""
    return free_port()


@pytest.fixture(scope="module")
def migrated_site_put_back(django_db_blocker):
    """The migrated database again once the module is done: each test here ends with it flushed."""
    yield
    with django_db_blocker.unblock():
        for connection in connections.all():
            if hasattr(connection, "_test_serialized_contents"):
                connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.fixture
def front_cache(live_server, scratch, front_port, settings, home_page, migrated_site_put_back):
    """nginx with an empty cache in front of the live server, and publishing purging it.

    A fresh nginx per test: a page left in the cache by the previous test (same address,
    other content) would be served stale while nginx refreshes it in the background.
    """
    workdir = readable_dir(Path(tempfile.mkdtemp(dir=scratch)))
    static_root = readable_dir(workdir / "static")
    write_site_conf(workdir, front_port, f"127.0.0.1:{live_server.thread.port}", static_root)
    write_nginx_conf(workdir)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", front_port
    site.save()
    with running_nginx(workdir) as process:
        wait_until_listening(process, front_port, workdir)
        with purging_on_publish(settings, f"http://127.0.0.1:{front_port}/__purge"):
            yield FrontCache(front_port, static_root)
    assert_no_crash(workdir)


# -- the specification ------------------------------------------------------------------------


def test_a_second_visit_is_answered_from_nginx_cache_with_the_same_page(front_cache, programme):
    url = programme["conference"].url
    first = front_cache.get(url, BROWSER)
    second = front_cache.get(url, BROWSER)
    assert (first.status, first.front_cache) == (200, "MISS")
    assert (second.status, second.front_cache) == (200, "HIT")
    assert second.body == first.body


def test_browsers_get_the_page_as_django_compressed_it(front_cache, programme, live_server):
    url = programme["conference"].url
    assert front_cache.stored(url, BROWSER)
    page = front_cache.get(url, BROWSER)
    assert (page.front_cache, page.headers["Content-Encoding"]) == ("HIT", "gzip")
    assert programme["conference"].title.encode() in gzip.decompress(page.body)
    # Django's page cache answers with the bytes GZipMiddleware made when it rendered the page for nginx.
    from_django = request(live_server.thread.port, url, {**BROWSER, "Host": "127.0.0.1"})
    assert from_django.headers["X-Page-Cache"] == "hit"
    assert page.body == from_django.body


def test_a_client_without_gzip_gets_a_plain_copy_of_its_own(front_cache, programme):
    url = programme["conference"].url
    compressed = front_cache.get(url, BROWSER)
    plain = [front_cache.get(url, WITHOUT_GZIP) for _visit in range(2)]
    # Its own copy, stored once: nginx neither compresses nor decompresses per request.
    assert [reply.front_cache for reply in plain] == ["MISS", "HIT"]
    assert "Content-Encoding" not in plain[-1].headers
    assert plain[-1].body == gzip.decompress(compressed.body)


BOTH_COPIES = (BROWSER, WITHOUT_GZIP)


def assert_both_copies_purged_and_showing(front_cache, urls, text):
    for url in urls:
        for copy in BOTH_COPIES:
            page = front_cache.get(url, copy)
            # MISS, not STALE: purged, rather than expired and refreshed in the background.
            assert (page.front_cache, text.encode() in page.page) == ("MISS", True), (url, copy)


def test_publishing_a_new_title_shows_it_at_once_on_the_conference_and_its_listings(front_cache, programme):
    conference = programme["conference"]
    urls = [conference.url, programme["index"].url, programme["archive"].url]
    assert all(front_cache.stored(url, copy) for url in urls for copy in BOTH_COPIES)
    conference.title = "IASSIST Renamed Conference"
    conference.save_revision().publish()
    assert_both_copies_purged_and_showing(front_cache, urls, conference.title)


def test_an_edited_presentation_shows_at_once_on_the_programme_and_its_page(front_cache, programme):
    conference, talk = programme["conference"], programme["talk"]
    urls = [conference.url, f"{conference.url}presentations/{talk.slug}/"]
    assert all(front_cache.stored(url, copy) for url in urls for copy in BOTH_COPIES)
    talk.title = "Versioning research data, revised"
    talk.save_revision().publish()
    assert_both_copies_purged_and_showing(front_cache, urls, talk.title)


def test_a_signed_in_editor_is_never_served_from_nginx_cache_nor_stored_in_it(front_cache, programme, editor):
    url = programme["conference"].url
    assert front_cache.stored(url)
    signed_in = {**BROWSER, "Cookie": f"csrftoken=x; sessionid={editor.cookies['sessionid'].value}"}
    editors_pages = [front_cache.get(url, signed_in) for _visit in range(2)]
    assert [(page.status, page.front_cache) for page in editors_pages] == [(200, "BYPASS")] * 2
    # The editor's render (with Wagtail's userbar) never replaces the visitors' copy.
    visitors_copy = front_cache.get(url, BROWSER)
    assert visitors_copy.front_cache == "HIT"
    assert b"userbar" in editors_pages[-1].page and b"userbar" not in visitors_copy.page


def test_a_request_with_a_query_string_is_neither_cached_nor_stored(front_cache, programme):
    url = programme["index"].url
    tagged = f"{url}?utm_source=newsletter"
    assert [front_cache.get(tagged, BROWSER).front_cache for _visit in range(2)] == ["BYPASS", "BYPASS"]
    # The cache key has no query string: a tagged visit stored would be the page for everyone.
    assert front_cache.get(url, BROWSER).front_cache == "MISS"


def test_a_visitor_with_messages_waiting_reaches_django(front_cache, programme):
    url = programme["conference"].url
    assert front_cache.stored(url)
    # Django's messages cookie: the next render shows the messages, and only to this visitor.
    with_messages = {**BROWSER, "Cookie": "messages=W1siX19qc29uX21lc3NhZ2UiXV0:signature"}
    assert [front_cache.get(url, with_messages).front_cache for _visit in range(2)] == ["BYPASS", "BYPASS"]


def test_a_page_the_app_marks_not_to_be_shared_is_not_stored(front_cache, programme):
    # The search page sends `private, no-store`, as the page cache's rules expect of such pages.
    replies = [front_cache.get("/search/", BROWSER) for _visit in range(2)]
    assert "no-store" in replies[0].headers["Cache-Control"]
    assert [reply.front_cache for reply in replies] == ["MISS", "MISS"]


def test_the_purge_location_refuses_clients_other_than_the_machine_itself(front_cache, programme):
    url = programme["conference"].url
    assert front_cache.stored(url)
    # Any 127.x.y.z reaches nginx on 127.0.0.1, as a client other than 127.0.0.1 itself.
    refused = front_cache.purge(url, source_address=("127.0.0.2", 0))
    assert refused.status == 403
    assert front_cache.get(url, BROWSER).front_cache == "HIT"
    assert front_cache.purge(url).status == 200
    assert front_cache.get(url, BROWSER).front_cache == "MISS"


def test_a_purge_removes_the_copy_its_accept_encoding_names(front_cache, programme):
    # Wagtail's purge backend sends one PURGE per copy (pagecache.frontend.COPIES).
    url = programme["conference"].url
    assert all(front_cache.stored(url, copy) for copy in BOTH_COPIES)
    assert front_cache.purge(url, WITHOUT_GZIP).status == 200
    assert front_cache.get(url, BROWSER).front_cache == "HIT"
    assert front_cache.get(url, WITHOUT_GZIP).front_cache == "MISS"


def test_static_files_are_served_by_nginx_as_immutable(front_cache):
    # collectstatic's names carry a hash of the content, which is what makes `immutable` true.
    stylesheet = readable_dir(front_cache.static_root / "css") / "site.3f2a9c1e.css"
    stylesheet.write_text("body { color: #222; }\n")
    reply = front_cache.get("/static/css/site.3f2a9c1e.css")
    assert (reply.status, reply.body) == (200, stylesheet.read_bytes())
    assert reply.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "X-Front-Cache" not in reply.headers  # from disk, not through the app
