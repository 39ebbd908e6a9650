"""Matching a Zenodo record to a presentation: title, creators and year must all agree."""

from zenodosync.matching import (
    MATCHED,
    NEAR_MISS,
    TITLE_MATCH,
    UNMATCHED,
    PresentationFacts,
    match_record,
    title_similarity,
)
from zenodosync.records import Creator, ZenodoRecord

# Presentations of IASSIST 2022 as the Hugo tree gives them.
COMMUNITY = PresentationFacts(1, "Building a Local Community of Practice", 2022, ("Alexandrea Glenn", "Emily Mann"))
BIAS = PresentationFacts(
    2, "Collection bias in social science data archives: what’s in and what’s out?", 2022,
    ("Brian Kleiner", "Alexandra Stam"),
)  # fmt: skip
MASSES = PresentationFacts(
    3, "Metadata for the Masses – Building an educated community of data users", 2022,
    ("Samuel Spencer", "Lauren Eickhorst"),
)  # fmt: skip
ZARIA = PresentationFacts(
    4, "(Virtual) - Mapping by Design: Learning from the Zaria mapping project.", 2022, ("Yusuf Suleiman",)
)
COURSE = PresentationFacts(
    5, "Developing an undergraduate course in critical data literacy to advance new college learning outcomes", 2022,
    ("Amelia Kallaher",),
)  # fmt: skip
PROGRAMME = [COMMUNITY, BIAS, MASSES, ZARIA, COURSE]


def record(title, *creators, year=2022):
    return ZenodoRecord(
        "1", "10.5281/zenodo.1", title, tuple(Creator(name) for name in creators), year, "https://zenodo.org/records/1"
    )


def test_a_record_with_the_title_creators_and_year_of_one_presentation_matches_it(recorded_records):
    match = match_record(recorded_records["9900101"], PROGRAMME)
    assert (match.outcome, match.presentation) == (MATCHED, COMMUNITY)


def test_quotes_and_case_do_not_keep_a_record_from_its_presentation(recorded_records):
    assert match_record(recorded_records["9900103"], PROGRAMME).presentation == BIAS


def test_the_programmes_virtual_marker_is_not_part_of_the_title(recorded_records):
    assert match_record(recorded_records["9900104"], PROGRAMME).presentation == ZARIA


def test_a_similar_title_by_other_creators_is_a_near_miss_not_a_match(recorded_records):
    match = match_record(recorded_records["9900106"], PROGRAMME)
    assert (match.outcome, match.presentation) == (NEAR_MISS, MASSES)
    assert "no creator among the presenters" in match.reason


def test_the_same_title_and_creator_years_away_is_a_near_miss(recorded_records):
    match = match_record(recorded_records["9900107"], PROGRAMME)
    assert match.outcome == NEAR_MISS
    assert "published 2019" in match.reason


def test_a_record_like_no_presentation_is_unmatched(recorded_records):
    assert match_record(recorded_records["9900108"], PROGRAMME).outcome == UNMATCHED


def test_two_presentations_that_fit_equally_match_neither():
    twice = [COMMUNITY, PresentationFacts(9, COMMUNITY.title, 2022, ("Emily Mann",))]
    match = match_record(record(COMMUNITY.title, "Mann, Emily"), twice)
    assert match.outcome == NEAR_MISS
    assert "several" in match.reason


def test_a_title_cut_short_in_the_programme_counts_as_the_same_title():
    cut = "Building a Local Community"
    assert title_similarity(cut, COMMUNITY.title) >= TITLE_MATCH


def test_a_title_sharing_only_its_first_words_is_not_the_same_title():
    assert title_similarity("Building a", COMMUNITY.title) < TITLE_MATCH


def test_a_creator_named_given_first_still_meets_the_presenter():
    assert match_record(record(COMMUNITY.title, "Emily Mann"), PROGRAMME).outcome == MATCHED


def test_a_compound_family_name_meets_its_last_word():
    talk = PresentationFacts(6, "Training as grounds for collaboration", 2022, ("Irena Vipavc Brvar",))
    assert match_record(record(talk.title, "Vipavc Brvar, Irena"), [talk]).outcome == MATCHED


def test_an_empty_programme_leaves_every_record_unmatched(recorded_records):
    assert match_record(recorded_records["9900101"], []).outcome == UNMATCHED
