"""What editors change shows in the search results at once."""

import pytest
from wagtail.models import PageViewRestriction

from conferences.models import Person, PresentationDOI, Presenter
from conferences.tests import builders
from search.cache import forget_content
from search.engine import run_search
from search.query import ParsedQuery
from search.results import hydrate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["read afresh", "kept per content generation"])
def content_memo(request, settings):
    """Every test twice: with what searches read besides the index read each time, and kept (search/cache.py)."""
    settings.SEARCH_CONTENT_MEMO = request.param != "read afresh"
    forget_content()
    # The first search of each test reads (and, when kept, keeps) the content as it is before the change.
    yield
    forget_content()


def found(query, kind=None):
    return [(c.kind, c.title) for c in run_search(query, kind=kind).results]


def shown(query, title, kind):
    """The result titled `title` as the results page shows it, for `query` searched now."""
    candidates = [c for c in run_search(query, kind=kind).results if c.title == title]
    return hydrate(candidates, ParsedQuery.parse(query))[0]


def test_a_published_page_is_found(site):
    page = builders.content_page(site["index"], "Hosting guidelines", slug="hosting")
    page.unpublish()
    assert ("page", "Hosting guidelines") not in found("hosting guidelines")
    page.save_revision().publish()
    assert ("page", "Hosting guidelines") in found("hosting guidelines")


def test_an_unpublished_conference_is_not_found(site):
    assert found("Sydney")[0] == ("conference", "IASSIST 2019")
    site["sydney"].unpublish()
    assert ("conference", "IASSIST 2019") not in found("Sydney")


def test_the_presentations_of_an_unpublished_conference_are_not_found(site):
    assert ("presentation", "FAIR Everywhere") in found("fair everywhere")
    site["sydney"].unpublish()
    assert ("presentation", "FAIR Everywhere") not in found("fair everywhere")


def test_a_deleted_page_is_not_found(site):
    assert ("page", "Conference Code of Conduct") in found("code of conduct")
    site["code_of_conduct"].delete()
    assert ("page", "Conference Code of Conduct") not in found("code of conduct")


def test_a_renamed_conference_theme_is_found(site):
    conference = site["montreal_2018"]
    conference.theme = "Stories told with zebrafish"
    conference.save_revision().publish()
    assert found("zebrafish")[0] == ("conference", "IASSIST 2018")


def test_an_edited_presentation_title_is_found(site):
    presentation = site["fair"]
    presentation.title = "FAIR principles for the humanities"
    presentation.save()
    assert found("humanities")[0] == ("presentation", "FAIR principles for the humanities")
    assert ("presentation", "FAIR Everywhere") not in found("everywhere")


def test_a_presenter_added_to_a_presentation_is_found_with_it(site):
    presentation = site["metadata"]
    Presenter.objects.create(
        presentation=presentation, person=builders.person("Wendy Thomas"), institution="Minnesota", sort_order=5
    )
    assert ("presentation", "Metadata") in found("Wendy Thomas", kind="presentation")
    assert ("person", "Wendy Thomas") in found("Wendy Thomas")


def test_a_removed_presenter_no_longer_finds_the_presentation(site):
    assert ("presentation", "Metadata") in found("Vardigan", kind="presentation")
    site["metadata"].presenters.all().delete()
    assert ("presentation", "Metadata") not in found("Vardigan", kind="presentation")


def test_a_renamed_person_finds_their_presentations_under_the_new_name(site):
    person = Person.objects.get(name="Mary Vardigan")
    person.name = "Mary Vardigan-Smith"
    person.save()
    assert ("presentation", "Metadata") in found("Vardigan-Smith", kind="presentation")


def test_a_deleted_presentation_is_not_found(site):
    assert ("presentation", "FAIR Everywhere") in found("fair everywhere")
    site["fair"].delete()
    assert ("presentation", "FAIR Everywhere") not in found("fair everywhere")


def test_an_added_doi_finds_its_presentation(site):
    PresentationDOI.objects.create(presentation=site["metadata"], doi="10.5281/zenodo.4242424")
    assert found("10.5281/zenodo.4242424")[0] == ("presentation", "Metadata")


