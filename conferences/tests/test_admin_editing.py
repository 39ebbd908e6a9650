"""Editing that does not surprise: addresses made for the editor, and errors that say where the other page is."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from conferences.models import ConferencePage
from conferences.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


def new_conference_data(year=2028, **changes):
    fields = {
        "title": f"IASSIST {year}",
        "slug": "",
        "kind": "annual",
        "year": str(year),
        "date_precision": "day",
        "attendance_mode": "in_person",
        "start_date": f"{year}-06-06",
        "end_date": f"{year}-06-09",
        "body": streamfield([]),
        "menu": streamfield([]),
    }
    return nested_form_data({**fields, **changes})


def add_conference(client, index, **changes):
    url = reverse("wagtailadmin_pages:add", args=["conferences", "conferencepage", index.pk])
    return client.post(url, new_conference_data(**changes))


def error_html(response, field):
    """The HTML of the errors shown on `field` of the re-shown form."""
    form = response.context["form"]
    return "".join(str(error) for error in form.errors.get(field, []))


@pytest.mark.parametrize("typed", ["", "iassist-2028"])
def test_a_new_annual_conference_without_its_own_address_gets_iassist_and_its_year(admin_client, index, typed):
    add_conference(admin_client, index, slug=typed)
    assert ConferencePage.objects.get(year=2028).slug == "iassist2028"


def test_an_address_the_editor_typed_is_kept(admin_client, index):
    add_conference(admin_client, index, slug="washington-2028")
    assert ConferencePage.objects.get(year=2028).slug == "washington-2028"


def test_a_workshop_keeps_the_address_made_from_its_title(admin_client, index):
    add_conference(admin_client, index, title="Data Curation Workshop", slug="data-curation-workshop", kind="workshop")
    assert ConferencePage.objects.get(year=2028).slug == "data-curation-workshop"


def test_renaming_an_existing_conference_does_not_change_its_address(admin_client, index):
    page = builders.conference(index, 2027, title="IASSIST 2027", slug="iassist-2027")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    admin_client.post(url, builders.conference_form_data(page, slug="iassist-2027", title="IASSIST 2027"))
    page.refresh_from_db()
    assert page.slug == "iassist-2027"


def test_the_new_page_form_says_how_the_address_is_made(admin_client, index):
    url = reverse("wagtailadmin_pages:add", args=["conferences", "conferencepage", index.pk])
    assert "gets iassistYYYY from its year" in admin_client.get(url).content.decode()


def test_a_taken_address_names_and_links_the_draft_that_holds_it(admin_client, index):
    draft = builders.conference(index, 2028, title="IASSIST 2028", slug="iassist2028", live=False)
    response = add_conference(admin_client, index, title="IASSIST 2028 again", slug="iassist2028")
    errors = error_html(response, "slug")
    assert "IASSIST 2028 (draft" in errors
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[draft.pk])}"' in errors
    assert ConferencePage.objects.count() == 1


def test_a_taken_ordinal_names_and_links_the_draft_that_holds_it(admin_client, index):
    draft = builders.conference(index, 2028, title="IASSIST 2028", slug="iassist2028", live=False, ordinal=54)
    response = add_conference(admin_client, index, title="IASSIST 2028 (2)", slug="second", ordinal="54")
    errors = error_html(response, "ordinal")
    assert "IASSIST 2028 (draft, " in errors and "is already the 54th annual conference." in errors
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[draft.pk])}"' in errors


def test_a_hostile_title_in_a_clash_is_escaped(admin_client, index):
    builders.conference(index, 2028, title="<b>100% IASSIST</b>", slug="iassist2028", ordinal=54)
    response = add_conference(admin_client, index, slug="second", ordinal="54")
    errors = error_html(response, "ordinal")
    assert "&lt;b&gt;100% IASSIST&lt;/b&gt; (published, " in errors and "<b>" not in errors


def test_the_model_names_the_clash_in_words_for_the_importer(index):
    builders.conference(index, 2028, title="IASSIST 2028", slug="iassist2028", live=False, ordinal=54)
    page = ConferencePage(title="Another", slug="another", year=2028, ordinal=54, kind="annual")
    page._cached_parent_obj = index
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["ordinal"] == ["IASSIST 2028 (draft) is already the 54th annual conference."]
