"""Search answers kept for anonymous visitors (search/cache.py): served again, forgotten with the content."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Site

from conferences.models import Presentation
from conferences.tests import builders
from home.models import SiteSettings
from search import hits

pytestmark = pytest.mark.django_db

# Tables only a search reads: the index, the programme, the people, the suggestions.
SEARCH_TABLES = (
    "indexentry",
    Presentation._meta.db_table,
    "conferences_person",
    "conferences_presenter",
    "search_suggestion",
)
NONCE = re.compile(r'nonce="[^"]*"')


@pytest.fixture(autouse=True)
def cache_on(settings, site):
    """Answers kept, in an empty cache: the test settings keep them off for every other test."""
    settings.SEARCH_CACHE_TIMEOUT = 300
    # The footer settings row is created on the first render; creating it is an edit that empties the cache.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    cache.clear()
    yield
    cache.clear()


def search_statements(run):
    """The SQL statements that `run()` sends which read what only a search reads."""
    with CaptureQueriesContext(connection) as captured:
        run()
    return [query["sql"] for query in captured if any(table in query["sql"] for table in SEARCH_TABLES)]


def json_titles(client, **params):
    response = client.get("/search/", {"format": "json", **params})
    assert response.status_code == 200
    return [result["title"] for result in response.json()["results"]]


def test_a_repeated_anonymous_json_search_runs_no_sql(client, site, django_assert_num_queries):
    first = client.get("/search/", {"q": "data curation", "format": "json"})
    with django_assert_num_queries(0):
        again = client.get("/search/", {"q": "data curation", "format": "json"})
    assert again.json() == first.json()


def test_a_repeated_anonymous_results_page_runs_no_search_sql(client, site):
    assert search_statements(lambda: client.get("/search/", {"q": "data curation"}))
    assert search_statements(lambda: client.get("/search/", {"q": "data curation"})) == []


def test_a_kept_results_page_is_the_page_searched_live(client, site):
    live = client.get("/search/", {"q": "Kevin Manuel"})
    kept = client.get("/search/", {"q": "Kevin Manuel"})
    assert "<mark>Kevin</mark>" in kept.text
    assert NONCE.sub("", kept.text) == NONCE.sub("", live.text)


def test_queries_differing_only_in_case_and_punctuation_share_an_answer(client, site, django_assert_num_queries):
    client.get("/search/", {"q": "data curation", "format": "json"})
    with django_assert_num_queries(0):
        data = client.get("/search/", {"q": "Data,  CURATION!", "format": "json"}).json()
    assert data["query"] == "Data, CURATION!"


@pytest.mark.parametrize(
    "changed",
    [{"q": "data curations"}, {"kind": "person"}, {"decade": "2000"}, {"page": "2"}, {"limit": "5"}, {"suggest": "1"}],
)
def test_any_other_parameter_value_is_searched_afresh(client, site, changed):
    params = {"q": "data curation", "format": "json"}
    client.get("/search/", params)
    assert search_statements(lambda: client.get("/search/", {**params, **changed}))


def test_a_page_of_results_is_not_served_for_another_page(client, site):
    params = {"q": "data", "format": "json", "limit": "2"}
    assert json_titles(client, **params) != json_titles(client, **params, page="2")


def test_a_presentation_renamed_after_a_search_shows_in_the_next_search(client, site):
    assert "FAIR principles for the humanities" not in json_titles(client, q="humanities")
    presentation = site["fair"]
    presentation.title = "FAIR principles for the humanities"
    presentation.save()
    assert json_titles(client, q="humanities")[0] == "FAIR principles for the humanities"


def test_a_page_published_after_a_search_shows_in_the_next_search(client, site):
    page = builders.content_page(site["index"], "Hosting guidelines", slug="hosting")
    page.unpublish()
    assert "Hosting guidelines" not in json_titles(client, q="hosting guidelines")
    page.save_revision().publish()
    assert "Hosting guidelines" in json_titles(client, q="hosting guidelines")


def test_signed_in_editors_always_search_live(site, django_user_model):
    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-pass-1"))
    editor.get("/search/", {"q": "data curation"})
    assert search_statements(lambda: editor.get("/search/", {"q": "data curation"}))


def test_a_cache_that_refuses_connections_never_fails_a_search(client, site, settings, caplog):
    # A real Redis client, pointed at a port where nothing listens.
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    settings.SEARCH_CACHE_ALIAS = "unreachable"
    for params in ({"q": "Kevin Manuel"}, {"q": "Kevin Manuel", "format": "json"}):
        for _ in range(2):
            response = client.get("/search/", params)
            assert response.status_code == 200
            assert "FAIR Everywhere" in response.content.decode()
    assert "search cache unreadable; searching without it" in caplog.text


def test_a_kept_results_page_still_logs_the_search_and_shows_new_editors_picks(client, site):
    client.get("/search/", {"q": "conduct"})
    query = Query.get("conduct")
    SearchPromotion.objects.create(query=query, page=site["code_of_conduct"], sort_order=0, description="Our code")
    response = client.get("/search/", {"q": "conduct"})
    assert "Our code" in response.text
    hits.flush()
    assert Query.get("conduct").hits == 2


def test_a_repeated_anonymous_results_page_only_logs_the_search(client, site, django_assert_max_num_queries):
    first = client.get("/search/", {"q": "data curation"})
    # The kept page is sent as it was rendered; the search log's hit waits in the tally (search/hits.py).
    with django_assert_max_num_queries(0):
        again = client.get("/search/", {"q": "data curation"})
    assert again.text == first.text
    assert again["X-Robots-Tag"] == "noindex" and "no-store" in again["Cache-Control"]
    hits.flush()
    assert Query.get("data curation").hits == 2


def test_a_kept_page_shows_the_query_as_this_visitor_typed_it(client, site):
    client.get("/search/", {"q": "data curation"})
    response = client.get("/search/", {"q": "Data  CURATION"})
    assert 'value="Data  CURATION"' in response.text or 'value="Data CURATION"' in response.text


def test_a_kept_page_answers_the_filters_as_given(client, site):
    client.get("/search/", {"q": "data", "kind": "presentation"})
    response = client.get("/search/", {"q": "data", "kind": "<b>nonsense</b>"})
    assert "That kind of result is not one this search knows" in response.text
    assert "<b>nonsense</b>" not in response.text
