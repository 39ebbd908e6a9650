"""Two app servers behind the reference nginx, sharing PostgreSQL and Redis (docs/serving.md, "Growing").

Two gunicorns run deploy/gunicorn.conf.py with the production settings on this run's PostgreSQL
test database and a Redis database of their own (11, or IASSIST_TEST_REDIS_URL's), one worker
each, so that the copy of a page a test warms is in the worker that answers next; nginx runs
deploy/nginx-site.conf with both in its upstream. The servers start once for the module (the
session's collected static files and the media shared, as a mount would share them); nginx, the
site's rows and Redis are fresh for each test.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connections
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage, SiteSettings
from pagecache.tests import ports
from pagecache.tests.test_nginx_deployment import (
    assert_no_crash,
    readable_dir,
    request,
    running_nginx,
    wait_until_listening,
    write_nginx_conf,
    write_site_conf,
)

from .reference_nginx import NEEDS_NGINX, Browser

REPO = Path(settings.BASE_DIR)
GUNICORN = Path(sys.executable).parent / "gunicorn"
# Database 11 of the machine's Redis, unless the run names another (two runs at once must not share one).
REDIS_URL = os.environ.get("IASSIST_TEST_REDIS_URL", "redis://127.0.0.1:6379/11")
# This module's ports, unless the run has its own (IASSIST_TEST_PORTS); other tests and helpers use 18000-18099.
PORTS = range(18100, 18200)
HOST = "127.0.0.1"
BROWSER = {"Host": HOST, "Accept-Encoding": "gzip"}
EDITOR, PASSWORD = "web-team", "a long password for two servers"


def redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=0.5).ping()
    except redis.RedisError:
        return False


pytestmark = [
    *NEEDS_NGINX,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="the app servers share a PostgreSQL database: run with DATABASE_URL=postgres://… (CI's second run)",
    ),
    pytest.mark.skipif(not redis_answers(), reason=f"no Redis answers at {REDIS_URL} (apt-get install redis-server)"),
    # The servers only see committed rows; each test ends with the database flushed and put back.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def free_ports(count):
    if ports.configured_range():
        return [ports.free_port() for _ in range(count)]
    found = []
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex((HOST, port)) != 0:
                found.append(port)
        if len(found) == count:
            return found
    pytest.fail(f"fewer than {count} free ports in {PORTS.start}-{PORTS.stop - 1}")


class AppServer:
    """gunicorn with deploy/gunicorn.conf.py on 127.0.0.1:port, its output kept in `log`."""

    def __init__(self, name, port, env, workdir):
        self.name, self.port = name, port
        self.address = f"{HOST}:{port}"
        self.log = workdir / f"gunicorn-{name}.log"
        env = {**env, "GUNICORN_BIND": self.address, "GUNICORN_WORKERS": "1"}
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [GUNICORN, "-c", "deploy/gunicorn.conf.py"],
                cwd=REPO,
                env=env,
                start_new_session=True,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def get(self, path, headers=BROWSER):
        return request(self.port, path, headers)

    def wait_until_answering(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn {self.name} exited: {self.log.read_text()}")
            try:
                if self.get("/robots.txt").status == 200:
                    return
            except OSError:
                time.sleep(0.1)
        pytest.fail(f"gunicorn {self.name} did not answer within {timeout} s: {self.log.read_text()}")

    def stop(self):
        """Stop it and its worker, at once: nothing of value is in flight."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


def database_url():
    """pytest-django's test database, which the servers share with this process."""
    db = connections["default"].settings_dict
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgres://{quote(db['USER'])}{password}@{db['HOST'] or HOST}:{db['PORT'] or 5432}/{db['NAME']}"


def production_env(workdir, static_root, front_port):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="iassist_site.settings.production",
        # One secret for both: sessions, CSRF tokens, messages and password resets are signed with it.
        SECRET_KEY=secrets.token_hex(32),
        ALLOWED_HOSTS=f"{HOST},localhost",
        DATABASE_URL=database_url(),
        REDIS_URL=REDIS_URL,
        FRONTEND_CACHE_PURGE_URL=f"http://{HOST}:{front_port}/__purge",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(workdir / "media"),
        # Plain HTTP on the loopback: no TLS to redirect to, and cookies a plain client sends back.
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        LOG_LEVEL="WARNING",
        # As docs/serving.md grows a site: one warmer process renders pages again after an edit, not the servers.
        PAGE_CACHE_WARMER="process",
    )
    return env


