"""Cleaning and parsing what visitors type: nothing unsafe reaches a backend."""

import pytest

from search.query import MAX_QUERY_LENGTH, MAX_QUERY_TERMS, ParsedQuery, clean_query, find_doi
from search.retrieval import query_units


def test_whitespace_and_control_characters_are_cleaned():
    assert clean_query("  data \x00\x07 curation\t\n") == ("data curation", False)


def test_a_long_query_is_cut_at_a_word_boundary():
    text, truncated = clean_query("metadata " * 200)
    assert truncated
    assert len(text) <= MAX_QUERY_LENGTH
    assert text.endswith("metadata")


def test_a_query_of_thousands_of_words_keeps_its_first_words_and_says_so():
    query = ParsedQuery.parse(" ".join(["a"] * 1300))
    assert query.term_count == MAX_QUERY_TERMS
    assert query.text == " ".join(["a"] * MAX_QUERY_TERMS)
    assert query.shortened_to == f"{MAX_QUERY_TERMS} words"


def test_words_in_phrases_count_towards_the_limit():
    query = ParsedQuery.parse(" ".join(f'"{n} data"' for n in range(MAX_QUERY_TERMS)))
    assert query.term_count == MAX_QUERY_TERMS
    assert query.truncated


def test_a_query_of_as_many_words_as_allowed_is_searched_whole():
    raw = " ".join(f"word{n}" for n in range(MAX_QUERY_TERMS))
    query = ParsedQuery.parse(raw)
    assert (query.text, query.truncated) == (raw, False)


def test_the_longest_title_in_the_archive_is_searched_whole():
    # As long as the longest title in the archive, 207 characters (the one with the most words has 29).
    title = "x" * 151 + " " + " ".join(["abc"] * 14)
    assert len(title) == 207
    query = ParsedQuery.parse(title)
    assert (query.text, query.truncated) == (title, False)


def test_an_unbalanced_quote_is_ignored():
    query = ParsedQuery.parse('data "curation')
    assert query.backend_string() == "data curation"


def test_balanced_quotes_make_a_phrase():
    query = ParsedQuery.parse('"research data management" DDI')
    assert query.backend_string() == '"research data management" DDI'
    assert [unit.kind for unit in query_units(query)] == ["phrase", "word"]


def test_a_word_asked_for_again_is_searched_once():
    units = query_units(ParsedQuery.parse('data Data curation "data curation" data'))
    assert [(unit.kind, unit.text) for unit in units] == [
        ("word", "data"),
        ("word", "curation"),
        ("phrase", "data curation"),
    ]


def test_a_repeated_last_word_is_still_completed_as_a_prefix():
    units = query_units(ParsedQuery.parse("data data"), prefix_last=True)
    assert [(unit.kind, unit.text) for unit in units] == [("word", "data"), ("prefix", "data")]


@pytest.mark.parametrize(
    "raw",
    ["<script>alert(1)</script>", "'; DROP TABLE conferences_presentation; --", 'a" OR "1"="1', "NEAR(a b) AND *"],
)
def test_backend_string_holds_only_words_and_quotes(raw):
    text = ParsedQuery.parse(raw).backend_string()
    assert not set(text) & set("<>;*()=-")


def test_field_filters_are_not_parsed_out_of_the_query():
    # parse_query_string would turn "title:census" into a filter; the colon is dropped first.
    assert ParsedQuery.parse("title:census").backend_string() == "title census"


def test_years_and_ordinals_are_recognised():
    query = ParsedQuery.parse("the 47th conference, 2022")
    assert query.years == (2022,)
    assert query.ordinals == (47,)


def test_years_can_be_left_out_for_the_backend():
    query = ParsedQuery.parse("census 2022")
    assert query.backend_string(drop_years=True) == "census"


def test_only_punctuation_is_an_empty_query():
    assert ParsedQuery.parse(' "" ;;; <> ').is_empty


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("10.5281/zenodo.6620829", "10.5281/zenodo.6620829"),
        ("https://doi.org/10.5281/ZENODO.6620829", "10.5281/zenodo.6620829"),
        ("doi:10.5281/zenodo.6620829", "10.5281/zenodo.6620829"),
        ("https://zenodo.org/records/6620829", "10.5281/zenodo.6620829"),
        ("zenodo.6620829", "10.5281/zenodo.6620829"),
        ("data curation", None),
    ],
)
def test_dois_are_found_in_their_usual_spellings(text, doi):
    assert find_doi(text) == doi


def test_the_last_word_becomes_a_prefix_for_suggestions():
    units = query_units(ParsedQuery.parse("kevin man"), prefix_last=True)
    assert [(unit.kind, unit.text) for unit in units] == [("word", "kevin"), ("prefix", "man")]
