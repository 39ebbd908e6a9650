"""“50 years of IASSIST”: the figures (figures.py) drawn as charts (charts.py) for its page."""

from urllib.parse import urlencode

from django.urls import reverse

from . import charts
from .figures import fifty_years


def search_url(query, decade=None):
    params = {"q": query, **({"decade": decade} if decade is not None else {})}
    return f"{reverse('search')}?{urlencode(params)}"


def page_context(request):
    figures = fifty_years(request)
    topics = _topic_rows(figures["topics"])
    return {
        "figures": figures,
        "topics": topics,
        "years_chart": _years_chart(figures["years"]),
        "hosts_chart": _hosts_chart(figures["hosts"]["countries"]),
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


def _countries_chart(countries):
    rows = [(row["label"], row["count"], None, "") for row in countries["countries"][:20]]
    years = ", ".join(str(year) for year in countries["years"]) or "no conference yet"
    desc = (f"Presenter entries by the country of their institution, known only where the programme "
            f"gave it: {years}. The twenty most frequent countries.")  # fmt: skip
    return charts.bar_chart("chart-countries", "Presenters' countries, where known", desc, rows)


def _topic_rows(topics):
    return [
        {"label": row["label"], "search_url": search_url(row["query"]),
         "cells": [{"decade": decade, "count": count, "url": search_url(row["query"], decade)}
                   for decade, count in zip(topics["decades"], row["counts"], strict=True)]}
        for row in topics["rows"]
    ]  # fmt: skip


def _topics_chart(decades, topics):
    rows = [
        (row["label"], [(cell["count"], cell["url"], f"{cell['count']} presentations on {row['label']} "
                         f"in the {cell['decade']}s: search for them") for cell in row["cells"]])
        for row in topics
    ]  # fmt: skip
    desc = ("Presentations whose title or abstract mentions each topic, per decade; darker is more. "
            "Each cell leads to a search for the topic in that decade.")  # fmt: skip
    return charts.heat_grid("chart-topics", "Topics over time", desc, [f"{d}s" for d in decades], rows)
