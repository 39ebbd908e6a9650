"""Zenodo's JSON read into records: what matching needs, or the hit is left out with a reason."""

import pytest

from zenodosync.records import NotARecord, parse_hit, parse_hits

from .conftest import recorded_hits


def recorded(record_id):
    return next(hit for hit in recorded_hits() if hit["id"] == record_id)


def test_a_recorded_hit_gives_its_doi_title_year_and_address():
    hit = recorded(9900101)
    record = parse_hit(hit)
    assert record.doi == hit["doi"]
    assert record.title == hit["metadata"]["title"]
    assert record.year == int(hit["metadata"]["publication_date"][:4])
    assert record.url == hit["links"]["self_html"]
    assert "iassist-2022" in record.communities


def test_a_creator_written_family_comma_given_is_read_apart():
    creator = parse_hit(recorded(9900101)).creators[1]
    assert (creator.family_name, creator.given_name) == ("Mann", "Emily")
    assert creator.orcid == recorded(9900101)["metadata"]["creators"][1]["orcid"]


def test_a_hit_without_a_doi_is_left_out_with_its_reason():
    records, skipped = parse_hits(recorded_hits())
    assert "9900109" not in {record.record_id for record in records}
    assert skipped == ["record 9900109 has no DOI"]


@pytest.mark.parametrize(
    "hit",
    [
        None,
        [],
        {"id": "abc", "doi": "10.5281/zenodo.1", "metadata": {"title": "T"}},
        {"id": 5, "doi": "10.5281/zenodo.5"},
    ],
)
def test_malformed_hits_are_not_records(hit):
    with pytest.raises(NotARecord):
        parse_hit(hit)


def test_values_of_the_wrong_type_are_ignored_not_trusted():
    hit = {
        "id": 7,
        "doi": "10.5281/zenodo.7",
        "metadata": {"title": "A title", "creators": "Mann, Emily", "publication_date": 2022, "communities": "x"},
        "links": {"self_html": "javascript:alert(1)"},
    }
    record = parse_hit(hit)
    assert (record.creators, record.year, record.communities) == ((), None, ())
    assert record.url == "https://zenodo.org/records/7"


def test_a_huge_title_is_cut_to_what_a_presentation_can_hold():
    hit = {"id": 8, "doi": "10.5281/zenodo.8", "metadata": {"title": "word " * 100_000}}
    assert len(parse_hit(hit).title) == 1000
