"""The host cities' world map on “50 years of IASSIST”: a marker per located city, the others listed."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from conferences.choices import ConferenceKind
from conferences.models import ConferencePage
from conferences.tests import builders
from openarchive import projection, world_map

pytestmark = pytest.mark.django_db

URL = "/data/fifty-years/"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def hosts(home_page):
    """Toronto twice (spelt two ways), Sydney, a workshop in Kampala, a city the table lacks, an online one."""
    index = builders.conference_index(home_page)
    builders.archive_page(index)
    made = {
        "toronto1974": builders.conference(index, 1974, slug="iassist1974", city="Toronto, ON", country="Canada"),
        "toronto2014": builders.conference(index, 2014, slug="iassist2014", city="Toronto", country="Canada"),
        "sydney": builders.conference(index, 2019, slug="iassist2019", city="Sydney", country="Australia"),
        "kampala": builders.conference(
            index, 2021, slug="workshop2021", kind=ConferenceKind.WORKSHOP, city="Kampala", country="Uganda"
        ),  # fmt: skip
        "atlantis": builders.conference(index, 2030, slug="iassist2030", city="Atlantis", country="Ocean"),
    }
    builders.conference(index, 2020, slug="iassist2020", city="", country="", attendance_mode="online")
    return made


def _page(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response.content, BeautifulSoup(response.content, "html.parser")


def _markers(soup):
    return soup.find("svg", id="chart-map").find_all("a", class_="map-marker")


def _expected_located_cities():
    """The distinct GeoNames places of the public conferences' cities, read from the database."""
    places = world_map.located_places()
    pairs = ConferencePage.objects.live().public().exclude(city="").values_list("city", "country")
    located = {
        places[world_map.place_key(*pair)]["geonameid"] for pair in pairs if world_map.place_key(*pair) in places
    }
    unlocated = {world_map.place_key(*pair) for pair in pairs if world_map.place_key(*pair) not in places}
    return located, unlocated


def test_the_map_has_one_marker_per_located_city(client, hosts):
    located, _unlocated = _expected_located_cities()
    markers = _markers(_page(client)[1])
    assert len(markers) == len(located) == 3  # Toronto (both spellings), Sydney, Kampala


def test_a_city_the_table_lacks_is_listed_as_not_on_the_map(client, hosts):
    _unlocated, soup = _expected_located_cities()[1], _page(client)[1]
    rows = {row.th.get_text(strip=True): row for row in soup.find("caption", string="Host cities").parent.tbody("tr")}
    assert rows["Atlantis, Ocean"].find_all("td")[-1].get_text() == "No"
    assert "Atlantis, Ocean" in soup.find(string=re.compile("^Not on the map")).parent.get_text()
    assert not any("Atlantis" in marker["aria-label"] for marker in _markers(soup))


def test_a_city_of_one_conference_links_to_its_page(client, hosts):
    marker = next(m for m in _markers(_page(client)[1]) if m["aria-label"].startswith("Sydney"))
    assert marker["href"] == hosts["sydney"].url
    assert marker["aria-label"] == "Sydney, Australia: 1 conference, 2019"
    assert marker.find("title").get_text() == marker["aria-label"]


def test_a_city_of_several_conferences_links_to_its_row_which_links_each(client, hosts):
    soup = _page(client)[1]
    marker = next(m for m in _markers(soup) if m["aria-label"].startswith("Toronto"))
    assert marker["aria-label"] == "Toronto, Canada: 2 conferences, 1974 and 2014"
    row = soup.find(id=marker["href"].removeprefix("#"))
    assert row.name == "tr"
    assert [a["href"] for a in row.find_all("a")] == [hosts["toronto1974"].url, hosts["toronto2014"].url]


def test_more_conferences_make_a_larger_marker(client, hosts):
    circles = {m["aria-label"].split(",")[0]: float(m.find("circle")["r"]) for m in _markers(_page(client)[1])}
    assert circles["Toronto"] > circles["Sydney"] == circles["Kampala"]


