"""Editors' roles: the web team publishes, organisers edit only their own conference and submit it for review."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, WorkflowContentType, WorkflowState

from conferences import roles
from conferences.models import Presentation, Session
from conferences.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home_page):
    return builders.two_conference_section(home_page)


member = builders.member


@pytest.fixture
def organiser(section):
    group = roles.ensure_organisers(section["gothenburg"])
    return member(group.name, "organiser")


@pytest.fixture
def web_team(section):
    return member(roles.WEB_TEAM, "webteam")


def page_form(page, action=None, **changes):
    if action:
        changes[f"action-{action}"] = "1"
    return builders.conference_form_data(page, **changes)


def edit_page(client, page, action=None, **changes):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), page_form(page, action, **changes))


def test_organiser_can_edit_their_own_conference(client, section, organiser):
    client.force_login(organiser)
    page = section["gothenburg"]
    response = edit_page(client, page, theme="Data by Design")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"].endswith(reverse("wagtailadmin_pages:edit", args=[page.pk])), response["Location"]
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().theme == "Data by Design"


def test_organiser_cannot_edit_another_conference(client, section, organiser):
    client.force_login(organiser)
    page = section["sydney"]
    revisions = page.revisions.count()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code != 200
    edit_page(client, page, theme="Hijacked")
    assert page.revisions.count() == revisions


def test_organiser_cannot_publish(client, section, organiser):
    client.force_login(organiser)
    page = section["gothenburg"]
    assert not page.permissions_for_user(organiser).can_publish()
    edit_page(client, page, action="publish", theme="Published by an organiser?")
    page.refresh_from_db()
    assert page.theme == "" and page.has_unpublished_changes


def test_organiser_submission_appears_in_the_web_teams_moderation_queue(client, section, organiser, web_team):
    client.force_login(organiser)
    page = section["gothenburg"]
    edit_page(client, page, action="submit", theme="Please review")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == roles.WORKFLOW_NAME
    client.force_login(web_team)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard and page.title in dashboard


def test_web_team_approval_publishes_the_submission(client, section, organiser, web_team):
    client.force_login(organiser)
    page = section["gothenburg"]
    edit_page(client, page, action="submit", theme="Approved theme")
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    client.force_login(web_team)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.theme == "Approved theme" and not page.has_unpublished_changes


def test_web_team_can_publish_directly(client, section, web_team):
    client.force_login(web_team)
    page = section["sydney"]
    response = edit_page(client, page, action="publish", theme="Published by the web team")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.theme == "Published by the web team" and page.live


def test_conference_editor_can_edit_any_conference_but_not_publish(client, section):
    editor = member(roles.CONFERENCE_EDITORS, "editor")
    for page in (section["gothenburg"], section["sydney"]):
        permissions = page.permissions_for_user(editor)
        assert permissions.can_edit() and not permissions.can_publish()


def test_anonymous_visitors_are_sent_to_the_admin_login(client, section):
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_pages:edit", args=[section["sydney"].pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_roles_can_be_set_up_again_without_changing_anything(section):
    counts = (Group.objects.count(), GroupPagePermission.objects.count())
    roles.ensure_roles()
    roles.ensure_organisers(section["gothenburg"])
    roles.ensure_organisers(section["gothenburg"])
    assert Group.objects.count() == counts[0] + 1
    before_again = GroupPagePermission.objects.count()
    roles.ensure_organisers(section["gothenburg"])
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == (counts[0] + 1, before_again)


def test_setting_up_roles_again_keeps_one_programme_workflow_and_the_same_permissions(section):
    roles.ensure_organisers(section["gothenburg"])
    before = (WorkflowContentType.objects.count(), Group.permissions.through.objects.count())
    roles.ensure_roles()
    roles.ensure_organisers(section["gothenburg"])
    assert (WorkflowContentType.objects.count(), Group.permissions.through.objects.count()) == before
    assert set(WorkflowContentType.objects.values_list("content_type__model", "workflow__name")) == {
        ("session", roles.WORKFLOW_NAME),
        ("presentation", roles.WORKFLOW_NAME),
        ("scheduleitem", roles.WORKFLOW_NAME),
    }


def test_only_the_web_team_gets_the_programmes_publish_permissions(section):
    organisers = roles.ensure_organisers(section["gothenburg"])
    publishing = {
        "publish_session",
        "publish_presentation",
        "lock_presentation",
        "unlock_session",
        "publish_scheduleitem",
    }
    for group in Group.objects.all():
        granted = set(
            group.permissions.filter(content_type__app_label="conferences").values_list("codename", flat=True)
        )
        if group.name == roles.WEB_TEAM:
            assert publishing <= granted
        else:
            assert not publishing & granted, group.name
            if group in (organisers, Group.objects.get(name=roles.CONFERENCE_EDITORS)):
                assert {"add_presentation", "change_session", "add_scheduleitem", "change_room"} <= granted, group.name


def test_create_organisers_command_accepts_a_slug(section):
    call_command("create_organisers", "iassist-2022")
    assert Group.objects.filter(name__startswith=roles.ORGANISERS_PREFIX + "IASSIST 2022").exists()


def test_create_organisers_command_refuses_an_unknown_conference(section):
    with pytest.raises(CommandError, match="No conference page has the id or slug 'iassist-1066'"):
        call_command("create_organisers", "iassist-1066")


class TestOrganisersProgramme:
    @pytest.fixture
    def programme(self, section):
        own = builders.session(section["gothenburg"], "Own session")
        other = builders.session(section["sydney"], "Other session")
        return {
            "own": own,
            "other": other,
            "own_talk": builders.presentation(own, "Own talk"),
            "other_talk": builders.presentation(other, "Other talk"),
        }

    def test_listing_shows_only_their_conferences_presentations(self, client, organiser, programme):
        client.force_login(organiser)
        html = client.get(reverse("wagtailsnippets_conferences_presentation:list")).content.decode()
        assert "Own talk" in html and "Other talk" not in html

    def test_they_cannot_edit_another_conferences_presentation(self, client, organiser, programme):
        client.force_login(organiser)
        talk = programme["other_talk"]
        url = reverse("wagtailsnippets_conferences_presentation:edit", args=[talk.pk])
        refused = client.get(url)
        assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
        client.post(url, {"session": programme["other"].pk, "title": "Changed", "slug": talk.slug})
        assert Presentation.objects.get(pk=talk.pk).title == "Other talk"

    def test_they_can_edit_their_own_session_as_a_draft(self, client, organiser, programme):
        client.force_login(organiser)
        own = programme["own"]
        url = reverse("wagtailsnippets_conferences_session:edit", args=[own.pk])
        data = {"conference": own.conference_id, "sort_order": 0, "title": "Renamed", "day": "", "chair": ""}
        response = client.post(url, {**data, "moderator": "", "description": "", "video_id": ""})
        assert response.status_code == 302
        saved = Session.objects.get(pk=own.pk)
        assert saved.get_latest_revision_as_object().title == "Renamed"
        assert saved.title == "Own session" and saved.has_unpublished_changes

    def test_they_cannot_move_a_session_to_another_conference(self, client, organiser, programme, section):
        client.force_login(organiser)
        url = reverse("wagtailsnippets_conferences_session:add")
        data = {"conference": section["sydney"].pk, "sort_order": 0, "title": "Smuggled", "day": "", "chair": ""}
        response = client.post(url, {**data, "moderator": "", "description": "", "video_id": ""})
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
        assert not Session.objects.filter(title="Smuggled").exists()


def test_organisers_get_the_programmes_session_permission_not_djangos(section):
    group = roles.ensure_organisers(section["gothenburg"])
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("conferences", "change_session") in granted
    assert ("sessions", "change_session") not in granted
    assert ("conferences", "change_person") not in granted
