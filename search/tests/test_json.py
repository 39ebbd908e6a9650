"""The JSON format of the search: /search/?q=...&format=json, used by suggestions and scripts."""

import pytest

from search.engine import run_search

pytestmark = pytest.mark.django_db


def get_json(client, **params):
    response = client.get("/search/", {"format": "json", **params})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_the_json_has_query_count_and_results(client, site):
    data = get_json(client, q="Gothenburg")
    assert set(data) == {"query", "count", "results"}
    assert data["query"] == "Gothenburg"
    assert data["count"] >= len(data["results"]) > 0
    for result in data["results"]:
        assert set(result) == {"title", "url", "kind", "year"}
        assert result["kind"] in {"conference", "presentation", "person", "page"}


def test_the_json_ranks_as_the_html_page_does(client, site):
    data = get_json(client, q="Kevin Manuel")
    expected = run_search("Kevin Manuel").results
    assert [(r["title"], r["kind"]) for r in data["results"]] == [(c.title, c.kind) for c in expected][:20]


def test_json_results_link_to_pages_that_answer(client, site):
    data = get_json(client, q="data")
    kinds = {result["kind"] for result in data["results"]}
    assert {"conference", "presentation"} <= kinds
    for result in data["results"]:
        assert client.get(result["url"]).status_code == 200, result


def test_a_person_result_links_to_their_page(client, site):
    data = get_json(client, q="Mary Vardigan")
    person = data["results"][0]
    assert (person["kind"], person["title"], person["year"]) == ("person", "Mary Vardigan", None)
    assert "Metadata" in client.get(person["url"]).text


def test_json_filters_by_kind(client, site):
    data = get_json(client, q="Kevin Manuel", kind="person")
    assert [result["kind"] for result in data["results"]] == ["person"]


def test_json_limit_is_capped(client, site):
    assert len(get_json(client, q="data", limit="2")["results"]) == 2
    assert len(get_json(client, q="data", limit="100000")["results"]) <= 20
    assert len(get_json(client, q="data", limit="-5")["results"]) == 1


def test_an_empty_query_gives_an_empty_json_answer(client, site):
    assert get_json(client, q="   ") == {"query": "", "count": 0, "results": []}


def test_suggestions_match_the_last_word_as_a_prefix(client, site):
    data = get_json(client, q="Gothen", suggest="1")
    assert data["results"][0]["title"] == "IASSIST 2022"
    data = get_json(client, q="Vardig", suggest="1")
    assert "Mary Vardigan" in [result["title"] for result in data["results"]]


def test_json_is_never_cached_nor_indexed(client, site):
    response = client.get("/search/", {"q": "data", "format": "json"})
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_json_notes_say_an_unknown_kind_or_decade_was_ignored(client, site):
    data = get_json(client, q="data", kind="spaceship", decade="soon")
    assert data["notes"] == [
        "That kind of result is not one this search knows, so everything is shown.",
        "That decade is not one this search knows, so all years are shown.",
    ]
