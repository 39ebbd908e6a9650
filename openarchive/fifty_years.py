"""“50 years of IASSIST”: the figures (figures.py) drawn as charts (charts.py) for its page."""

from urllib.parse import urlencode

from django.urls import reverse

from . import charts, world_map
from .figures import fifty_years

COUNTRIES_DRAWN = 20
# The search's kind for presentations (search.ranking.PRESENTATION; search sits above this app).
PRESENTATION = "presentation"


def search_url(query, decade=None, kind=None):
    params = {"q": query, **({"kind": kind} if kind else {}), **({"decade": decade} if decade is not None else {})}
    return f"{reverse('search')}?{urlencode(params)}"


def page_context(request):
    figures = fifty_years(request)
    topics = _topic_rows(figures["topics"])
    institutions = _institution_rows(figures["institutions"])
    cities = figures["host_cities"]["cities"]
    return {
        "figures": figures,
        "topics": topics,
        "institutions": institutions,
        "host_cities": cities,
        "cities_off_the_map": [city for city in cities if not city["place"]],
        "geonames_source": world_map.source_note(),
        "years_chart": _years_chart(figures["years"]),
        "map_chart": _map_chart(cities),
        "hosts_chart": _hosts_chart(figures["hosts"]["countries"]),
        "institutions_chart": _institutions_chart(figures["institutions"]["decades"], institutions),
        "countries_chart": _countries_chart(figures["countries"]),
        "topics_chart": _topics_chart(figures["topics"]["decades"], topics),
    }


def _years_chart(years):
    rows = []
    for row in years:
        first = row["conferences"][0]
        rows.append((row["year"], row["presentations"], first["url"],
                     f"{row['year']} {row['presentations']} presentations: {first['title']}"))  # fmt: skip
    total = sum(row["presentations"] for row in years)
    span = f"{years[0]['year']} to {years[-1]['year']}" if years else "no years yet"
    desc = (f"Presentations in each year's programme on this site, {span}: {total} in all. "
            "Each bar leads to that year's conference.")  # fmt: skip
    return charts.bar_chart("chart-years", "Presentations per year", desc, rows, label_width=56)


def _hosts_chart(countries):
    rows = [(row["label"], row["count"], None, "") for row in countries]
    desc = "How many annual conferences each country has hosted, most first."
    return charts.bar_chart("chart-hosts", "Host countries of the annual conference", desc, rows)


def _map_chart(cities):
    placed = [city for city in cities if city["place"]]
    missing = len(cities) - len(placed)
    desc = (f"A world map with a circle on each of the {len(placed)} cities where IASSIST conferences met, "
            "larger where more met; each circle leads to the city's conference, or to its row in the table "
            "below when there were several."
            + (f" {missing} more {'city is' if missing == 1 else 'cities are'} not on the map: see the table."
               if missing else ""))  # fmt: skip
    return world_map.world_map("chart-map", "Host cities on a world map", desc, placed)


def _countries_chart(countries):
    years = countries["years"]
    drawn = countries["rows"][:COUNTRIES_DRAWN]
    rows = [(row["label"], [(count, None, "") for count in row["counts"]]) for row in drawn]
    desc = (f"Presenter entries by the country of their institution, per conference year, known only where "
            f"the programme gave it: {', '.join(str(year) for year in years) or 'no conference yet'}. "
            f"The {COUNTRIES_DRAWN} most frequent countries; darker is more.")  # fmt: skip
    return charts.heat_grid("chart-countries", "Presenters' countries over time", desc,
                            [str(year) for year in years], rows)  # fmt: skip


def _phrase(label):
    # The name as one phrase: a quotation mark inside it would end the phrase early.
    return '"' + label.replace('"', " ") + '"'


def _decade_rows(figure, query_of, kind=None):
    """Each row of a per-decade figure with a search link for the row and for each non-empty decade."""
    return [
        {"label": row["label"], "search_url": search_url(query_of(row), kind=kind),
         "cells": [{"decade": decade, "count": count,
                    "url": search_url(query_of(row), decade, kind) if count else None}
                   for decade, count in zip(figure["decades"], row["counts"], strict=True)]}
        for row in figure["rows"]
    ]  # fmt: skip


def _institution_rows(institutions):
    return _decade_rows(institutions, lambda row: _phrase(row["label"]), PRESENTATION)


def _institutions_chart(decades, institutions):
    rows = [
        (row["label"], [(cell["count"], cell["url"], f"{cell['count']} presenter entries from {row['label']} "
                         f"in the {cell['decade']}s: search for their presentations") for cell in row["cells"]])
        for row in institutions
    ]  # fmt: skip
    desc = ("Presenter entries naming each institution, per decade, for the institutions among a decade's "
            "five most named; darker is more. Each cell leads to a search for the institution's "
            "presentations in that decade.")  # fmt: skip
    return charts.heat_grid("chart-institutions", "Institutions over time", desc, [f"{d}s" for d in decades],
                            rows, label_width=250)  # fmt: skip


def _topic_rows(topics):
    return _decade_rows(topics, lambda row: row["query"])


def _topics_chart(decades, topics):
    rows = [
        (row["label"], [(cell["count"], cell["url"], f"{cell['count']} presentations on {row['label']} "
                         f"in the {cell['decade']}s: search for them") for cell in row["cells"]])
        for row in topics
    ]  # fmt: skip
    desc = ("Presentations whose title or abstract mentions each topic, per decade; darker is more. "
            "Each cell leads to a search for the topic in that decade.")  # fmt: skip
    return charts.heat_grid("chart-topics", "Topics over time", desc, [f"{d}s" for d in decades], rows)
