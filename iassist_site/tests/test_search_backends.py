"""The search backend is chosen from the environment."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from iassist_site.search_backends import search_backends


def test_the_database_backend_is_the_default_with_english_stemming():
    assert search_backends({}) == {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
    }


def test_elasticsearch_is_selected_with_its_urls_and_prefix():
    backend = search_backends(
        {"SEARCH_BACKEND": "Elasticsearch8", "SEARCH_URLS": "http://127.0.0.1:9200, http://127.0.0.1:9201"}
    )["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == ["http://127.0.0.1:9200", "http://127.0.0.1:9201"]
    assert backend["INDEX_PREFIX"] == "iassist_"


def test_every_named_engine_is_a_wagtail_backend_module():
    import importlib.util

    from iassist_site.search_backends import SEARCH_ENGINES

    for module in SEARCH_ENGINES.values():
        assert importlib.util.find_spec(module), module


def test_an_unknown_backend_is_refused_with_the_choices():
    with pytest.raises(ImproperlyConfigured, match="opensearch3"):
        search_backends({"SEARCH_BACKEND": "solr"})


def test_an_engine_without_urls_is_refused():
    with pytest.raises(ImproperlyConfigured, match="SEARCH_URLS"):
        search_backends({"SEARCH_BACKEND": "opensearch2"})
