"""Titles compared as the archive JSON and OpenConf write them."""

from conferences.importer.parse.openconf.titles import similarity, starts_with_words, title_key, title_variants


def test_case_quotes_dashes_accents_and_entities_do_not_tell_titles_apart():
    assert title_key("“We are the Champions” – Exploring Données &amp; Data") == title_key(
        '"we are the champions" - exploring donnees & data'
    )


def test_a_label_before_the_title_is_dropped_as_a_variant():
    assert title_key("A Friendly Introduction to Python") in title_variants(
        "Workshop 1: A Friendly Introduction to Python"
    )


def test_a_plenarys_label_with_its_day_is_dropped_as_a_variant():
    assert "why are we here" in title_variants("Plenary 2 (Thursday): Why are we here? What should we do?")


def test_the_title_without_its_subtitle_is_a_variant():
    assert title_key("How to Engage the Community in Citing Data?") in title_variants(
        "How to Engage the Community in Citing Data? CESSDA Data Citation Guide"
    )


def test_a_variant_too_short_to_tell_talks_apart_is_not_offered():
    assert title_variants("Keynote: Data") == [title_key("Keynote: Data")]


def test_a_title_begins_another_only_word_for_word():
    assert starts_with_words("Lightning Talks & Closing Ceremony", "Lightning Talks")
    assert not starts_with_words("Session A3", "Session A")


def test_similarity_is_one_for_titles_that_differ_only_in_case_and_punctuation():
    assert similarity("FAIR to Care? Repository landscaping", "FAIR to care: repository landscaping") == 1
