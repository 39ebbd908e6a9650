"""The review queue in the admin: who may open it, what it shows, and decisions by CSRF-checked POST only."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from conferences.models import PresentationDOI
from zenodosync.models import ProposalKind, ProposalStatus, ZenodoProposal
from zenodosync.proposals import sync_conference

from .conftest import built_once
from .content import REVIEWED_TALKS, conference_editor, gothenburg_2022, organiser, recorded_community, web_team_member

pytestmark = pytest.mark.django_db

QUEUE = reverse("zenodo_proposals:index")
REVIEW = reverse("zenodo_proposals:review")


def reviewed_gothenburg(home_page):
    section = gothenburg_2022(home_page, with_roles=True, talks=REVIEWED_TALKS)
    sync_conference(section["conference"], recorded_community())
    return section


built_site, gothenburg = built_once(reviewed_gothenburg, "gothenburg")


@pytest.fixture
def web_team(client, gothenburg):
    user = web_team_member()
    client.force_login(user)
    return user


def test_visitors_are_sent_to_sign_in(client, gothenburg):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_a_user_who_may_not_change_presentations_is_refused(client, gothenburg):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "a-long-pass-phrase")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    proposal = ZenodoProposal.objects.first()
    # Wagtail answers a refused admin page by sending the user back to the dashboard with a message.
    for response in (client.get(QUEUE), client.post(REVIEW, {"reject": proposal.pk})):
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert ZenodoProposal.objects.get(pk=proposal.pk).is_pending


def test_the_queue_shows_current_and_proposed_values_and_the_record(client, web_team):
    proposal = ZenodoProposal.objects.filter(kind=ProposalKind.DOI).first()
    response = client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert proposal.proposed_value in html
    assert f'href="{proposal.record_url}"' in html
    assert "(none)" in html


def test_the_queue_runs_a_fixed_number_of_queries(client, web_team, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        client.get(QUEUE)
    talk = ZenodoProposal.objects.first().presentation
    for index in range(30):
        ZenodoProposal.objects.create(
            conference=talk.conference, presentation=talk, kind=ProposalKind.TITLE,
            proposed_value=f"Another title {index}", record_id=str(index),
            record_url=f"https://zenodo.org/records/{index}", score=1.0,
        )  # fmt: skip
    with django_assert_max_num_queries(20):
        assert client.get(QUEUE).context["page"].paginator.count > 30


def test_the_queue_filters_by_kind(client, web_team):
    page = client.get(QUEUE, {"kind": ProposalKind.ORCID}).context["page"]
    assert {proposal.kind for proposal in page.object_list} == {ProposalKind.ORCID}


def test_a_filter_that_is_not_a_choice_is_an_error_not_a_list(client, web_team):
    response = client.get(QUEUE, {"kind": "<script>", "conference": "abc"})
    assert response.status_code == 200
    assert not response.context["page"].object_list
    assert response.context["form"].errors.keys() == {"kind", "conference"}


def test_an_organiser_sees_only_their_own_conferences_proposals(client, gothenburg):
    client.force_login(organiser(gothenburg["sydney"]))
    assert client.get(QUEUE).context["page"].paginator.count == 0


def test_a_record_title_with_markup_is_shown_as_text(client, web_team):
    proposal = ZenodoProposal.objects.filter(kind=ProposalKind.DOI).first()
    ZenodoProposal.objects.filter(pk=proposal.pk).update(current_value="<script>alert(1)</script>")
    html = client.get(QUEUE).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_reviewing_by_get_is_not_allowed(client, web_team):
    assert client.get(REVIEW, {"approve": ZenodoProposal.objects.first().pk}).status_code == 405


def test_a_post_without_the_csrf_token_is_refused(gothenburg):
    client = Client(enforce_csrf_checks=True)
    client.force_login(web_team_member())
    proposal = ZenodoProposal.objects.first()
    assert client.post(REVIEW, {"approve": proposal.pk}).status_code == 403
    assert ZenodoProposal.objects.get(pk=proposal.pk).is_pending


def test_approve_applies_one_proposal_and_returns_to_the_filtered_queue(client, web_team):
    proposal = ZenodoProposal.objects.filter(kind=ProposalKind.DOI).first()
    response = client.post(REVIEW, {"approve": proposal.pk, "query": "kind=doi&p=1"})
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?kind=doi&p=1"
    assert PresentationDOI.objects.filter(presentation=proposal.presentation, doi=proposal.proposed_value).exists()


def test_bulk_reject_decides_every_selected_proposal(client, web_team):
    selected = list(ZenodoProposal.objects.filter(kind=ProposalKind.DOI).values_list("pk", flat=True)[:2])
    client.post(REVIEW, {"bulk": "reject", "selected": selected})
    statuses = set(ZenodoProposal.objects.filter(pk__in=selected).values_list("status", flat=True))
    assert statuses == {ProposalStatus.REJECTED}
    assert ZenodoProposal.objects.filter(status=ProposalStatus.PENDING).exists()


def test_a_selection_that_is_not_proposal_ids_changes_nothing(client, web_team):
    response = client.post(REVIEW, {"bulk": "approve", "selected": ["1 OR 1=1"]}, follow=True)
    assert "not a list of proposals" in response.content.decode()
    assert not ZenodoProposal.objects.exclude(status=ProposalStatus.PENDING).exists()


def test_an_editor_without_people_rights_gets_a_refusal_for_an_orcid(client, gothenburg):
    client.force_login(organiser(gothenburg["gothenburg"]))
    orcid = ZenodoProposal.objects.get(kind=ProposalKind.ORCID)
    response = client.post(REVIEW, {"approve": orcid.pk}, follow=True)
    assert "cannot decide" in response.content.decode()
    assert ZenodoProposal.objects.get(pk=orcid.pk).is_pending


def test_the_conference_editors_open_the_queue(client, gothenburg):
    client.force_login(conference_editor())
    assert client.get(QUEUE).status_code == 200
