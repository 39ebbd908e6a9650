"""The numbers behind “50 years of IASSIST”, read in a fixed handful of queries and cached.

Everything comes from three reads of plain values (conferences, presentations, presenter
entries) folded in Python; the result is kept under the archive's content generation, so a
visit after an edit counts afresh and every other visit costs one cache read.
"""

from collections import Counter, defaultdict

from django.core.cache import cache

from conferences.choices import AttendanceMode, ConferenceKind
from conferences.models import Presentation, Presenter

from . import generation
from .tables import public_conferences
from .topics import VOCABULARY, topics_in
from .world_map import host_cities

CACHE_KEY = "openarchive:fifty-years:{generation}"
# Entries of older generations are never read again: a day bounds the memory they hold.
KEEP_SECONDS = 24 * 60 * 60
TOP_INSTITUTIONS = 5


def decade_of(year):
    return year // 10 * 10


def fifty_years(request=None):
    key = CACHE_KEY.format(generation=generation.current())
    figures = cache.get(key)
    if figures is None:
        figures = compute(request)
        cache.set(key, figures, timeout=KEEP_SECONDS)
    return figures


def compute(request=None):
    conferences = _conferences(request)
    public = Presentation.objects.public()
    presentations = list(public.values_list("conference_id", "title", "abstract").order_by("pk"))
    presenters = list(
        Presenter.objects.filter(presentation__in=public.values("pk"))
        .values_list("presentation__conference__year", "institution", "country")
        .order_by("pk")
    )
    years = {row["pk"]: row["year"] for row in conferences}
    return {
        "years": _years(conferences, presentations),
        "hosts": _hosts(conferences),
        "host_cities": host_cities(conferences),
        "institutions": _institutions(presenters),
        "countries": _presenter_countries(presenters),
        "topics": _topics(presentations, years),
        "presentation_count": len(presentations),
        "conference_count": len(conferences),
    }


def _conferences(request):
    fields = ("title", "year", "kind", "city", "country", "attendance_mode", "url_path", "path", "depth")
    pages = public_conferences().only(*fields)
    return [
        {"pk": page.pk, "title": page.title, "year": page.year, "kind": page.kind, "city": page.city,
         "country": page.country, "attendance_mode": page.attendance_mode, "url": page.get_url(request)}
        for page in pages
    ]  # fmt: skip


def _years(conferences, presentations):
    """One row a year: its conferences (the annual one first, each with its page) and presentations."""
    per_conference = Counter(conference_id for conference_id, _title, _abstract in presentations)
    rows = {}
    for conference in sorted(conferences, key=lambda c: (c["year"], c["kind"] != ConferenceKind.ANNUAL)):
        row = rows.setdefault(conference["year"], {"year": conference["year"], "conferences": [], "presentations": 0})
        row["conferences"].append({"title": conference["title"], "url": conference["url"]})
        row["presentations"] += per_conference[conference["pk"]]
    return list(rows.values())


def _hosts(conferences):
    """Where the annual conferences met: each decade's cities, and countries by how often they hosted."""
    annual = [c for c in conferences if c["kind"] == ConferenceKind.ANNUAL]
    decades = defaultdict(list)
    for conference in annual:
        place = ", ".join(part for part in (conference["city"], conference["country"]) if part)
        place = place or ("Online" if conference["attendance_mode"] == AttendanceMode.ONLINE else "Not recorded")
        decades[decade_of(conference["year"])].append({"year": conference["year"], "place": place})
    return {
        "decades": [{"decade": decade, "conferences": decades[decade]} for decade in sorted(decades)],
        "countries": _ranked(_by_country(c["country"] for c in annual)),
    }


def country_key(name):
    """One key for the spellings of a country that differ only in case, spacing or a leading "The"
    (the archive has both "Netherlands" and "The Netherlands")."""
    words = name.casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def _by_country(names):
    """How often each country occurs, under the spelling used most (the shorter one on a tie)."""
    counts, spellings = Counter(), defaultdict(Counter)
    for name in names:
        name = " ".join((name or "").split())
        if name:
            counts[country_key(name)] += 1
            spellings[country_key(name)][name] += 1
    return Counter({_spelling(spellings[key]): count for key, count in counts.items()})


def _spelling(spellings):
    return min(spellings, key=lambda name: (-spellings[name], len(name), name))


def _institutions(presenters):
    """The institutions presenters named most often, over the decades: each decade's top few, with
    every decade's count for each of them. Spellings that differ only in case or spacing count as
    one, shown as most presenters wrote it."""
    counts, spellings = defaultdict(Counter), defaultdict(Counter)
    for year, institution, _country in presenters:
        name = " ".join(institution.split())
        if name:
            counts[decade_of(year)][name.casefold()] += 1
            spellings[name.casefold()][name] += 1
    decades = sorted(counts)
    # Rows in the order they first reach a decade's top: the grid reads as a story, oldest first.
    keys = list(dict.fromkeys(key for decade in decades for key, _n in _most_common(counts[decade], TOP_INSTITUTIONS)))
    return {
        "decades": decades,
        "rows": [{"label": spellings[key].most_common(1)[0][0],
                  "counts": [counts[decade][key] for decade in decades]} for key in keys],
    }  # fmt: skip


def _presenter_countries(presenters):
    """Presenters' countries per conference year, only for the years whose programme gave them
    (read from the schedule's export), most frequent first."""
    counts, spellings = defaultdict(Counter), defaultdict(Counter)
    for year, _institution, country in presenters:
        name = " ".join(country.split())
        if name:
            counts[country_key(name)][year] += 1
            spellings[country_key(name)][name] += 1
    years = sorted({year for per_year in counts.values() for year in per_year})
    totals = Counter({key: per_year.total() for key, per_year in counts.items()})
    return {
        "years": years,
        "rows": [{"label": _spelling(spellings[key]), "total": total, "counts": [counts[key][year] for year in years]}
                 for key, total in _most_common(totals)],
    }  # fmt: skip


def _topics(presentations, years):
    """How many presentations mention each topic, per decade."""
    counts = defaultdict(Counter)
    for conference_id, title, abstract in presentations:
        decade = decade_of(years[conference_id]) if conference_id in years else None
        if decade is None:
            continue
        for topic in topics_in(f"{title}\n{abstract}"):
            counts[topic.slug][decade] += 1
    decades = sorted({decade_of(year) for year in years.values()})
    return {
        "decades": decades,
        "rows": [
            {"slug": topic.slug, "label": topic.label, "query": topic.query,
             "counts": [counts[topic.slug][decade] for decade in decades]}
            for topic in VOCABULARY
        ],
    }  # fmt: skip


def _most_common(counter, limit=None):
    # Ties in alphabetical order, so that the page does not reshuffle between builds.
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:limit]


def _ranked(counter):
    return [{"label": label, "count": count} for label, count in _most_common(counter)]
