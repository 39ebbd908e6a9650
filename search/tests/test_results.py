"""What the results page shows of each kind of result: search.results.Result and its hydration."""

import dataclasses
import re
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Q

from conferences.models import Presentation
from search import retrieval
from search.engine import run_search
from search.query import ParsedQuery
from search.results import Result, hydrate

pytestmark = pytest.mark.django_db

RESULT_TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "search" / "includes" / "result.html"


def shown(query, kind):
    """The first hydrated result of `kind` for `query`."""
    candidates = [c for c in run_search(query).results if c.kind == kind]
    return hydrate(candidates[:1], ParsedQuery.parse(query))[0]


def test_the_result_template_reads_only_what_a_result_declares():
    # A template reads a missing attribute as "" without a word: every name it reads must be declared.
    declared = {item.name for item in dataclasses.fields(Result)}
    declared |= {name for name, value in vars(Result).items() if isinstance(value, property)}
    read = set(re.findall(r"\bresult\.(\w+)", RESULT_TEMPLATE.read_text()))
    assert read and read <= declared, read - declared


def test_a_presentation_result_has_its_presenters_session_and_abstract(site):
    result = shown("Who is counted", "presentation")
    assert result.people == ["Kevin Manuel", "Rosa Orlandini"]
    assert result.session == "Session A1"
    assert result.snippet_text.startswith("Finding data on race")


def test_a_person_result_counts_their_presentations_and_years(site):
    result = shown("Kevin Manuel", "person")
    assert (result.talks, result.first_year, result.last_year) == (2, 2019, 2022)
    assert result.snippet_text == "Ryerson University; Toronto Metropolitan University"


def test_a_conference_result_has_its_dates_place_ordinal_theme_and_host(site):
    result = shown("Gothenburg 2022", "conference")
    assert (result.dates, result.location, result.ordinal_text) == ("June 7–10, 2022", "Gothenburg, Sweden", "47th")
    assert result.snippet_text == (
        "Data by Design: Building a Sustainable Data Culture Hosted by Swedish National Data Service (SND)."
    )


def test_a_page_result_has_its_text(site):
    result = shown("Conference Code of Conduct", "page")
    assert "harassment-free conference experience" in result.snippet_text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL ranks a bounded set of matches")
def test_postgresql_ranks_the_newest_matches_up_to_the_bound_and_says_there_are_more(client, site, monkeypatch):
    monkeypatch.setattr(retrieval, "RANKED_MATCHES", 2)
    live = Presentation.objects.live().filter(Q(title__icontains="data") | Q(abstract__icontains="data"))
    newest = set(live.order_by("-pk").values_list("title", flat=True)[:3])
    outcome = run_search("data", kind="presentation")
    assert {c.title for c in outcome.results} == newest
    assert outcome.matches_at_least
    assert "the best of more than" in client.get("/search/", {"q": "data"}).text
