"""The archive's own words and titles, read from the published content into the search's two tables.

``refresh()`` reads what visitors may see (live, public conferences, presentations, their presenters
and pages: a fixed number of queries), works out the vocabulary (``SearchTerm``) and the suggestions'
prefix keys (``Suggestion``), and writes only what differs from the rows held, so that an editor's
change costs a few writes, not the whole table. It runs once after each transaction that changes
content (search/signals.py), at the end of an import (whose one transaction commits the whole
archive), and from ``manage.py refresh_search_terms``.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.db import transaction
from wagtail.models import Page

from conferences.models import ConferenceIndexPage, ConferencePage, Presentation, Presenter

from .models import SearchTerm, Suggestion
from .ranking import CONFERENCE, PAGE, PERSON, PRESENTATION
from .text import STOPWORDS, WORD, fold

MIN_TERM_LENGTH = 3
MAX_TERM_LENGTH = SearchTerm._meta.get_field("term").max_length
KEY_LENGTH = Suggestion._meta.get_field("key").max_length
TITLE_LENGTH = Suggestion._meta.get_field("title").max_length
# Which kind of result a suggestion offers first when two keys match alike.
KIND_ORDER = {CONFERENCE: 0, PERSON: 1, PAGE: 2, PRESENTATION: 3}
NO_YEAR = 9999


@dataclass(frozen=True)
class Entry:
    """One result the suggestions may offer, and the texts it is completed from (its title first)."""

    kind: str
    pk: int
    title: str
    year: int | None
    url_path: str
    slug: str
    texts: tuple


def _conferences():
    fields = ("pk", "title", "year", "city", "country", "theme", "host", "url_path")
    rows = ConferencePage.objects.live().public().values_list(*fields)
    return {row[0]: dict(zip(fields, row, strict=True)) for row in rows}


def _entries(conferences):
    """Every result a visitor may see, as Entries: four queries, whatever the size of the archive."""
    for facts in conferences.values():
        texts = (facts["title"], facts["city"], facts["country"], facts["theme"])
        yield Entry(CONFERENCE, facts["pk"], facts["title"], facts["year"], facts["url_path"], "", texts)
    rows = Presentation.objects.public().values_list("pk", "title", "slug", "conference_id")
    for pk, title, slug, conference_id in rows:
        if facts := conferences.get(conference_id):
            yield Entry(PRESENTATION, pk, title, facts["year"], facts["url_path"], slug, (title,))
    yield from _people(conferences)
    pages = Page.objects.live().public().filter(depth__gt=1).not_type(ConferencePage)
    for pk, title, url_path in pages.values_list("pk", "title", "url_path"):
        yield Entry(PAGE, pk, title, None, url_path, "", (title,))


def _people(conferences):
    """The people who presented something visitors may see, once each, with the year of their last talk."""
    index = ConferenceIndexPage.objects.live().order_by("path").values_list("url_path", flat=True).first()
    if index is None:
        return
    rows = Presenter.objects.filter(presentation__in=Presentation.objects.public()).values_list(
        "person_id", "person__name", "person__slug", "presentation__conference_id"
    )
    people = {}
    for pk, name, slug, conference_id in rows:
        year = conferences.get(conference_id, {}).get("year")
        known = people.get(pk)
        if known is None or (year or 0) > (known[2] or 0):
            people[pk] = (name, slug, year)
    for pk, (name, slug, year) in people.items():
        yield Entry(PERSON, pk, name, year, index, slug, (name,))


def _tokens(text):
    return WORD.findall((text or "").replace("’", "'"))


@lru_cache(maxsize=20_000)
def _term(token):
    """The folded token if it is a term of the vocabulary, else "" (the archive's words repeat: cached)."""
    term = fold(token)
    return term if _is_term(term) else ""


def vocabulary(entries, conferences):
    """{term: (label, frequency)}: every word of the titles, names, places, themes and hosts."""
    forms = defaultdict(Counter)
    texts = [text for entry in entries for text in entry.texts]
    texts += [facts["host"] for facts in conferences.values()]
    for text in texts:
        for token in _tokens(text):
            if term := _term(token):
                forms[term][token] += 1
    return {term: (_label(term, counted), sum(counted.values())) for term, counted in forms.items()}


def _is_term(term):
    return (
        MIN_TERM_LENGTH <= len(term) <= MAX_TERM_LENGTH
        and term not in STOPWORDS
        and not any(char.isdigit() for char in term)
        and WORD.fullmatch(term) is not None
    )


def _label(term, counted):
    """How the archive writes the word: as the common noun it is if it is ever written in lower case
    ("metadata", though titles capitalise it), else in its commonest form ("Gothenburg", "Montréal").
    """
    lower = [form for form in counted if form == form.lower()]
    if lower:
        return max(lower, key=lambda form: (counted[form], form))
    return max(counted, key=lambda form: (counted[form], form))


def suggestion_rows(entries):
    """{(key, target): Suggestion field values}: each entry's texts from each of their words on."""
    rows = {}
    for entry in entries:
        target = f"{entry.kind}:{entry.pk}"
        for number, text in enumerate(entry.texts):
            folded = WORD.findall(fold(text or ""))
            for start, word in enumerate(folded):
                if start and word in STOPWORDS:
                    continue  # nobody types "of data" to find "Sharing of data"
                key = " ".join(folded[start:])[:KEY_LENGTH].strip()
                weight = _weight(entry, starts_title=start == 0 and (number == 0 or entry.kind == CONFERENCE))
                known = rows.get((key, target))
                if known is None or weight < known["weight"]:
                    rows[(key, target)] = {
                        "key": key,
                        "weight": weight,
                        "kind": entry.kind,
                        "title": entry.title[:TITLE_LENGTH],
                        "year": entry.year,
                        "url_path": entry.url_path,
                        "slug": entry.slug,
                        "target": target,
                    }
    return rows


def _weight(entry, *, starts_title):
    """Lower first: a title's beginning before a word inside it, then the kind, then the more recent."""
    band = (0 if starts_title else 1) * len(KIND_ORDER) + KIND_ORDER[entry.kind]
    return band * 10_000 + (NO_YEAR - (entry.year or 0) if entry.year else NO_YEAR)


TERM_FIELDS = ("term", "label", "frequency", "head", "tail", "length")
SUGGESTION_FIELDS = ("key", "weight", "kind", "title", "year", "url_path", "slug", "target")


def _term_row(term, label, frequency):
    return {
        "term": term,
        "label": label,
        "frequency": frequency,
        "head": term[:2],
        "tail": term[-2:],
        "length": len(term),
    }


def _sync(model, fields, wanted):
    """Make `model`'s rows exactly `wanted` (dicts of `fields`): delete what is gone, add what is new."""
    wanted_rows = {tuple(row[name] for name in fields) for row in wanted}
    held = {}
    for pk, *values in model.objects.values_list("pk", *fields):
        held.setdefault(tuple(values), []).append(pk)
    stale = [pk for values, pks in held.items() for pk in (pks if values not in wanted_rows else pks[1:])]
    for start in range(0, len(stale), 500):
        model.objects.filter(pk__in=stale[start : start + 500]).delete()
    new = [model(**dict(zip(fields, values, strict=True))) for values in wanted_rows - held.keys()]
    model.objects.bulk_create(new, batch_size=500)
    return len(stale), len(new)


@dataclass(frozen=True)
class Refreshed:
    terms: int
    suggestions: int
    removed: int
    added: int


def refresh():
    """Bring both tables in line with the published content; returns what they now hold and what changed."""
    conferences = _conferences()
    entries = list(_entries(conferences))
    terms = [_term_row(term, *found) for term, found in sorted(vocabulary(entries, conferences).items())]
    suggestions = list(suggestion_rows(entries).values())
    with transaction.atomic():
        removed_terms, added_terms = _sync(SearchTerm, TERM_FIELDS, terms)
        removed_keys, added_keys = _sync(Suggestion, SUGGESTION_FIELDS, suggestions)
    return Refreshed(len(terms), len(suggestions), removed_terms + removed_keys, added_terms + added_keys)
