"""Editing that does not surprise: addresses made for the editor, and errors that say where the other page is."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from conferences import roles
from conferences.models import ConferencePage, Presentation
from conferences.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


def new_conference_data(year=2028, **changes):
    """What the admin's add form posts for a new conference (the edit form's fields, from the builders)."""
    page = ConferencePage(
        title=f"IASSIST {year}",
        slug="",
        kind="annual",
        year=year,
        start_date=datetime.date(year, 6, 6),
        end_date=datetime.date(year, 6, 9),
    )
    return builders.conference_form_data(page, **changes)


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


@pytest.fixture
def session(index):
    return builders.session(builders.conference(index, 2025, title="IASSIST 2025"), "Session A1")


def add_presentation(client, session, title, slug=""):
    data = nested_form_data(
        {
            "session": session.pk,
            "title": title,
            "slug": slug,
            "sort_order": 1,
            "abstract": "",
            "video_id": "",
            "presenters": inline_formset([]),
            "dois": inline_formset([]),
            "materials": inline_formset([]),
            "action-publish": "1",
        }
    )
    return client.post(reverse("wagtailsnippets_conferences_presentation:add"), data)


def test_a_presentation_left_without_an_address_gets_one_from_its_title(admin_client, session):
    response = add_presentation(admin_client, session, "Data Skills: A Pathway!")
    assert response.status_code == 302
    assert Presentation.objects.get().slug == "data-skills-a-pathway"


def test_a_second_presentation_of_the_same_title_is_numbered(admin_client, session):
    for _ in range(3):
        add_presentation(admin_client, session, "Lightning talks")
    assert sorted(Presentation.objects.values_list("slug", flat=True)) == [
        "lightning-talks",
        "lightning-talks-2",
        "lightning-talks-3",
    ]


def test_the_same_title_in_another_conference_is_not_numbered(admin_client, session, index):
    other = builders.session(builders.conference(index, 2026, title="IASSIST 2026"))
    add_presentation(admin_client, session, "Lightning talks")
    add_presentation(admin_client, other, "Lightning talks")
    assert set(Presentation.objects.values_list("slug", flat=True)) == {"lightning-talks"}


def test_a_typed_address_is_kept(admin_client, session):
    add_presentation(admin_client, session, "Lightning talks", slug="lightning")
    assert Presentation.objects.get().slug == "lightning"


def test_a_typed_address_another_presentation_has_is_refused_on_the_field(admin_client, session):
    builders.presentation(session, "Census of Canada", slug="census")
    response = add_presentation(admin_client, session, "Another census", slug="census")
    assert response.status_code == 200
    assert "“Census of Canada” has this address already" in error_html(response, "slug")
    assert Presentation.objects.count() == 1


@pytest.mark.parametrize("title", ["!!!", "Ünïcödé ☃", "x" * 1000])
def test_a_title_that_makes_a_poor_address_still_gets_a_valid_one(admin_client, session, title):
    add_presentation(admin_client, session, title)
    slug = Presentation.objects.get().slug
    assert slug and len(slug) <= 100 and slug.replace("-", "").isalnum() and slug.isascii()


def test_a_presentation_saved_in_code_without_an_address_is_numbered_too(session):
    builders.presentation(session, "Keynote", slug="keynote")
    item = Presentation(conference=session.conference, session=session, title="Keynote", slug="")
    item.save()
    assert item.slug == "keynote-2"


def autosaves(response):
    assert response.status_code == 200
    return "data-w-autosave-interval-value" in response.content.decode()


def test_a_new_page_form_is_not_autosaved(admin_client, index):
    url = reverse("wagtailadmin_pages:add", args=["conferences", "conferencepage", index.pk])
    assert not autosaves(admin_client.get(url))


def test_a_saved_page_is_autosaved_as_wagtail_does(admin_client, index):
    page = builders.conference(index, 2027)
    assert autosaves(admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))


def test_a_new_presentation_form_is_not_autosaved(admin_client, session):
    assert not autosaves(admin_client.get(reverse("wagtailsnippets_conferences_presentation:add")))


def test_a_saved_presentation_is_autosaved_as_wagtail_does(admin_client, session):
    item = builders.presentation(session, "Census")
    assert autosaves(admin_client.get(reverse("wagtailsnippets_conferences_presentation:edit", args=[item.pk])))


def test_the_explorer_still_lists_the_section(admin_client, index):
    builders.conference(index, 2027, title="IASSIST 2027")
    response = admin_client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert "IASSIST 2027" in response.content.decode()


def test_the_dashboard_names_the_site_iassist_not_its_host(admin_client, home_page):
    soup = BeautifulSoup(admin_client.get(reverse("wagtailadmin_home")).content, "html.parser")
    assert soup.h1.get_text(strip=True) == "IASSIST"


def test_saved_forms_autosave_only_after_the_editor_pauses(admin_client, index):
    page = builders.conference(index, 2027)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-w-autosave-interval-value="5000"' in html


@pytest.fixture
def review(home_page):
    """A web team member, and an organiser of IASSIST 2022 whose edits wait for the web team."""
    section = builders.two_conference_section(home_page)
    organiser = builders.member(roles.ensure_organisers(section["gothenburg"]).name, "organiser")
    return {**section, "organiser": organiser, "web_team": builders.member(roles.WEB_TEAM, "webteam")}


def awaiting_review(client, user):
    client.force_login(user)
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    return [cell.get_text(" ", strip=True) for cell in soup.select("#awaiting-review-content td.title")]


def test_a_presentation_awaiting_review_says_what_it_is_and_which_conference(client, review):
    talk = builders.presentation(builders.session(review["gothenburg"]), "Census of Canada")
    talk.save_revision(user=review["organiser"])
    talk.get_default_workflow().start(talk, review["organiser"])
    assert awaiting_review(client, review["web_team"]) == ["Presentation: Census of Canada — IASSIST 2022"]


def test_a_session_awaiting_review_says_what_it_is_and_which_conference(client, review):
    session = builders.session(review["sydney"], "Opening plenary")
    session.save_revision(user=review["organiser"])
    session.get_default_workflow().start(session, review["organiser"])
    assert awaiting_review(client, review["web_team"]) == ["Session: Opening plenary — IASSIST 2019"]


def test_the_row_names_what_the_draft_says_not_the_published_title(review):
    talk = builders.presentation(builders.session(review["gothenburg"]), "Census of Canada")
    talk.title = "Census of Canada, revised"
    revision = talk.save_revision()
    assert revision.object_str == "Presentation: Census of Canada, revised — IASSIST 2022"
    assert str(talk) == "Census of Canada, revised"


def test_the_go_live_picker_says_which_time_zone_it_reads(admin_client, index):
    page = builders.conference(index, 2027)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "When the page goes live, in UTC (your time zone in the admin)." in html
    assert "When the page expires, in UTC (your time zone in the admin)." in html


def test_the_go_live_picker_follows_the_editors_own_time_zone(admin_client, admin_user, index):
    profile = UserProfile.get_for_user(admin_user)
    profile.current_time_zone = "America/Toronto"
    profile.save()
    page = builders.conference(index, 2027)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "When the page goes live, in America/Toronto" in html


def test_the_admin_loads_the_stylesheet_that_keeps_the_date_picker_off_the_save_button(admin_client, index):
    page = builders.conference(index, 2027)
    soup = BeautifulSoup(admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content, "html.parser")
    assert soup.find("link", rel="stylesheet", href="/static/conferences/admin.css") is not None