class Servers:
    def __init__(self, workdir, static_root, a, b, front_port, down_port, env):
        self.workdir, self.static_root, self.a, self.b, self.env = workdir, static_root, a, b, env
        self.front_port = front_port
        # Nothing listens there: an app server that is down.
        self.down_address = f"{HOST}:{down_port}"

    def logs(self):
        return "\n".join(f"--- {server.name}\n{server.log.read_text()[-3000:]}" for server in (self.a, self.b))


@pytest.fixture(scope="module")
def servers(django_db_setup, migrated_site_put_back, collected_static):
    # Not pytest's tmp_path: it is private to root (0700), out of reach of nginx's workers.
    workdir = readable_dir(Path(tempfile.mkdtemp(prefix="iassist-app-servers-")))
    port_a, port_b, front_port, down_port = free_ports(4)
    env = production_env(workdir, collected_static, front_port)
    readable_dir(workdir / "media")
    a, b = AppServer("A", port_a, env, workdir), AppServer("B", port_b, env, workdir)
    try:
        a.wait_until_answering()
        b.wait_until_answering()
        yield Servers(workdir, collected_static, a, b, front_port, down_port, env)
    finally:
        a.stop()
        b.stop()
        shutil.rmtree(workdir, ignore_errors=True)


class Front:
    """nginx with the reference config, as a visitor reaches it."""

    def __init__(self, port):
        self.port = port

    def get(self, path, headers=BROWSER):
        return request(self.port, path, headers)


@pytest.fixture
def home(servers):
    """The migrated site at nginx's address, its footer row made, an editor, and Redis empty."""
    # A title found nowhere else on the page, unlike the migration's "Home".
    HomePage.objects.filter(depth=2).update(title=f"IASSIST before the edit ({secrets.token_hex(4)})")
    home = HomePage.objects.get(depth=2)
    Site.objects.filter(is_default_site=True).update(hostname=HOST, port=servers.front_port)
    # Made on the first render otherwise: an edit, which would empty the cache the test warms.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    hasher = PBKDF2PasswordHasher()
    # Few iterations: hashing at the full count costs a second of this shared machine's CPU.
    password = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    get_user_model().objects.create(
        username=EDITOR, password=password, is_superuser=True, is_staff=True, email="web@example.org"
    )
    cache = redis.Redis.from_url(REDIS_URL)
    cache.flushdb()
    yield home
    cache.flushdb()


@pytest.fixture
def front(servers):
    """Start nginx in front of the given app servers (addresses), on the port the servers purge."""
    started = []
    with ExitStack() as running:

        def start(upstream):
            workdir = readable_dir(Path(tempfile.mkdtemp(dir=servers.workdir)))
            write_site_conf(workdir, servers.front_port, upstream, servers.static_root)
            # The app servers' media folder, as nginx's host mounts it.
            (workdir / "media").symlink_to(servers.workdir / "media")
            write_nginx_conf(workdir)
            process = running.enter_context(running_nginx(workdir))
            started.append(workdir)
            wait_until_listening(process, servers.front_port, workdir)
            return Front(servers.front_port)

        yield start
    for workdir in started:
        assert_no_crash(workdir)


