"""Snippets: the query's words marked in escaped text, cut around the first match."""

from search.query import ParsedQuery
from search.snippets import highlight


def test_query_words_are_marked_whatever_their_case_accents_or_plural():
    marked = highlight("Censuses of Québec", ParsedQuery.parse("census quebec"))
    assert marked == "<mark>Censuses</mark> of <mark>Québec</mark>"


def test_stop_words_are_not_marked():
    assert highlight("The state of the data", ParsedQuery.parse("the data")) == "The state of the <mark>data</mark>"


def test_markup_in_the_text_is_escaped_and_only_marks_are_added():
    marked = highlight("<script>alert(1)</script> data", ParsedQuery.parse("data"))
    assert marked == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>data</mark>"


def test_a_long_text_is_cut_around_the_first_match_with_ellipses():
    text = "word " * 300 + "curation here " + "word " * 300
    marked = highlight(text, ParsedQuery.parse("curation"), width=120)
    assert marked.startswith("…") and marked.endswith("…")
    assert "<mark>curation</mark>" in marked
    assert len(marked) < 160


def test_a_text_without_a_match_shows_its_beginning():
    marked = highlight("alpha beta " * 100, ParsedQuery.parse("gamma"), width=50)
    assert marked.startswith("alpha beta") and marked.endswith("…")


def test_the_last_word_of_a_suggestion_is_marked_as_a_prefix():
    marked = highlight("Gothenburg 2022", ParsedQuery.parse("Gothen"), prefix_last=True)
    assert marked == "<mark>Gothenburg</mark> 2022"
