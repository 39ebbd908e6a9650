"""The typo matcher (search/spelling.py): its edit distance, and the corrections it picks from the vocabulary."""

import random

import pytest

from search import spelling
from search.models import SearchTerm
from search.query import ParsedQuery
from search.spelling import allowed_edits, correct, edit_distance


def full_distance(a, b):
    """The optimal string alignment distance, every cell worked out: what the banded one must agree with."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def mangled(word, generator):
    """`word` with one or two random edits of every kind, as typing makes them."""
    letters = list(word)
    for _ in range(generator.randint(1, 2)):
        at = generator.randrange(len(letters))
        edit = generator.choice(("insert", "delete", "replace", "swap"))
        if edit == "insert":
            letters.insert(at, generator.choice("abcdefghijklmnopqrstuvwxyz"))
        elif edit == "delete" and len(letters) > 1:
            del letters[at]
        elif edit == "replace":
            letters[at] = generator.choice("abcdefghijklmnopqrstuvwxyz")
        elif at + 1 < len(letters):
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
    return "".join(letters)


@pytest.mark.parametrize(
    ("typed", "meant", "distance"),
    [("metdata", "metadata", 1), ("gothenberg", "gothenburg", 1), ("reserach", "research", 1),
     ("kleemolla", "kleemola", 1), ("mceachren", "mceachern", 1), ("statistcs", "statistics", 1),
     ("vardigna", "vardigan", 1), ("data", "data", 0)],
)  # fmt: skip
def test_the_distance_counts_each_typing_slip_as_one_edit(typed, meant, distance):
    assert edit_distance(typed, meant, 2) == distance


def test_the_banded_distance_agrees_with_the_full_one_up_to_its_limit():
    generator = random.Random(20)
    words = ["metadata", "gothenburg", "census", "curation", "confidentiality", "dataverse", "kleemola", "ddi"]
    for _ in range(2000):
        word = generator.choice(words)
        typed = mangled(word, generator)
        limit = generator.randint(0, 3)
        assert edit_distance(typed, word, limit) == min(full_distance(typed, word), limit + 1), (typed, word, limit)


def test_the_distance_stops_at_its_limit():
    assert edit_distance("metadata", "geography", 2) == 3
    assert edit_distance("a" * 200, "b" * 200, 2) == 3


@pytest.mark.parametrize(("length", "edits"), [(3, 0), (4, 1), (6, 1), (7, 2), (40, 2)])
def test_short_words_allow_fewer_edits(length, edits):
    assert allowed_edits(length) == edits


def vocabulary(*rows):
    SearchTerm.objects.all().delete()
    for term, label, frequency in rows:
        SearchTerm.objects.create(
            term=term, label=label, frequency=frequency, head=term[:2], tail=term[-2:], length=len(term)
        )


def corrected(text):
    found = correct(ParsedQuery.parse(text))
    return found.text if found else None


@pytest.mark.django_db
def test_an_unknown_word_becomes_the_nearest_known_one_as_the_archive_writes_it():
    vocabulary(("gothenburg", "Gothenburg", 12), ("metadata", "metadata", 400))
    assert corrected("gothenberg 2022") == "Gothenburg 2022"
    assert corrected("Metdata") == "Metadata"
    assert corrected("METDATA!") == "METADATA!"


@pytest.mark.django_db
def test_known_words_short_words_numbers_and_distant_words_are_left_as_typed():
    vocabulary(("metadata", "metadata", 400), ("census", "census", 40))
    assert corrected("metadata census") is None
    assert corrected("cnsus") == "census"  # five letters: one edit
    assert corrected("cnss") is None  # two edits from "census", and four letters allow one
    assert corrected("ddi 2019 10.5281/zenodo.1") is None
    assert corrected("mtdta") is None


@pytest.mark.django_db
def test_among_equally_near_words_the_commoner_wins():
    vocabulary(("census", "census", 40), ("sensus", "Sensus", 2))
    assert corrected("xensus") == "census"
    vocabulary(("census", "census", 1), ("sensus", "Sensus", 2))
    assert corrected("xensus") == "Sensus"
    assert corrected("cenus") == "census"  # one edit from "census", two from "sensus"


@pytest.mark.django_db
def test_a_word_the_archive_holds_once_gives_way_to_a_far_commoner_neighbour():
    vocabulary(
        ("research", "research", 500), ("reserach", "reserach", 1), ("bergen", "Bergen", 3), ("berger", "Berger", 4)
    )
    assert corrected("reserach") == "research"
    assert corrected("bergen") is None


@pytest.mark.django_db
def test_a_word_is_corrected_from_either_end():
    vocabulary(("kleemola", "Kleemola", 5))
    assert corrected("klemola") == "Kleemola"  # same first two letters
    assert corrected("cleemola") == "Kleemola"  # same last two


@pytest.mark.django_db
def test_a_hostile_query_costs_two_statements_and_corrects_at_most_four_words(django_assert_max_num_queries):
    vocabulary(("metadata", "metadata", 400))
    with django_assert_max_num_queries(2):
        found = correct(ParsedQuery.parse(" ".join(["metdata"] * 3 + [f"metdat{n}x" for n in range(40)])))
    assert found.text.split()[:3] == ["metadata"] * 3
    with django_assert_max_num_queries(2):
        many = correct(ParsedQuery.parse(" ".join(f"metdatq{letter}" for letter in "abcdefghij")))
    assert many is None or len(many.words) <= spelling.MAX_CORRECTED_WORDS
    for text in ["ö" * 300, "%_'\\" * 40, "\x00metdata\u202e", "métadatà"]:
        correct(ParsedQuery.parse(text))
