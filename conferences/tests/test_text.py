"""The text helpers that the programme, the importer and search share."""

import unicodedata

import pytest

from conferences.text import fold_accents, unaccented


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Québec", "Quebec"),
        ("Gothenburg", "Gothenburg"),
        ("Kraków “data” – São Paulo", "Krakow “data” – Sao Paulo"),
        ("Ångström Åbo", "Angstrom Abo"),
        ("Ñuñoa", "Nunoa"),
        ("", ""),
        (None, ""),
    ],
)
def test_accents_are_folded_and_everything_else_is_kept(text, folded):
    assert fold_accents(text) == folded


def test_letters_without_a_latin_base_are_kept():
    assert fold_accents("Данные и Δεδομένα") == "Данные и Δεδομενα"


def test_compatibility_forms_are_decomposed_as_before():
    """The ligature and the superscript become their letters, as NFKD makes them."""
    assert fold_accents("ﬁle²") == "file2"


def test_folding_drops_every_combining_mark_and_nothing_else():
    text = "".join(chr(code) for code in range(0x20, 0x3000))
    decomposed = unicodedata.normalize("NFKD", text)
    expected = "".join(char for char in decomposed if not unicodedata.combining(char))
    assert fold_accents(text) == expected


def test_unaccented_is_empty_for_text_without_accents():
    assert unaccented("Gothenburg") == ""
    assert unaccented("Göteborg") == "Goteborg"
