"""Programme edits are moderated: organisers save drafts and submit them, the web team publishes.

Visitors see the published version of every session and presentation, and nothing of one that
was created as a draft and never approved.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Task, WorkflowContentType, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from conferences import roles
from conferences.models import Presentation, Session
from conferences.tests import builders
from search.engine import run_search
from search.retrieval import IndexTableRetriever, QuerySetRetriever

pytestmark = pytest.mark.django_db

PUBLISHED = "Census of Canada"
DRAFT = "Census of Canada, second edition"


@pytest.fixture
def section(home_page):
    section = builders.two_conference_section(home_page)
    own = builders.session(section["gothenburg"], "Session A1")
    other = builders.session(section["sydney"], "Session B1")
    return {
        **section,
        "own": own,
        "other": other,
        "talk": builders.presentation(own, PUBLISHED, presenters=[("Kevin Manuel", "TMU")]),
        "other_talk": builders.presentation(other, "FAIR Everywhere", presenters=[("Kevin Manuel", "TMU")]),
    }


member = builders.member


@pytest.fixture
def organiser(section):
    return member(roles.ensure_organisers(section["gothenburg"]).name, "organiser")


@pytest.fixture
def web_team(section):
    return member(roles.WEB_TEAM, "webteam")


def presentation_form(talk, action=None, **changes):
    """What the admin's presentation form posts for `talk` as it is, with `changes` and an action button."""
    entries = [
        {"id": entry.pk, "person": entry.person_id, "institution": entry.institution, "doi": entry.doi}
        for entry in talk.presenters.all()
    ]
    fields = {
        "session": talk.session_id,
        "title": talk.title,
        "slug": talk.slug,
        "sort_order": talk.sort_order,
        "abstract": talk.abstract,
        "video_id": talk.video_id,
        "presenters": inline_formset(entries, initial=len(entries)),
        "dois": inline_formset([]),
        "materials": inline_formset([]),
    }
    if action:
        fields[f"action-{action}"] = "1"
    return nested_form_data({**fields, **changes})


def edit(client, talk, action=None, **changes):
    url = reverse("wagtailsnippets_conferences_presentation:edit", args=[talk.pk])
    return client.post(url, presentation_form(talk, action, **changes))


def add(client, session, title, action=None):
    data = {
        "session": session.pk,
        "title": title,
        "slug": slugify(title),
        "sort_order": 9,
        "abstract": "",
        "video_id": "",
        "presenters": inline_formset([{"person": builders.person("Ingrid Lindqvist").pk, "institution": "SND"}]),
        "dois": inline_formset([]),
        "materials": inline_formset([]),
    }
    if action:
        data[f"action-{action}"] = "1"
    return client.post(reverse("wagtailsnippets_conferences_presentation:add"), nested_form_data(data))


def approve(client, obj):
    task_state = obj.current_workflow_task_state
    name = f"wagtailsnippets_conferences_{obj._meta.model_name}:workflow_action"
    return client.post(reverse(name, args=[obj.pk, "approve", task_state.pk]), {"comment": ""})


def programme_html(client, section):
    return client.get(section["gothenburg"].url).content.decode()


def talk_page(client, section, slug):
    return client.get(f"{section['gothenburg'].url}presentations/{slug}/")


def found_titles(query, retriever=None):
    return [c.title for c in run_search(query, kind="presentation", retriever=retriever).results]


@pytest.fixture
def draft_edit(client, section, organiser):
    """The organiser's edit of their conference's presentation, saved and not published."""
    client.force_login(organiser)
    response = edit(client, section["talk"], title=DRAFT)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return Presentation.objects.get(pk=section["talk"].pk)


# -- an organiser's edit is a draft -----------------------------------------------------------


def test_an_organisers_edit_is_saved_as_a_draft(draft_edit):
    assert draft_edit.title == PUBLISHED and draft_edit.live and draft_edit.has_unpublished_changes
    assert draft_edit.get_latest_revision_as_object().title == DRAFT


def test_visitors_still_see_the_published_title_on_the_programme(client, section, draft_edit):
    html = programme_html(client, section)
    assert PUBLISHED in html and DRAFT not in html


def test_visitors_still_see_the_published_title_on_the_presentation_page(client, section, draft_edit):
    html = talk_page(client, section, draft_edit.slug).content.decode()
    assert PUBLISHED in html and DRAFT not in html


