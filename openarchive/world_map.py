"""Host cities on a world map: the committed outlines and coordinates, grouped per city, drawn as SVG.

Both data files are made by management commands and committed (geodata/world.json by
draw_world_map, geodata/host_cities.json by locate_host_cities), so a request reads no package
and fetches nothing. A conference whose city and country are not in the coordinates table is
listed as not on the map: nothing is guessed.
"""

import functools
import json
import math
import xml.etree.ElementTree as ET
from pathlib import Path

from django.utils.text import slugify

from . import charts
from .gazetteer import fold
from .projection import project

GEODATA = Path(__file__).resolve().parent / "geodata"
OUTLINES = GEODATA / "world.json"
HOST_CITIES = GEODATA / "host_cities.json"
LAND, BORDER = "#d5dbe1", "#ffffff"
# Dark orange: 4.3:1 on the land's grey and 5.6:1 on white, so markers stand out (WCAG 1.4.11 asks 3:1).
MARKER, MARKER_EDGE = "#b4470f", "#ffffff"


def place_key(city, country):
    return fold(city), fold(country)


@functools.cache
def outlines():
    return json.loads(OUTLINES.read_text(encoding="utf-8"))


@functools.cache
def located_places():
    """{(city, country) folded: GeoNames place} from the committed table."""
    table = json.loads(HOST_CITIES.read_text(encoding="utf-8"))
    return {place_key(row["city"], row["country"]): row for row in table["places"]}


def source_note():
    return json.loads(HOST_CITIES.read_text(encoding="utf-8"))["source"]


def host_cities(conferences):
    """Each city that public conferences met in, with its conferences (oldest first) and its place
    on the map if the table has it; conferences with no city (online, not yet announced) are counted."""
    places = located_places()
    cities, unplaced = {}, 0
    for conference in sorted(conferences, key=lambda c: (c["year"], c["title"])):
        if not conference["city"].strip():
            unplaced += 1
            continue
        written = place_key(conference["city"], conference["country"])
        place = places.get(written)
        # Two spellings of one place ("Toronto, ON", "Toronto") are one city; an unknown place is its spelling.
        city = cities.setdefault(place["geonameid"] if place else written, {"place": place, "conferences": []})
        # The latest spelling names the city: "Toronto" rather than 1974's "Toronto, ON".
        city.update(city=" ".join(conference["city"].split()), country=" ".join(conference["country"].split()))
        city["conferences"].append({key: conference[key] for key in ("year", "title", "url")})
    rows = sorted(cities.values(), key=lambda c: (c["conferences"][0]["year"], fold(c["city"])))
    _give_anchors(rows)
    return {"cities": rows, "without_city": unplaced}


def _give_anchors(rows):
    taken = set()
    for number, row in enumerate(rows, start=1):
        anchor = f"host-city-{slugify(row['city'] + ' ' + row['country']) or number}"
        row["anchor"] = anchor if anchor not in taken else f"{anchor}-{number}"
        taken.add(row["anchor"])
        if row["place"]:
            row["x"], row["y"] = project(row["place"]["longitude"], row["place"]["latitude"])


def radius(count):
    """Marker area grows with the number of conferences; one conference is still easy to hit."""
    return 3 + 3 * math.sqrt(count)


def marker_label(row):
    years = [str(c["year"]) for c in row["conferences"]]
    listed = years[0] if len(years) == 1 else ", ".join(years[:-1]) + " and " + years[-1]
    count = len(years)
    return f"{row['city']}, {row['country']}: {count} conference{'s' if count != 1 else ''}, {listed}"


def marker_href(row):
    """One conference: its page. Several: the city's row in the table, which links each of them."""
    conferences = row["conferences"]
    if len(conferences) == 1 and conferences[0]["url"]:
        return conferences[0]["url"]
    return f"#{row['anchor']}"


def world_map(chart_id, title, desc, rows):
    data = outlines()
    svg = charts._svg(chart_id, title, desc, data["width"], data["height"], linked=bool(rows))
    land = ET.SubElement(svg, "g", {"aria-hidden": "true", "fill": LAND, "stroke": BORDER, "stroke-width": "0.5"})
    for country in data["countries"]:
        ET.SubElement(land, "path", {"d": country["d"]})
    # Larger markers first, so that a smaller one on top of another stays visible and clickable.
    for row in sorted(rows, key=lambda r: (-len(r["conferences"]), r["anchor"])):
        label = marker_label(row)
        mark = charts._mark(svg, marker_href(row), label)
        mark.set("class", "map-marker")
        ET.SubElement(mark, "title").text = label
        size = radius(len(row["conferences"]))
        circle = {"cx": charts._n(row["x"]), "cy": charts._n(row["y"]), "r": charts._n(size)}
        ET.SubElement(mark, "circle", {**circle, "fill": MARKER, "fill-opacity": "0.85", "stroke": MARKER_EDGE,
                                       "stroke-width": "1"})  # fmt: skip
    return charts._markup(svg)
