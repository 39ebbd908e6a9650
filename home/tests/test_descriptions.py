"""Descriptions for search engines made from a page's own text (home.descriptions)."""

from home.descriptions import LIMIT, description, shorten


def test_the_first_text_with_words_is_the_description():
    assert description("", "<p> </p>", "<p>Data <b>librarians</b> &amp; archivists.</p>") == (
        "Data librarians & archivists."
    )


def test_no_text_gives_no_description():
    assert description(None, "", "<p></p>") == ""


def test_a_long_text_is_cut_at_a_word_and_marked():
    text = "word " * 100
    cut = description(text)
    assert len(cut) <= LIMIT
    assert cut.endswith("word…")


def test_a_text_of_one_huge_word_is_cut_within_the_limit():
    assert len(shorten("x" * 10_000)) == LIMIT


def test_a_short_text_is_kept_whole():
    assert shorten("IASSIST 2025 in Bristol.") == "IASSIST 2025 in Bristol."