@pytest.mark.parametrize("retriever", [None, QuerySetRetriever()], ids=["index-table", "queryset"])
def test_search_still_finds_the_published_title(section, draft_edit, retriever):
    assert found_titles("census", retriever) == [PUBLISHED]
    assert found_titles("second edition", retriever) == []


# -- submission and review ---------------------------------------------------------------------


def test_sessions_and_presentations_use_the_web_teams_workflow(section):
    for model in (Session, Presentation):
        attached = WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(model))
        assert attached.workflow.name == roles.WORKFLOW_NAME


def test_a_submitted_edit_waits_in_the_web_teams_queue(client, section, organiser, web_team):
    client.force_login(organiser)
    assert edit(client, section["talk"], action="submit", title=DRAFT).status_code == 302
    talk = Presentation.objects.get(pk=section["talk"].pk)
    state = talk.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.workflow.name == roles.WORKFLOW_NAME
    assert talk.title == PUBLISHED
    to_review = Task.objects.get(name=roles.TASK_NAME).specific.get_task_states_user_can_moderate(web_team)
    assert [task_state.revision.object_str for task_state in to_review] == [f"Presentation: {DRAFT} — IASSIST 2022"]
    client.force_login(web_team)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard and DRAFT in dashboard


def test_web_team_approval_publishes_the_edit(client, section, organiser, web_team):
    client.force_login(organiser)
    edit(client, section["talk"], action="submit", title=DRAFT)
    client.force_login(web_team)
    assert approve(client, Presentation.objects.get(pk=section["talk"].pk)).status_code in (200, 302)
    talk = Presentation.objects.get(pk=section["talk"].pk)
    assert talk.title == DRAFT and not talk.has_unpublished_changes
    client.logout()
    assert DRAFT in programme_html(client, section)
    assert found_titles("second edition") == [DRAFT]


def test_a_submitted_presentation_is_locked_for_its_organiser(client, section, organiser):
    client.force_login(organiser)
    edit(client, section["talk"], action="submit", title=DRAFT)
    edit(client, section["talk"], title="Changed while under review")
    latest = Presentation.objects.get(pk=section["talk"].pk).get_latest_revision_as_object()
    assert latest.title == DRAFT


# -- publishing --------------------------------------------------------------------------------


@pytest.mark.parametrize("group", [roles.CONFERENCE_EDITORS, "organisers"])
def test_editors_and_organisers_have_no_publish_permission(section, organiser, group):
    user = organiser if group == "organisers" else member(group, "editor")
    policy = policy_registry.get_by_type(Presentation)
    for model in ("presentation", "session"):
        assert user.has_perm(f"conferences.change_{model}")
        assert not user.has_perm(f"conferences.publish_{model}")
    assert not policy.user_has_permission_for_instance(user, "publish", section["talk"])


def test_the_web_team_may_publish_lock_and_unlock(web_team):
    for model in ("presentation", "session"):
        for action in ("publish", "lock", "unlock"):
            assert web_team.has_perm(f"conferences.{action}_{model}"), (action, model)


def test_an_organisers_publish_button_only_saves_a_draft(client, section, organiser):
    client.force_login(organiser)
    assert edit(client, section["talk"], action="publish", title=DRAFT).status_code == 302
    talk = Presentation.objects.get(pk=section["talk"].pk)
    assert talk.title == PUBLISHED and talk.has_unpublished_changes


def test_an_organiser_cannot_unpublish(client, section, organiser):
    client.force_login(organiser)
    client.post(reverse("wagtailsnippets_conferences_presentation:unpublish", args=[section["talk"].pk]))
    assert Presentation.objects.get(pk=section["talk"].pk).live


def test_the_web_team_can_publish_directly(client, section, web_team):
    client.force_login(web_team)
    response = edit(client, section["other_talk"], action="publish", title="FAIR Everywhere, revised")
    assert response.status_code == 302
    talk = Presentation.objects.get(pk=section["other_talk"].pk)
    assert talk.title == "FAIR Everywhere, revised" and talk.live and not talk.has_unpublished_changes


# -- other conferences -------------------------------------------------------------------------


def test_an_organiser_cannot_edit_another_conferences_presentation(client, section, organiser):
    client.force_login(organiser)
    other = section["other_talk"]
    edit(client, other, action="submit", title="Hijacked")
    other = Presentation.objects.get(pk=other.pk)
    assert other.title == "FAIR Everywhere" and other.latest_revision is None
    assert not other.workflow_states.exists()


