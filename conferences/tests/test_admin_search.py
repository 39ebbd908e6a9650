"""The admin's search finds presentations, sessions and people, each with its conference and year."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from conferences import roles
from conferences.tests import builders

pytestmark = pytest.mark.django_db

SEARCH = reverse("programme_search:results")


@pytest.fixture
def section(home_page):
    section = builders.two_conference_section(home_page)
    plenary = builders.session(section["gothenburg"], "Opening plenary")
    sydney = builders.session(section["sydney"], "Sydney plenary", live=False)
    builders.presentation(plenary, "Metadata at scale", presenters=[("Grace Hopper", "Navy")])
    builders.presentation(sydney, "Sydney draft talk", presenters=[("Grace Hopper", "Navy")], live=False)
    builders.presentation(sydney, "Secret Sydney findings", presenters=[("Alan Turing", "Bletchley")], live=False)
    return section


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "a-long-pass-phrase"))
    return client


@pytest.fixture
def organiser(client, section):
    client.force_login(builders.member(roles.ensure_organisers(section["gothenburg"]).name, "organiser"))
    return client


def found(client, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    sections = page.select("section[aria-labelledby]")
    return {
        part["aria-labelledby"].removeprefix("found-"): [li.get_text(" ", strip=True) for li in part.select("li")]
        for part in sections
    }


def test_a_presentation_is_found_by_its_presenters_name_with_its_conference_and_year(admin, section):
    rows = found(admin, "Hopper")["presentations"]
    assert any("Metadata at scale" in row and "IASSIST 2022 (2022)" in row for row in rows)


def test_a_session_is_found_by_its_title_with_its_conference_and_year(admin, section):
    assert found(admin, "plenary")["sessions"][0].startswith("Opening plenary — IASSIST 2022 (2022)")


def test_sessions_are_listed_newest_conference_first(admin, section):
    rows = found(admin, "plenary")["sessions"]
    assert [row.split(" —")[0] for row in rows] == ["Opening plenary", "Sydney plenary"]


def test_a_person_is_found_with_their_years_and_talk_count(admin, section):
    assert found(admin, "Grace Hopper")["people"] == ["Grace Hopper — 2 presentations, 2019–2022"]


def test_an_organiser_finds_no_other_conferences_presentations_or_sessions(organiser, section):
    results = found(organiser, "Sydney")
    assert results["presentations"] == [] and results["sessions"] == []


def test_an_organiser_counts_no_other_conferences_draft_talks(organiser, section):
    assert found(organiser, "Hopper")["people"] == ["Grace Hopper — 1 presentation, 2022"]
    assert found(organiser, "Turing")["people"] == ["Alan Turing — no presentations"]


def test_the_sidebar_search_offers_the_programmes(admin, section):
    html = admin.get(reverse("wagtailadmin_pages:search"), {"q": "Hopper"}).content.decode()
    assert f'href="{SEARCH}?q=Hopper"' in html


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "x" * 100_000, "plenary\x00", "'; DROP TABLE conferences_session; --", "AND OR NOT", "   "],
)
def test_hostile_queries_get_a_clean_page(admin, section, query):
    response = admin.get(SEARCH, {"q": query})
    assert response.status_code == 200


def test_the_query_is_shown_escaped(admin, section):
    html = admin.get(SEARCH, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_a_visitor_may_not_search_the_programmes(client, section):
    response = client.get(SEARCH, {"q": "Hopper"})
    assert response.status_code == 302 and "login" in response["Location"]


def test_search_runs_a_bounded_number_of_queries(admin, section, django_assert_max_num_queries):
    plenary = section["gothenburg"].sessions.get()
    for number in range(30):
        builders.presentation(plenary, f"Hopper talk {number}", presenters=[("Grace Hopper", "")])
    with django_assert_max_num_queries(20):
        assert len(found(admin, "Hopper")["presentations"]) == 20