class WarmerProcess:
    """`manage.py warm_page_cache --follow` with the servers' settings, its output kept in `log`."""

    def __init__(self, env, workdir):
        self.log = workdir / "warmer.log"
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "warm_page_cache", "--follow"],
                cwd=REPO,
                env=env,
                start_new_session=True,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def passes(self):
        return [line for line in self.log.read_text().splitlines() if line.startswith("Page cache warmed:")]

    def wait_for_pass(self, after=0, saying="", timeout=60):
        """The line of the first pass after the first `after` passes that says `saying`, once it is written."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            said = [line for line in self.passes()[after:] if saying in line]
            if said:
                return said[0]
            if self.process.poll() is not None:
                pytest.fail(f"the warmer process exited: {self.log.read_text()}")
            time.sleep(0.1)
        pytest.fail(f"no warming pass after {after} saying {saying!r} within {timeout} s: {self.log.read_text()}")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)


@pytest.fixture
def warmer(servers, home):
    process = WarmerProcess(servers.env, servers.workdir)
    try:
        yield process
    finally:
        if process.process.poll() is None:
            os.killpg(process.process.pid, signal.SIGKILL)
            process.process.wait()


def sign_in(server):
    browser = Browser(server.port)
    assert browser.get("/admin/login/").status == 200
    reply = browser.post("/admin/login/", {"username": EDITOR, "password": PASSWORD})
    assert (reply.status, reply.headers["Location"]) == (302, "/admin/"), reply.body[:2000]
    return browser


def publish_title(browser, page, title):
    fields = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": rich_text(page.intro or "<p></p>"),
            "body": rich_text(page.body or "<p></p>"),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    return browser.post(f"/admin/pages/{page.pk}/edit/", fields)


def forget_stored_pages():
    """Remove every page from Redis, keeping the generation: only worker copies can answer a hit now."""
    cache = redis.Redis.from_url(REDIS_URL)
    keys = list(cache.scan_iter("*pagecache:page:*"))
    assert keys, "no page was stored in Redis"
    cache.delete(*keys)


def warm(server, path):
    server.get(path)
    return server.get(path).headers["X-Page-Cache"]


def test_a_publish_through_one_server_shows_at_once_through_the_other_its_worker_copy_and_nginx(servers, home, front):
    nginx = front([servers.a.address, servers.b.address])
    editor = sign_in(servers.a)
    old_title, new_title = home.title, f"IASSIST, published through server A ({secrets.token_hex(4)})"
    assert [warm(servers.a, "/"), warm(servers.b, "/")] == ["hit", "hit"], servers.logs()
    assert [nginx.get("/").front_cache, nginx.get("/").front_cache] == ["MISS", "HIT"]
    forget_stored_pages()
    # Each server answers from the copy its worker keeps, checked against the generation alone.
    assert [servers.a.get("/").headers["X-Page-Cache"], servers.b.get("/").headers["X-Page-Cache"]] == ["hit", "hit"]

    reply = publish_title(editor, home, new_title)
    assert reply.status == 302, reply.page[:3000]

    on_b = servers.b.get("/")
    assert (on_b.status, on_b.headers["X-Page-Cache"]) == (200, "miss"), servers.logs()
    assert new_title.encode() in on_b.page and old_title.encode() not in on_b.page
    through_nginx = nginx.get("/")
    # MISS, not STALE or HIT: server A's purge reached nginx, which both servers share.
    assert (through_nginx.status, through_nginx.front_cache) == (200, "MISS"), servers.logs()
    assert new_title.encode() in through_nginx.page
    assert new_title.encode() in servers.a.get("/").page


def test_a_sign_in_on_one_server_holds_on_the_other_and_so_does_signing_out(servers, home):
    on_a = sign_in(servers.a)
    on_b = Browser(servers.b.port)
    assert on_b.get("/admin/").status == 302  # no session yet: to the sign-in page
    on_b.cookies = dict(on_a.cookies)
    dashboard = on_b.get("/admin/")
    assert dashboard.status == 200 and EDITOR.encode() in dashboard.body, servers.logs()
    # Signed out through B, with the CSRF token that A set.
    assert on_b.post("/admin/logout/", {}).status == 302
    assert on_a.get("/admin/").status == 302


def test_visitors_are_answered_while_one_app_server_is_down(servers, home, front):
    nginx = front([servers.down_address, servers.b.address])
    # A query string passes nginx's cache: each of these reaches an app server.
    replies = [nginx.get(f"/?visit={number}") for number in range(4)]
    assert [reply.status for reply in replies] == [200] * 4, servers.logs()


def test_a_page_published_through_one_server_is_rendered_by_the_warmer_process_before_anyone_asks_the_other(
    servers, home, warmer
):
    warmer.wait_for_pass()  # its pass at start
    editor = sign_in(servers.a)
    assert warm(servers.a, "/") == "hit", servers.logs()  # stored, and so counted among the most visited
    new_title = f"IASSIST, warmed by its own process ({secrets.token_hex(4)})"
    passes = len(warmer.passes())

    assert publish_title(editor, home, new_title).status == 302

    warmer.wait_for_pass(after=passes, saying="1 pages stored")
    first_visit = servers.b.get("/")
    assert (first_visit.status, first_visit.headers["X-Page-Cache"]) == (200, "hit"), servers.logs()
    assert new_title.encode() in first_visit.page
    assert warmer.stop() == 0  # SIGTERM, as systemd stops it: it ends its wait and exits cleanly
