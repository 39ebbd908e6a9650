"""Content is what apps declare: a declared model of any app empties the cache, an undeclared one never does."""

import ast
from pathlib import Path

import pytest
from taggit.models import Tag

from pagecache import content
from pagecache.middleware import HEADER

from .conftest import location

pytestmark = pytest.mark.django_db

PAGECACHE = Path(__file__).resolve().parent.parent


def tag_pages(tag):
    return [f"http://testserver/tags/{tag.slug}/"]


class TaggingConfig:
    """An app's config as the page cache reads it: its site_content() declares its models."""

    def site_content(self):
        return [(Tag, tag_pages)]


@pytest.fixture
def declared_tags():
    """Tags (taggit's, an app the page cache knows nothing of) declared content by their app's config."""
    content.collect([TaggingConfig()])
    yield
    content.unregister(Tag)


def test_saving_a_row_of_a_declared_model_of_another_app_empties_the_cache(visitor, programme, declared_tags):
    url = programme["index"].url
    visitor.get(url)
    Tag.objects.create(name="census", slug="census")
    assert visitor.get(url)[HEADER] == "miss"


def test_deleting_a_row_of_a_declared_model_empties_the_cache(visitor, programme, declared_tags):
    url = programme["index"].url
    tag = Tag.objects.create(name="census", slug="census")
    visitor.get(url)
    tag.delete()
    assert visitor.get(url)[HEADER] == "miss"


def test_a_row_of_an_undeclared_model_leaves_the_cache_alone(visitor, programme):
    url = programme["index"].url
    visitor.get(url)
    Tag.objects.create(name="census", slug="census").delete()
    assert visitor.get(url)[HEADER] == "hit"


def test_a_declared_row_purges_the_addresses_it_declares(
    programme, declared_tags, purge_server, settings, django_capture_on_commit_callbacks
):
    from pagecache import frontend

    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "pagecache.frontend.NginxPurgeBackend", "LOCATION": location(purge_server)}
    }
    frontend.connect()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            Tag.objects.create(name="census", slug="census")
    finally:
        frontend.disconnect()
    assert {path for _method, path, _host, _encoding in purge_server.received} == {"/__purge/tags/census/"}


def test_what_each_app_declares_through_its_config_is_content_with_its_addresses():
    from django.apps import apps

    declarations = [
        (model, addresses)
        for app_config in apps.get_app_configs()
        if hasattr(app_config, "site_content")
        for model, addresses in app_config.site_content()
    ]
    assert declarations
    assert all(
        content.declaration(model) == content.Declaration(model, addresses) for model, addresses in declarations
    )


def test_a_subclass_of_a_declared_model_is_content_with_its_declaration():
    from wagtail.models import Page

    from home.models import HomePage

    assert content.declaration(HomePage).model is Page


def test_the_page_cache_imports_no_app_of_the_site():
    """The site's apps declare their content to the page cache; it never reaches into them."""
    imported = set()
    for module in PAGECACHE.rglob("*.py"):
        if "tests" in module.relative_to(PAGECACHE).parts:
            continue
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
    assert imported.isdisjoint({"conferences", "home", "search", "iassist_site"})
