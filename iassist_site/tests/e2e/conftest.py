"""End-to-end fixtures: the demo site served by a live server, driven by Debian's Chromium.

The site is built once for the whole package and committed, because a live
server only sees committed data. pytest-django's own `live_server` fixture would
flush the database after every test; instead the package snapshots the migrated
database before building and puts it back afterwards, so the tests that run
later (the imported Hugo tree among them) start from the same state as ever.
"""

import os
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from django.test import override_settings

CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
AXE_SCRIPT = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOTS", settings.BASE_DIR / "artifacts" / "e2e"))

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 667}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}

# A slow shared CI machine, not a slow site: the admin's pages can take seconds to load
# on two busy cores. Generous, but short of hiding a hang.
ACTION_TIMEOUT_MS = 30_000


@pytest.fixture(scope="package")
def sync_playwright_api():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: run `make install` (it is in requirements-dev.txt)")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` (or set E2E_CHROMIUM)")
    return sync_playwright


@pytest.fixture(scope="package")
def orm_beside_event_loop():
    """Playwright's sync API keeps an event loop running in this thread, which Django's ORM refuses by default."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="package")
def test_databases(django_db_setup, django_db_blocker, django_db_keepdb):
    """The test databases, also when only these tests run.

    pytest-django creates them for tests that ask for `db`; these tests ask for a
    whole site instead, so when nothing else in the run asked, they are made here.
    """
    from django.test.utils import setup_databases, teardown_databases

    missing = {alias for alias in _aliases() if not _is_test_database(connections[alias])}
    if not missing:
        yield
        return
    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases=missing, keepdb=django_db_keepdb)
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(config, verbosity=0)


# Read before any database is set up, while NAME still holds the configured name.
TEST_DATABASE_NAMES = {alias: connections[alias].creation._get_test_db_name() for alias in settings.DATABASES}


def _is_test_database(connection):
    return connection.settings_dict["NAME"] == TEST_DATABASE_NAMES[connection.alias]


@pytest.fixture(scope="package")
def site_content(sync_playwright_api, orm_beside_event_loop, test_databases, django_db_blocker):
    from home.models import HomePage

    from .site_content import build_site_content

    with django_db_blocker.unblock():
        if not all(_is_test_database(connections[alias]) for alias in _aliases()):
            pytest.fail("No test database: refusing to build the end-to-end site in a real one.")
        if HomePage.objects.get().get_children().exists():
            pytest.fail(
                "The end-to-end tests need the site as migrations leave it, but it already has pages: "
                "they must run before the tests that import the Hugo tree (see conftest.py)."
            )
        snapshots = {alias: connections[alias].creation.serialize_db_to_string() for alias in _aliases()}
        try:
            content = build_site_content()
            cache.clear()
            yield content
        finally:
            _restore(snapshots)


def _aliases():
    return [alias for alias in connections if alias in settings.DATABASES]


def _restore(snapshots):
    """Put back the migrated database, as Django's serialized rollback does for one test.

    flush restarts PostgreSQL's sequences and the snapshot's rows come back with
    their own ids, so the sequences are then moved past them, or the next insert
    (the Hugo import, say) would collide with a restored row.
    """
    for alias, snapshot in snapshots.items():
        connection = connections[alias]
        call_command("flush", database=alias, interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(snapshot)
        statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    cache.clear()


@pytest.fixture(scope="package")
def live_site(site_content):
    """The site, served on a free port by a thread of this process."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost:0", start=False)
    server.thread.server_class = _one_request_at_a_time()
    # Autosave creates the page whenever its timer fires, sometimes while the editor's own
    # "Save draft" is on its way, which then fails on the slug autosave just took; the
    # journeys check saving, previewing and publishing as the editor does them.
    with override_settings(WAGTAIL_AUTOSAVE_INTERVAL=0):
        server.start()
        yield server
        server.stop()
    for alias in _aliases():
        connections[alias].close_if_unusable_or_obsolete()


def _one_request_at_a_time():
    """A threaded server that lets one request at a time into Django.

    With SQLite in memory, every request thread shares the test's one connection,
    and the admin's autosave racing a form submission corrupts its transaction
    state. Threads still accept connections, so an idle socket that Chromium opens
    ahead of time cannot block the server, as it would a single-threaded one.
    """
    import threading

    from django.core.servers.basehttp import ThreadedWSGIServer

    class OneRequestAtATime(ThreadedWSGIServer):
        def set_app(self, application):
            turn = threading.Lock()

            def in_turn(environ, start_response):
                with turn:
                    return application(environ, start_response)

            super().set_app(in_turn)

    return OneRequestAtATime


@pytest.fixture(scope="package")
def browser(sync_playwright_api, orm_beside_event_loop, live_site):
    """Chromium, closed before the live server stops.

    Its kept-alive connections would otherwise hold request threads, and their
    database connections, open past the end of the run.
    """
    from playwright.sync_api import expect

    expect.set_options(timeout=ACTION_TIMEOUT_MS)
    with sync_playwright_api() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        chromium.close()


@pytest.fixture(scope="package")
def visitor_contexts(browser, live_site):
    """One browser context per viewport for anonymous visits: making a context costs more than a tab."""
    contexts = {}
    yield contexts
    for context in contexts.values():
        context.close()


def _new_context(browser, live_site, viewport):
    context = browser.new_context(base_url=live_site.url, viewport=viewport)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    return context


@pytest.fixture
def open_page(browser, live_site, visitor_contexts):
    """Open a tab as a visitor at a viewport size; JavaScript errors in it fail the test.

    A `new_visitor` has an empty browser cache: public pages may be cached for
    minutes, so a visitor who has been before would not see an editor's change yet.
    """
    pages, errors, own_contexts = [], [], []

    def open_page(viewport=DESKTOP, new_visitor=False):
        key = (viewport["width"], viewport["height"])
        if new_visitor:
            context = _new_context(browser, live_site, viewport)
            own_contexts.append(context)
        else:
            if key not in visitor_contexts:
                visitor_contexts[key] = _new_context(browser, live_site, viewport)
            context = visitor_contexts[key]
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        watch_policy_violations(page, violations)
        pages.append(page)
        return page

    violations = []
    yield open_page
    for page in pages:
        page.close()
    for context in own_contexts:
        context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"
    assert not violations, f"Content Security Policy refused something on a public page: {violations}"


def watch_policy_violations(page, violations):
    """Collect what the page's Content Security Policy refused (Chromium reports each on the console)."""

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)


@pytest.fixture
def editor_page(browser, live_site, site_content):
    """A tab of its own (own cookies) for a signed-in editor."""
    context = _new_context(browser, live_site, DESKTOP)
    page = context.new_page()
    violations = []
    watch_policy_violations(page, violations)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(site_content.editor_username)
    page.get_by_label("Password").fill(site_content.editor_password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    yield page
    context.close()
    # The admin has its own, looser policy (iassist_site/security/headers.py); whatever it still
    # refuses would be a broken editor's screen.
    assert not violations, f"Content Security Policy refused something in the admin: {violations}"


@pytest.fixture
def axe_script():
    if not AXE_SCRIPT.exists():
        pytest.skip(f"axe-core is absent ({AXE_SCRIPT}): run `npm ci` in the repository root")
    return AXE_SCRIPT.read_text(encoding="utf-8")


@pytest.fixture(scope="package")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
