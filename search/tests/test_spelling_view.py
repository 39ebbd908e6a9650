"""Typos on the results page and in the JSON: "gothenberg" shows Gothenburg's results, and says so."""

import re

import pytest

from conferences.tests import builders

pytestmark = pytest.mark.django_db


def page(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def spelling_note(html):
    found = re.search(r'<p class="search-note search-spelling">(.*?)</p>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found.group(1))) if found else None


def result_titles(html):
    return re.findall(r'<h3 class="search-result__title"><a [^>]*>(.*?)</a>', html, re.S)


def test_a_misspelt_city_shows_its_conference_and_says_so(client, site):
    html = page(client, q="gothenberg")
    assert spelling_note(html) == "Showing results for Gothenburg. Search instead for gothenberg."
    assert 'href="/search/?q=gothenberg&amp;as_typed=1"' in html
    assert "IASSIST 2022" in re.sub(r"<[^>]+>", "", html)
    assert "for “<strong>Gothenburg</strong>”" in html


def test_the_query_as_typed_is_searched_as_typed(client, site):
    html = page(client, q="gothenberg", as_typed="1")
    assert spelling_note(html) is None
    assert "Nothing was found" in html


def test_a_misspelt_surname_finds_the_person(client, site):
    data = client.get("/search/", {"q": "Mary Vardigna", "format": "json"}).json()
    assert data["corrected"] == "Mary Vardigan"
    assert (data["results"][0]["kind"], data["results"][0]["title"]) == ("person", "Mary Vardigan")


def test_words_not_all_found_together_are_corrected(client, site):
    data = client.get("/search/", {"q": "Sweden gothenberg", "format": "json"}).json()
    assert data["corrected"] == "Sweden Gothenburg"
    assert data["results"][0]["title"] == "IASSIST 2022"


def test_a_typo_found_a_few_times_offers_the_corrected_query(client, site):
    builders.presentation(site["fair"].session, "Data culture", abstract="Our visit to Gothenberg.")
    html = page(client, q="gothenberg")
    assert spelling_note(html) == "Did you mean Gothenburg?"
    assert 'href="/search/?q=Gothenburg"' in html
    assert result_titles(html) == ["Data culture"]
    data = client.get("/search/", {"q": "gothenberg", "format": "json"}).json()
    assert data["suggestion"] == "Gothenburg" and "corrected" not in data


def test_a_query_found_as_typed_is_not_corrected(client, site):
    data = client.get("/search/", {"q": "Gothenburg", "format": "json"}).json()
    assert not {"corrected", "suggestion"} & set(data)


def test_the_json_keeps_the_query_typed_and_names_the_correction(client, site):
    data = client.get("/search/", {"q": "gothenberg", "format": "json"}).json()
    assert (data["query"], data["corrected"]) == ("gothenberg", "Gothenburg")
    assert data["results"][0]["title"] == "IASSIST 2022"
    as_typed = client.get("/search/", {"q": "gothenberg", "format": "json", "as_typed": "1"}).json()
    assert as_typed == {"query": "gothenberg", "count": 0, "results": []}


def test_the_filters_carry_over_to_the_corrected_and_the_typed_query(client, site):
    html = page(client, q="gothenberg", kind="conference")
    assert 'href="/search/?q=Gothenburg&amp;kind=conference"' in html
    assert 'href="/search/?q=gothenberg&amp;kind=conference&amp;as_typed=1"' in html


def test_a_corrected_search_runs_a_bounded_number_of_statements(client, site, django_assert_max_num_queries):
    client.get("/search/", {"q": "data"})
    with django_assert_max_num_queries(40):
        page(client, q="gothenberg")
    with django_assert_max_num_queries(40):
        page(client, q=" ".join(f"qzvx{letter}wy" for letter in "abcdefghijklmnopqrstuvwxyzabcdefghij"))


@pytest.mark.parametrize(
    "typed",
    [
        "x" * 5000,
        "gothenberg " * 300,
        "<script>gothenberg</script>",
        "goth\u0000enberg",
        "ゴセンバーグ",
        '"gothenberg',
    ],
)
def test_hostile_queries_answer_and_stay_escaped(client, site, typed):
    html = page(client, q=typed)
    assert "<script>gothenberg" not in html
    data = client.get("/search/", {"q": typed, "format": "json"}).json()
    assert set(data) <= {"query", "count", "results", "notes", "corrected", "suggestion"}
