"""Suggestions as you type (search/suggestions.py): the prefix index, not the full-text search."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from search import terms

pytestmark = pytest.mark.django_db


def suggested(client, q, **params):
    response = client.get("/search/", {"q": q, "format": "json", "suggest": "1", "limit": "8", **params})
    assert response.status_code == 200
    return [(result["kind"], result["title"]) for result in response.json()["results"]]


def test_a_city_suggests_its_conference_first(client, site):
    assert suggested(client, "Gothen")[0] == ("conference", "IASSIST 2022")


def test_a_title_is_completed_from_any_of_its_words(client, site):
    assert ("presentation", "FAIR Everywhere") in suggested(client, "FAIR Every")
    assert ("presentation", "Data curation services in academic libraries") in suggested(client, "academic lib")
    assert ("person", "Kevin Manuel") in suggested(client, "Kevin Man")


def test_case_accents_and_punctuation_do_not_matter(client, site):
    assert suggested(client, "jose garc") == suggested(client, "JOSÉ, Garc") == [("person", "José García")]


def test_the_beginning_of_a_title_comes_before_a_word_inside_one(client, site):
    found = suggested(client, "data", kind="presentation")
    starts = [number for number, (_, title) in enumerate(found) if title.lower().startswith("data")]
    inside = [number for number, (_, title) in enumerate(found) if not title.lower().startswith("data")]
    assert starts and inside and max(starts) < min(inside)


def test_each_result_is_suggested_once(client, site):
    found = suggested(client, "data")
    assert len(found) == len(set(found))


def test_a_suggestion_links_where_the_result_lives(client, site):
    response = client.get("/search/", {"q": "Kevin Man", "format": "json", "suggest": "1"}).json()
    for result in response["results"]:
        assert client.get(result["url"]).status_code == 200, result


def test_kind_and_decade_narrow_the_suggestions(client, site):
    assert {kind for kind, _ in suggested(client, "data", kind="presentation")} == {"presentation"}
    assert suggested(client, "Montr", decade="2010") == [("conference", "IASSIST 2018")]


def test_a_suggestion_runs_no_full_text_search_and_one_statement(client, site, django_assert_max_num_queries):
    suggested(client, "Gothen")
    with CaptureQueriesContext(connection) as captured:
        suggested(client, "Gothen")
    statements = [query["sql"] for query in captured]
    assert not any("indexentry" in sql.lower() for sql in statements)
    assert sum("search_suggestion" in sql for sql in statements) == 1
    with django_assert_max_num_queries(4):
        suggested(client, "open da")


@pytest.mark.parametrize("typed", ["d_ta", "da%", "'; DROP TABLE search_suggestion; --", "\U0010ffff", "ß" * 300])
def test_wildcards_and_hostile_prefixes_match_only_themselves(client, site, typed):
    found = suggested(client, typed)
    assert all("d_ta" in title.lower() for _, title in found) if typed == "d_ta" else True
    assert suggested(client, "data")  # the table is still there


def test_pages_behind_a_restriction_are_not_suggested(client, site):
    PageViewRestriction.objects.create(page=site["sydney"], restriction_type="password", password="x")
    terms.refresh()
    assert ("presentation", "FAIR Everywhere") not in suggested(client, "FAIR Every")
    assert ("conference", "IASSIST 2019") not in suggested(client, "Sydney")
