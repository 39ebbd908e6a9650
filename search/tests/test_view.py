"""The search page at /search/: what a visitor sees, filters, pagination and editors' picks."""

import re

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from conferences.tests import builders
from search import hits

pytestmark = pytest.mark.django_db


def get(client, **params):
    return client.get("/search/", params)


RESULT_TITLE = re.compile(r'search-result__title"><a [^>]*>(.*?)</a>')


def result_titles(response):
    return [re.sub(r"<[^>]+>", "", title) for title in RESULT_TITLE.findall(response.text)]


def test_the_search_page_without_a_query_explains_what_can_be_found(client, site):
    response = get(client)
    assert response.status_code == 200
    assert "search-help" in response.text
    assert "search-result__title" not in response.text


def test_results_say_what_they_are_and_which_year(client, site):
    response = get(client, q="Gothenburg 2022")
    assert response.status_code == 200
    first = response.text.index("search-result__kind")
    assert "Conference" in response.text[first : first + 300]
    assert "2022" in response.text[first : first + 300]


def test_the_best_result_comes_first_on_the_page(client, site):
    response = get(client, q="fair everywhere")
    assert result_titles(response)[0] == "FAIR Everywhere"


def test_query_words_are_highlighted_in_titles_and_snippets(client, site):
    response = get(client, q="curation")
    assert "<mark>curation</mark>" in response.text


def test_the_query_stays_in_the_search_box(client, site):
    response = get(client, q="data curation")
    assert 'name="q" value="data curation"' in response.text


def test_the_search_page_is_not_indexed_by_search_engines(client, site):
    response = get(client, q="data")
    assert '<meta name="robots" content="noindex">' in response.text
    assert response["X-Robots-Tag"] == "noindex"


def test_the_kind_filter_keeps_only_that_kind(client, site):
    response = get(client, q="Kevin Manuel", kind="presentation")
    titles = result_titles(response)
    assert titles
    assert "Kevin Manuel" not in titles
    assert set(re.findall(r"search-result--(\w+)", response.text)) == {"presentation"}


def test_the_kind_links_count_each_kind(client, site):
    response = get(client, q="Kevin Manuel")
    assert re.search(r"People <span class=\"search-kinds__count\">\(1\)</span>", response.text)
    assert re.search(r"Presentations <span class=\"search-kinds__count\">\(2\)</span>", response.text)


def test_the_decade_filter_keeps_only_that_decade(client, site):
    response = get(client, q="data", decade="2000")
    years = {int(year) for year in re.findall(r'search-result__year">(\d{4})<', response.text)}
    assert years == {2007}


def test_an_unknown_kind_or_decade_shows_everything_with_a_note(client, site):
    response = get(client, q="data", kind="spaceship", decade="soon")
    assert response.status_code == 200
    assert "That kind of result is not one this search knows" in response.text
    assert "That decade is not one this search knows" in response.text
    assert result_titles(response)


def test_results_are_paginated_ten_to_a_page(client, site):
    index = site["index"]
    conference = builders.conference(index, 2010, city="Ithaca", country="United States")
    session = builders.session(conference)
    for number in range(23):
        builders.presentation(session, f"Panel on quokkas number {number}")
    first_page = get(client, q="quokkas")
    third_page = get(client, q="quokkas", page="3")
    assert len(result_titles(first_page)) == 10
    assert len(result_titles(third_page)) == 3
    assert 'rel="next"' in first_page.text
    assert "q=quokkas" in re.search(r'href="([^"]*)" rel="next"', first_page.text).group(1)


def test_nothing_found_offers_ways_forward(client, site):
    response = get(client, q="xylophone")
    assert response.status_code == 200
    assert "0 results" in response.text
    assert "search-empty" in response.text


def test_a_query_with_no_result_having_all_words_falls_back_to_some_words(client, site):
    response = get(client, q="curation xylophone")
    assert "No result has all of your words" in response.text
    assert "Data curation services in academic libraries" in result_titles(response)


def test_editors_picks_appear_above_the_results(client, site):
    query = Query.get("conduct")
    SearchPromotion.objects.create(query=query, page=site["code_of_conduct"], sort_order=0, description="Our code")
    response = get(client, q="conduct")
    assert response.text.index("Recommended") < response.text.index('search-results"')
    assert "Our code" in response.text


def test_each_search_is_logged_for_promotions(client, site):
    get(client, q="census")
    get(client, q="census")
    hits.flush()
    assert Query.get("census").hits == 2


def test_the_search_page_runs_a_bounded_number_of_queries(client, site, django_assert_max_num_queries):
    index = site["index"]
    for year in range(1980, 2000):
        conference = builders.conference(index, year, city="Ottawa", country="Canada")
        session = builders.session(conference)
        builders.presentation(session, f"Ottawa data services {year}", presenters=[(f"Person {year}", "Library")])
    get(client, q="warm-up")
    with django_assert_max_num_queries(24):
        response = get(client, q="Ottawa data")
    assert len(result_titles(response)) == 10


def test_each_search_counts_one_hit_for_the_day(client, site):
    for _ in range(3):
        client.get("/search/", {"q": "Census  of Canada"})
    hits.flush()
    assert [hits.hits for hits in Query.get("census of canada").daily_hits.all()] == [3]
