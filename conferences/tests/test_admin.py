import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from conferences.models import Presentation
from conferences.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(home_page):
    index = builders.conference_index(home_page)
    gothenburg = builders.conference(index, 2022, title="IASSIST 2022")
    sydney = builders.conference(index, 2019, title="IASSIST 2019", city="Sydney")
    a1 = builders.session(gothenburg, "Session A1")
    b1 = builders.session(sydney, "Session B1")
    return {
        "gothenburg": gothenburg,
        "sydney": sydney,
        "a1": a1,
        "census": builders.presentation(a1, "Census of Canada", presenters=[("Kevin Manuel", "Ryerson")]),
        "skills": builders.presentation(a1, "Data Skills Pathway", presenters=[("Sarah King-Hele", "UKDS")]),
        "fair": builders.presentation(b1, "FAIR Everywhere", presenters=[("Kevin Manuel", "TMU")]),
    }


def listing(admin_client, model, **params):
    response = admin_client.get(reverse(f"wagtailsnippets_conferences_{model}:list"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_presentations_are_listed(admin_client, programme):
    html = listing(admin_client, "presentation")
    assert "Census of Canada" in html and "FAIR Everywhere" in html


def test_presentations_filter_by_conference(admin_client, programme):
    html = listing(admin_client, "presentation", conference=programme["sydney"].pk)
    assert "FAIR Everywhere" in html and "Census of Canada" not in html


def test_presentations_filter_by_session(admin_client, programme):
    html = listing(admin_client, "presentation", session=programme["a1"].pk)
    assert "Census of Canada" in html and "FAIR Everywhere" not in html


def test_the_session_filter_is_a_chooser_not_a_drop_down_of_every_session(admin_client, programme):
    page = BeautifulSoup(listing(admin_client, "presentation"), "html.parser")
    assert not page.select('select[name="session"]')
    assert page.select_one('input[name="session"]') is not None


def test_a_chosen_session_is_shown_in_its_filter(admin_client, programme):
    page = BeautifulSoup(listing(admin_client, "presentation", session=programme["a1"].pk), "html.parser")
    assert page.select_one('input[name="session"]')["value"] == str(programme["a1"].pk)
    assert "Session A1" in page.select_one(".snippet-chooser, [data-chooser]").get_text()


@pytest.mark.parametrize("value", ["99999999999999999999999", "abc", "-1", "1 OR 1=1", "<b>x</b>"])
def test_a_session_filter_that_names_no_session_is_reported_on_a_clean_page(admin_client, programme, value):
    html = listing(admin_client, "presentation", session=value)
    assert "Select a valid choice" in html
    assert "<b>x</b>" not in html


def test_presentations_filter_by_presenter(admin_client, programme):
    html = listing(admin_client, "presentation", presenter="king-hele")
    assert "Data Skills Pathway" in html and "Census of Canada" not in html


def test_presentations_search_by_title(admin_client, programme):
    html = listing(admin_client, "presentation", q="census")
    assert "Census of Canada" in html and "Data Skills Pathway" not in html


def test_sessions_filter_by_conference(admin_client, programme):
    html = listing(admin_client, "session", conference=programme["gothenburg"].pk)
    assert "Session A1" in html and "Session B1" not in html


def test_people_listing_counts_talks(admin_client, programme):
    html = listing(admin_client, "person")
    row = html[html.index("Kevin Manuel") :]
    assert ">2<" in row.split("</tr>")[0].replace(" ", "").replace("\n", "")


def test_edit_presentation_with_presenters_inline(admin_client, programme):
    census = programme["census"]
    entry = census.presenters.get()
    other = builders.person("Rosa Orlandini")
    data = nested_form_data(
        {
            "session": programme["a1"].pk,
            "title": "Census of Canada, revised",
            "slug": census.slug,
            "sort_order": 1,
            "abstract": "New abstract",
            "video_id": "",
            "presenters": inline_formset(
                [
                    {"id": entry.pk, "person": entry.person_id, "institution": "TMU", "doi": ""},
                    {"person": other.pk, "institution": "York University", "doi": ""},
                ],
                initial=1,
            ),
            "dois": inline_formset([{"doi": "https://doi.org/10.5281/zenodo.42"}]),
            "materials": inline_formset([]),
            "action-publish": "1",
        }
    )
    response = admin_client.post(reverse("wagtailsnippets_conferences_presentation:edit", args=[census.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    census = Presentation.objects.get(pk=census.pk)
    assert census.title == "Census of Canada, revised"
    assert [(e.person.name, e.institution) for e in census.presenters.all()] == [
        ("Kevin Manuel", "TMU"),
        ("Rosa Orlandini", "York University"),
    ]
    assert [d.doi for d in census.dois.all()] == ["10.5281/zenodo.42"]


def test_edit_refuses_a_bad_doi_and_saves_nothing(admin_client, programme):
    census = programme["census"]
    entry = census.presenters.get()
    data = nested_form_data(
        {
            "session": programme["a1"].pk,
            "title": "Changed title",
            "slug": census.slug,
            "sort_order": 1,
            "abstract": "",
            "video_id": "",
            "presenters": inline_formset(
                [{"id": entry.pk, "person": entry.person_id, "institution": "X", "doi": ""}], initial=1
            ),
            "dois": inline_formset([{"doi": "not a doi"}]),
            "materials": inline_formset([]),
        }
    )
    response = admin_client.post(reverse("wagtailsnippets_conferences_presentation:edit", args=[census.pk]), data)
    assert response.status_code == 200
    assert "Enter a DOI" in response.content.decode()
    assert Presentation.objects.get(pk=census.pk).title == "Census of Canada"


def test_deleting_a_conference_says_what_goes_with_it(admin_client, programme):
    response = admin_client.get(reverse("wagtailadmin_pages:delete", args=[programme["gothenburg"].pk]))
    assert "also deletes its programme: 1 session and 2 presentations" in response.content.decode()


def test_deleting_the_conferences_index_says_what_goes_with_it(admin_client, programme):
    index = programme["gothenburg"].get_parent()
    response = admin_client.get(reverse("wagtailadmin_pages:delete", args=[index.pk]))
    assert "also deletes 2 conferences with their programmes: 2 sessions and 3 presentations" in (
        response.content.decode()
    )
