"""Whatever a visitor types, the search answers 200 with a page (never a 500) and never echoes it unescaped."""

import pytest

from search.query import MAX_QUERY_LENGTH, MAX_QUERY_TERMS

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    "",
    "   ",
    '"',
    'data "curation',
    '"""',
    "x" * 1000,
    "data " * 250,
    "'; DROP TABLE conferences_presentation; --",
    "1 OR 1=1",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "NEAR(data curation)",
    "data AND OR NOT",
    "title:census",
    "census*",
    "^data",
    "(((",
    "data\x00curation",
    "\u202ecensus",
    "数据管理",
    "Données de recherche",
    "Перепись населения",
    "🙂 data",
    "%",
    "\\",
    "'",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
@pytest.mark.parametrize("output", ["html", "json"])
def test_any_query_answers_200(client, site, query, output):
    params = {"q": query, **({"format": "json"} if output == "json" else {})}
    response = client.get("/search/", params)
    assert response.status_code == 200


@pytest.mark.parametrize("query", ["<script>alert('x')</script>", '"><img src=x onerror=alert(1)>', "<b>census</b>"])
def test_markup_in_a_query_is_shown_escaped(client, site, query):
    response = client.get("/search/", {"q": query})
    assert "<script>alert" not in response.text
    assert "<img src=x" not in response.text
    assert "<b>census</b>" not in response.text
    assert "&lt;" in response.text


def test_a_very_long_query_is_shortened_with_a_note(client, site):
    response = client.get("/search/", {"q": "x" * 300 + " census"})
    assert response.status_code == 200
    assert f"Your search was shortened to its first {MAX_QUERY_LENGTH} characters." in response.text
    assert len(search_box(response)) <= MAX_QUERY_LENGTH


def search_box(response):
    return response.text.split('id="search-page-q"', 1)[1].split('value="', 1)[1].split('"', 1)[0]


def test_a_query_of_thousands_of_words_is_searched_for_its_first_words_with_a_note(client, site):
    hostile = " ".join("abcdefghijklmnopqrstuvwxyz"[n % 26] for n in range(1300))
    response = client.get("/search/", {"q": hostile})
    assert response.status_code == 200
    assert f"Your search was shortened to its first {MAX_QUERY_TERMS} words." in response.text
    assert len(search_box(response).split()) == MAX_QUERY_TERMS


@pytest.mark.parametrize("suggest", ["", "1"])
def test_the_json_says_a_query_of_thousands_of_words_was_shortened(client, site, suggest):
    hostile = " ".join("abcdefghijklmnopqrstuvwxyz"[n % 26] for n in range(1300))
    data = client.get("/search/", {"q": hostile, "format": "json", "suggest": suggest}).json()
    assert data["notes"] == [f"Your search was shortened to its first {MAX_QUERY_TERMS} words."]
    assert len(data["query"].split()) == MAX_QUERY_TERMS


@pytest.mark.parametrize("page", ["0", "-1", "9999", "abc", "1.5", "", "1e3", "٣", "99999999999999999999999"])
def test_any_page_number_answers_with_a_page_of_results(client, site, page):
    response = client.get("/search/", {"q": "data", "page": page})
    assert response.status_code == 200
    assert "search-result__title" in response.text


@pytest.mark.parametrize("parameter", ["kind", "decade", "format", "limit", "suggest"])
@pytest.mark.parametrize("value", ["", "<script>", "'; --", "x" * 2000, "\x00", "null", "[]"])
def test_any_filter_value_answers_200(client, site, parameter, value):
    response = client.get("/search/", {"q": "data", parameter: value})
    assert response.status_code == 200
    assert "<script>" not in response.text.replace('<script src="', "")


def test_repeated_parameters_use_the_last_value(client, site):
    response = client.get("/search/?q=census&q=fair+everywhere&format=json")
    assert response.json()["query"] == "fair everywhere"