@pytest.mark.parametrize(
    "view, method",
    [("history", "get"), ("workflow_history", "get"), ("delete", "post"), ("lock", "post"), ("unpublish", "post")],
)
def test_an_organiser_cannot_act_on_another_conferences_presentation(client, section, organiser, view, method):
    client.force_login(organiser)
    other = section["other_talk"]
    url = reverse(f"wagtailsnippets_conferences_presentation:{view}", args=[other.pk])
    response = getattr(client, method)(url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    other = Presentation.objects.get(pk=other.pk)
    assert other.live and not other.locked


def test_an_organiser_cannot_delete_a_published_presentation_of_their_own(client, section, organiser):
    client.force_login(organiser)
    client.post(reverse("wagtailsnippets_conferences_presentation:delete", args=[section["talk"].pk]))
    assert Presentation.objects.filter(pk=section["talk"].pk).exists()


def test_an_organiser_may_delete_their_own_draft(client, section, organiser):
    client.force_login(organiser)
    add(client, section["own"], "A talk withdrawn before review")
    draft = Presentation.objects.get(title="A talk withdrawn before review")
    client.post(reverse("wagtailsnippets_conferences_presentation:delete", args=[draft.pk]))
    assert not Presentation.objects.filter(pk=draft.pk).exists()


# -- new rows ----------------------------------------------------------------------------------


@pytest.fixture
def new_talk(client, section, organiser):
    """A presentation the organiser added and submitted, not yet approved."""
    client.force_login(organiser)
    response = add(client, section["own"], "Metadata for everyone", action="submit")
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return Presentation.objects.get(title="Metadata for everyone")


def test_a_new_presentation_is_a_draft(new_talk):
    assert not new_talk.live and new_talk.workflow_in_progress


def test_a_new_presentation_is_not_on_the_programme(client, section, new_talk):
    html = programme_html(client, section)
    assert "Metadata for everyone" not in html
    assert PUBLISHED in html


def test_a_new_presentation_has_no_page(client, section, new_talk):
    assert talk_page(client, section, new_talk.slug).status_code == 404
    assert client.get(f"{section['gothenburg'].url}presentations/{new_talk.slug}/bibtex/").status_code == 404
    published = section["talk"].slug
    assert talk_page(client, section, published).status_code == 200
    assert client.get(f"{section['gothenburg'].url}presentations/{published}/bibtex/").status_code == 200


def test_a_new_presentation_is_not_in_the_sitemap(client, section, new_talk):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert new_talk.slug not in sitemap
    assert f"/presentations/{section['talk'].slug}/" in sitemap


@pytest.mark.parametrize("retriever", [None, QuerySetRetriever()], ids=["index-table", "queryset"])
def test_a_new_presentation_is_not_found(section, new_talk, retriever):
    assert found_titles("metadata for everyone", retriever) == []
    assert found_titles("census of canada", retriever) == [PUBLISHED]


def test_a_new_presentation_is_not_on_its_presenters_page(client, section, new_talk):
    html = client.get(f"{section['index'].url}people/ingrid-lindqvist/").content.decode()
    assert "Metadata for everyone" not in html
    assert ">Ingrid Lindqvist</h1>" in html


def test_a_new_presentation_counts_for_no_one(client, section, new_talk):
    html = client.get(f"{section['index'].url}people/").content.decode()
    assert 'Ingrid Lindqvist</a> <span class="muted">(0)' in html


def test_an_approved_new_presentation_appears(client, section, new_talk, web_team):
    client.force_login(web_team)
    approve(client, new_talk)
    client.logout()
    assert Presentation.objects.get(pk=new_talk.pk).live
    assert "Metadata for everyone" in programme_html(client, section)
    assert talk_page(client, section, new_talk.slug).status_code == 200
    assert found_titles("metadata for everyone") == ["Metadata for everyone"]


def test_presentations_of_an_unpublished_session_are_hidden(client, section):
    assert PUBLISHED in programme_html(client, section)
    section["own"].unpublish()
    assert PUBLISHED not in programme_html(client, section)
    assert talk_page(client, section, section["talk"].slug).status_code == 404
    assert found_titles("census") == []
    assert found_titles("census", QuerySetRetriever()) == []
    assert list(Presentation.objects.live()) == [section["other_talk"]]


def test_the_index_retriever_is_the_default_here(section):
    from search.retrieval import get_retriever

    assert isinstance(get_retriever(), IndexTableRetriever)
