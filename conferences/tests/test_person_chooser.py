"""The person chooser of a presentation's presenters: enough to tell people apart, and a new one inline."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from conferences.models import Person
from conferences.tests import builders

pytestmark = pytest.mark.django_db


def chooser(view):
    return reverse(f"wagtailsnippetchoosers_conferences_person:{view}")


@pytest.fixture
def archive(home_page):
    index = builders.conference_index(home_page)
    sydney = builders.session(builders.conference(index, 2019, title="IASSIST 2019"))
    gothenburg = builders.session(builders.conference(index, 2022, title="IASSIST 2022"))
    builders.presentation(sydney, "Census", presenters=[("Kevin Manuel", "Ryerson University")])
    builders.presentation(gothenburg, "FAIR", presenters=[("Kevin Manuel", "Toronto Metropolitan University")])
    builders.presentation(gothenburg, "Panel", presenters=[("Kevin Manuel", "")])
    builders.presentation(sydney, "Skills", presenters=[("Ana Alves", "UKDS")])
    builders.person("Zoë Newcomer")
    return index


def rows(html):
    """Each row's cells as text, tags and spacing dropped."""
    found = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)[1:]:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        found.append([" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells])
    return found


def results(client, **params):
    response = client.get(chooser("choose_results"), params)
    assert response.status_code == 200
    return rows(response.content.decode())


def test_each_row_shows_years_talks_and_last_institution(admin_client, archive):
    assert ["Kevin Manuel", "2019–2022", "3", "Toronto Metropolitan University"] in results(admin_client)


def test_a_person_with_one_year_shows_that_year(admin_client, archive):
    assert ["Ana Alves", "2019", "1", "UKDS"] in results(admin_client)


def test_a_person_without_talks_shows_no_years(admin_client, archive):
    assert ["Zoë Newcomer", "", "0", ""] in results(admin_client)


def test_newest_activity_comes_first_and_people_without_talks_last(admin_client, archive):
    names = [row[0] for row in results(admin_client)]
    assert names == ["Kevin Manuel", "Ana Alves", "Zoë Newcomer"]


def test_people_can_be_listed_by_name(admin_client, archive):
    names = [row[0] for row in results(admin_client, order="name")]
    assert names == ["Ana Alves", "Kevin Manuel", "Zoë Newcomer"]


def test_search_finds_part_of_a_name_without_its_accent(admin_client, archive):
    assert [row[0] for row in results(admin_client, q="zoe new")] == ["Zoë Newcomer"]


@pytest.mark.parametrize("query", ['"', "'; drop table", "<script>", "a" * 5000, "AND OR NOT"])
def test_hostile_searches_answer_with_an_empty_listing(admin_client, archive, query):
    assert results(admin_client, q=query) == []


def test_a_search_with_a_nul_byte_is_ignored_rather_than_sent_to_the_database(admin_client, archive):
    assert len(results(admin_client, q="kevin\x00")) == 3


def test_the_listing_runs_a_bounded_number_of_queries(admin_client, archive, django_assert_max_num_queries):
    for year in range(2000, 2010):
        session = builders.session(builders.conference(archive, year))
        builders.presentation(session, presenters=[(f"Person {year}", "Somewhere"), ("Kevin Manuel", "TMU")])
    admin_client.get(chooser("choose_results"))
    with django_assert_max_num_queries(6):
        assert len(results(admin_client)) == 13


def test_the_choose_view_offers_a_new_person_form(admin_client, archive):
    html = json.loads(admin_client.get(chooser("choose")).content)["html"]
    assert "New person" in html and 'name="name"' in html and 'name="orcid"' in html


def create(client, **data):
    response = client.post(chooser("create"), data)
    assert response.status_code == 200
    return json.loads(response.content)


def test_a_new_person_is_created_and_chosen(admin_client, archive):
    answer = create(admin_client, name="  Rosa   Orlandini ", orcid="https://orcid.org/0000-0002-1825-0097")
    person = Person.objects.get(name="Rosa Orlandini")
    assert answer["step"] == "chosen"
    assert answer["result"]["id"] == str(person.pk) and answer["result"]["string"] == "Rosa Orlandini"
    assert person.orcid == "0000-0002-1825-0097"


def test_a_name_that_exists_already_is_refused(admin_client, archive):
    answer = create(admin_client, name="kevin  manuel.")
    assert answer["step"] == "reshow_creation_form"
    assert "A person with this name already exists." in answer["htmlFragment"]
    assert Person.objects.filter(name_key="kevin manuel").count() == 1


@pytest.mark.parametrize("name", ["", "   ", "...", "x" * 201])
def test_an_empty_or_overlong_name_is_refused(admin_client, archive, name):
    assert create(admin_client, name=name)["step"] == "reshow_creation_form"
    assert Person.objects.count() == 3


def test_a_malformed_orcid_is_refused_and_nothing_is_saved(admin_client, archive):
    answer = create(admin_client, name="Rosa Orlandini", orcid="not an orcid")
    assert answer["step"] == "reshow_creation_form"
    assert not Person.objects.filter(name="Rosa Orlandini").exists()


def test_a_hostile_name_is_escaped_in_the_listing(admin_client, archive):
    create(admin_client, name="<script>alert(1)</script>")
    html = admin_client.get(chooser("choose_results"), {"order": "name"}).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_a_user_without_the_add_permission_gets_no_form_and_cannot_post(client, archive):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "a-long-pass-phrase")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    html = json.loads(client.get(chooser("choose")).content)["html"]
    assert 'name="orcid"' not in html
    client.post(chooser("create"), {"name": "Rosa Orlandini"})
    assert not Person.objects.filter(name="Rosa Orlandini").exists()