def test_editing_a_presentation_in_the_admin_reindexes_it_with_its_presenters(admin_client, site):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    presentation = site["curation"]
    entry = presentation.presenters.get()
    data = nested_form_data(
        {
            "conference": presentation.conference_id,
            "session": presentation.session_id,
            "title": "Data curation services in academic libraries",
            "slug": presentation.slug,
            "sort_order": presentation.sort_order,
            "abstract": presentation.abstract,
            "video_id": "",
            "presenters": inline_formset(
                [
                    {"id": entry.pk, "person": entry.person_id, "institution": entry.institution, "doi": ""},
                    {"person": builders.person("Ingrid Lindqvist").pk, "institution": "SND", "doi": ""},
                ],
                initial=1,
            ),
            "dois": inline_formset([]),
            "materials": inline_formset([]),
            # Published: a saved draft changes neither the row nor the index.
            "action-publish": "1",
        }
    )
    url = f"/admin/snippets/conferences/presentation/edit/{presentation.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert ("presentation", "Data curation services in academic libraries") in found(
        "Ingrid Lindqvist", kind="presentation"
    )


def test_a_page_restricted_after_a_search_is_not_found(site):
    assert ("page", "Conference Code of Conduct") in found("code of conduct")
    PageViewRestriction.objects.create(page=site["code_of_conduct"], restriction_type="password", password="x")
    assert ("page", "Conference Code of Conduct") not in found("code of conduct")


def test_drafts_and_the_presentations_of_a_draft_session_are_not_found(site, retriever):
    draft_session = builders.session(site["gothenburg"], "Session Z9", live=False)
    builders.presentation(draft_session, "Xylophonic data in a draft session")
    builders.presentation(site["fair"].session, "Xylophonic data never published", live=False)
    builders.presentation(site["fair"].session, "Xylophonic data published")
    found_titles = [c.title for c in run_search("xylophonic", retriever=retriever).results]
    assert found_titles == ["Xylophonic data published"]


def test_an_edited_abstract_shows_in_the_next_results(site):
    assert shown("fair everywhere", "FAIR Everywhere", "presentation").snippet_text.startswith("Making research")
    presentation = site["fair"]
    presentation.abstract = "Findable zebrafish data."
    presentation.save()
    assert shown("fair everywhere", "FAIR Everywhere", "presentation").snippet_text == "Findable zebrafish data."


def test_an_added_presenter_shows_among_the_presentations_people(site):
    assert shown("metadata", "Metadata", "presentation").people == ["Mary Vardigan"]
    Presenter.objects.create(
        presentation=site["metadata"], person=builders.person("Wendy Thomas"), institution="Minnesota", sort_order=5
    )
    assert shown("metadata", "Metadata", "presentation").people == ["Mary Vardigan", "Wendy Thomas"]


def test_a_renamed_session_shows_in_the_next_results(site):
    assert shown("metadata", "Metadata", "presentation").session == "Session C1"
    session = site["metadata"].session
    session.title = "Documenting data"
    session.save()
    assert shown("metadata", "Metadata", "presentation").session == "Documenting data"


def test_a_persons_new_presentation_counts_in_the_next_results(site):
    before = shown("Mary Vardigan", "Mary Vardigan", "person")
    assert (before.talks, before.first_year, before.last_year) == (1, 2007, 2007)
    builders.presentation(site["gothenburg"].sessions.get(), "DDI at fifty", presenters=[("Mary Vardigan", "SND")])
    after = shown("Mary Vardigan", "Mary Vardigan", "person")
    assert (after.talks, after.first_year, after.last_year) == (2, 2007, 2022)
    assert after.snippet_text == "SND; ICPSR"


def test_a_presentation_restricted_with_its_conference_no_longer_counts_for_its_people(site):
    assert shown("Kevin Manuel", "Kevin Manuel", "person").talks == 2
    PageViewRestriction.objects.create(page=site["sydney"], restriction_type=PageViewRestriction.LOGIN)
    assert shown("Kevin Manuel", "Kevin Manuel", "person").talks == 1
