"""Relevance on the whole imported IASSIST archive (../shared/iassist-hugo; skipped when absent).

The queries are made from the imported records themselves, the way a visitor
would type them (a city and a year, an ordinal, a theme, a DOI, a title, a
name), and each names the result it must put first. Nothing here depends on a
particular conference being in the tree.
"""

from collections import Counter

import pytest
from django.db.models import Count

from conferences.choices import ConferenceKind
from conferences.models import ConferencePage, Person, Presentation, PresentationDOI
from search.engine import run_search
from search.text import fold, words

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

CASES_PER_RULE = 6


def spread(items, count=CASES_PER_RULE):
    """`count` items taken evenly across `items`, so that old and new records are both tried."""
    items = list(items)
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(number * step)] for number in range(count)]


def first(query):
    results = run_search(query).results
    assert results, f"nothing found for {query!r}"
    return results[0]


def check(subtests, cases):
    assert len(cases) >= 3, "too few records in the tree to test this rule"
    for query, kind, pk in cases:
        with subtests.test(query=query):
            top = first(query)
            assert (top.kind, top.pk) == (kind, pk), f"{query!r} put {top.kind} {top.title!r} first"


def live_annual_conferences():
    return list(ConferencePage.objects.live().filter(kind=ConferenceKind.ANNUAL).order_by("year", "pk"))


def test_a_city_and_year_put_that_conference_first(imported_site, subtests):
    conferences = [c for c in live_annual_conferences() if c.city]
    per_year = Counter(c.year for c in conferences)
    cases = [
        (f"{c.city.split(',')[0]} {c.year}", "conference", c.pk)
        for c in spread([c for c in conferences if per_year[c.year] == 1])
    ]
    check(subtests, cases)


def test_an_ordinal_puts_that_conference_first(imported_site, subtests):
    conferences = [c for c in live_annual_conferences() if c.ordinal]
    cases = [(f"{c.ordinal_text} IASSIST conference", "conference", c.pk) for c in spread(conferences)]
    check(subtests, cases)


def test_a_theme_puts_that_conference_first(imported_site, subtests):
    conferences = [c for c in live_annual_conferences() if len(words(c.theme)) >= 4]
    themes = Counter(fold(c.theme) for c in conferences)
    cases = [(c.theme, "conference", c.pk) for c in spread(c for c in conferences if themes[fold(c.theme)] == 1)]
    check(subtests, cases)


def test_a_doi_puts_its_presentation_first(imported_site, subtests):
    unique = (
        PresentationDOI.objects.values("doi")
        .annotate(uses=Count("presentation", distinct=True))
        .filter(uses=1)
        .order_by("doi")
        .values_list("doi", flat=True)
    )
    dois = spread(unique)
    owners = dict(PresentationDOI.objects.filter(doi__in=dois).values_list("doi", "presentation_id"))
    cases = [(f"https://doi.org/{doi}", "presentation", owners[doi]) for doi in dois]
    check(subtests, cases)


def test_an_exact_title_puts_its_presentation_first(imported_site, subtests):
    presentations = list(Presentation.objects.order_by("pk").only("pk", "title"))
    titles = Counter(fold(p.title).strip() for p in presentations)
    distinct = [p for p in presentations if titles[fold(p.title).strip()] == 1 and len(words(p.title)) >= 4]
    cases = [(p.title, "presentation", p.pk) for p in spread(distinct)]
    check(subtests, cases)


def test_a_persons_name_puts_that_person_first(imported_site, subtests):
    people = Person.objects.annotate(talks=Count("presenter_entries")).filter(talks__gte=2).order_by("name_key", "pk")
    cases = [(person.name, "person", person.pk) for person in spread(people)]
    check(subtests, cases)


def test_a_persons_name_lists_their_presentations_next(imported_site):
    person = Person.objects.annotate(talks=Count("presenter_entries")).order_by("-talks", "pk").first()
    results = run_search(person.name).results
    talks = set(Presentation.objects.filter(presenters__person=person).values_list("pk", flat=True))
    following = [(c.kind, c.pk) for c in results[1 : 1 + min(len(talks), 5)]]
    assert results[0].pk == person.pk
    assert all(kind == "presentation" and pk in talks for kind, pk in following), following


def test_gothenburg_2022_finds_the_swedish_conference(imported_site):
    conference = ConferencePage.objects.live().filter(year=2022, city__icontains="Gothenburg").first()
    if conference is None:
        pytest.skip("the tree has no 2022 conference in Gothenburg")
    assert (first("Gothenburg 2022").kind, first("Gothenburg 2022").pk) == ("conference", conference.pk)


def test_a_topic_finds_presentations_that_mention_it(imported_site):
    outcome = run_search("data curation")
    presentations = [c for c in outcome.results if c.kind == "presentation"][:10]
    assert len(presentations) == 10
    for candidate in presentations:
        item = Presentation.objects.get(pk=candidate.pk)
        text = fold(f"{item.title} {item.abstract}")
        assert "curat" in text and "data" in text, item.title
