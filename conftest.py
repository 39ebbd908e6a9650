"""Fixtures shared by every app's tests."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.models import HomePage

HUGO_TREE = Path(__file__).resolve().parent.parent / "shared" / "iassist-hugo"


def pytest_collection_modifyitems(items):
    """Run the browser tests next to last and the tests on the imported Hugo tree last.

    The tree is imported once per run and committed, so every test before it
    starts from the empty site that migrations create. The browser tests commit
    a site of their own and put the migrated database back afterwards; run after
    the import, they would wipe it.
    """
    for item in items:
        if "imported_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared)
    items.sort(key=_run_order)


def _run_order(item):
    if item.get_closest_marker("shared") is not None:
        return 2
    return 1 if item.get_closest_marker("e2e") is not None else 0


@pytest.fixture
def home_page(db):
    """The home page that the initial data migration creates, as the default site's root."""
    home = HomePage.objects.get(depth=2)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "testserver", 80
    site.save()
    return home


@pytest.fixture
def content_memo(settings, home_page):
    """What only content changes alter kept per content generation, as in production (search/cache.py).

    The test settings read it afresh: a test's rollback changes the content without a new generation.
    """
    from home.models import SiteSettings
    from search.cache import forget_content

    settings.SEARCH_CONTENT_MEMO = True
    # A site's first page creates its settings' row, a content change of its own: made here beforehand.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    forget_content()
    yield
    forget_content()


@pytest.fixture(scope="session")
def hugo_tree():
    if not (HUGO_TREE / "content" / "conferences").is_dir():
        pytest.skip(f"{HUGO_TREE} is absent: the real IASSIST Hugo tree lives in ../shared beside the checkout")
    return HUGO_TREE


FIRST_IMPORT = {}


@pytest.fixture(scope="session")
def imported_site(django_db_setup, django_db_blocker, hugo_tree, tmp_path_factory):
    """The whole Hugo tree imported once for the run; tests using it see it, then roll back their own changes."""
    from django.test import override_settings

    media = tmp_path_factory.mktemp("imported-media")
    override = override_settings(MEDIA_ROOT=str(media))
    override.enable()
    with django_db_blocker.unblock():
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.port = "testserver", 80
        site.save()
        output = StringIO()
        call_command("import_hugo", str(hugo_tree), verbosity=1, stdout=output)
        FIRST_IMPORT["output"] = output.getvalue()
    yield hugo_tree
    override.disable()


@pytest.fixture
def first_import_output(imported_site):
    """What the session's import printed: its warnings, changes and summary line."""
    return FIRST_IMPORT["output"]