def test_markers_lie_on_the_map_where_their_coordinates_project(client, hosts):
    content, soup = _page(client)
    svg = ET.fromstring(re.search(rb'<svg\b[^>]*id="chart-map".*?</svg>', content, re.S).group())
    _x, _y, width, height = (float(n) for n in svg.get("viewBox").split())
    sydney = next(row for row in world_map.located_places().values() if row["city"] == "Sydney")
    x, y = projection.project(sydney["longitude"], sydney["latitude"])
    circle = next(m for m in _markers(soup) if m["aria-label"].startswith("Sydney")).find("circle")
    assert (float(circle["cx"]), float(circle["cy"])) == pytest.approx((x, y), abs=0.1)
    # Sydney is in the south-east of the map.
    assert width * 0.8 < x < width and height * 0.6 < y < height


def test_conferences_without_a_city_are_counted_not_mapped(client, hosts):
    assert "1 conference names no city (online, or not yet announced)." in _page(client)[1].get_text(" ")


def test_a_draft_conference_is_not_on_the_map(client, hosts):
    ConferencePage.objects.filter(pk=hosts["sydney"].pk).update(live=False)
    builders.person("Someone Saving")  # a save: the figures count afresh
    assert not any(m["aria-label"].startswith("Sydney") for m in _markers(_page(client)[1]))


def test_hostile_city_names_are_escaped_on_the_map_and_in_the_table(client, hosts):
    ConferencePage.objects.filter(pk=hosts["atlantis"].pk).update(city='<img src=x onerror="alert(1)">')
    builders.person("Someone Saving")
    content, _soup = _page(client)
    assert b"<img src=x" not in content
    ET.fromstring(re.search(rb'<svg\b[^>]*id="chart-map".*?</svg>', content, re.S).group())


def test_the_map_has_no_markers_and_is_a_picture_when_no_city_is_known(client, home_page):
    soup = _page(client)[1]
    svg = soup.find("svg", id="chart-map")
    assert svg["role"] == "img" and not svg.find("a")
    assert "No conference names its city yet." in soup.get_text()


def test_the_outlines_are_small_and_cover_the_world():
    data = world_map.outlines()
    size = world_map.OUTLINES.stat().st_size
    assert size < 100_000
    assert len(data["countries"]) > 170
    assert (data["width"], data["height"]) == (projection.WIDTH, projection.HEIGHT)


def test_every_table_entry_has_coordinates_on_the_globe():
    table = json.loads(world_map.HOST_CITIES.read_text(encoding="utf-8"))
    assert table["places"]
    for row in table["places"]:
        assert -90 <= row["latitude"] <= 90 and -180 <= row["longitude"] <= 180
        assert row["city"] and row["country"] and row["geonameid"]


def test_the_projection_spans_the_map():
    assert projection.project(-180, 0)[0] == pytest.approx(0, abs=0.01)
    assert projection.project(180, 0)[0] == pytest.approx(projection.WIDTH, abs=0.01)
    assert projection.project(0, projection.NORTH)[1] == pytest.approx(0)
    assert projection.project(0, projection.SOUTH)[1] == pytest.approx(projection.HEIGHT, abs=0.5)


def test_every_located_host_city_of_the_imported_archive_has_a_marker(client, imported_site):
    located, unlocated = _expected_located_cities()
    soup = _page(client)[1]
    assert len(_markers(soup)) == len(located)
    off = [row.th.get_text(strip=True) for row in soup.find("caption", string="Host cities").parent.tbody("tr")
           if row.find_all("td")[-1].get_text() == "No"]  # fmt: skip
    assert len(off) == len(unlocated)


def test_every_city_of_the_imported_archive_has_been_looked_up(imported_site):
    """A city neither found nor listed as not found means locate_host_cities has not been run since it came."""
    table = json.loads(world_map.HOST_CITIES.read_text(encoding="utf-8"))
    looked_up = {world_map.place_key(row["city"], row["country"]) for row in table["places"] + table["not_found"]}
    pairs = ConferencePage.objects.live().public().exclude(city="").values_list("city", "country")
    assert {world_map.place_key(*pair) for pair in pairs} <= looked_up
