"""Approving a proposal applies it through the models (moderation respected); rejecting changes nothing."""

import pytest
from wagtail.search.backends import get_search_backend

from conferences.models import Person, Presentation, PresentationDOI
from zenodosync import review
from zenodosync.models import ProposalKind, ProposalStatus, ZenodoProposal
from zenodosync.proposals import sync_conference

from .conftest import built_once
from .content import REVIEWED_TALKS, conference_editor, gothenburg_2022, organiser, recorded_community, web_team_member

pytestmark = pytest.mark.django_db


def reviewed_gothenburg(home_page):
    section = gothenburg_2022(home_page, with_roles=True, talks=REVIEWED_TALKS)
    sync_conference(section["conference"], recorded_community())
    return section


built_site, gothenburg = built_once(reviewed_gothenburg, "gothenburg")


def doi_proposal(gothenburg, key="community"):
    return ZenodoProposal.objects.get(kind=ProposalKind.DOI, presentation=gothenburg["talks"][key])


def test_approving_a_doi_as_the_web_team_publishes_it_on_the_presentation(gothenburg):
    proposal = doi_proposal(gothenburg)
    decided = review.approve(proposal.pk, web_team_member())
    talk = Presentation.objects.get(pk=proposal.presentation_id)
    assert [doi.doi for doi in talk.dois.all()] == [proposal.proposed_value]
    assert talk.live_revision == talk.latest_revision
    assert decided.applied_as == review.PUBLISHED


def test_an_approval_records_who_and_when(gothenburg):
    user = web_team_member()
    decided = review.approve(doi_proposal(gothenburg).pk, user)
    decided.refresh_from_db()
    assert (decided.status, decided.reviewed_by) == (ProposalStatus.APPROVED, user)
    assert decided.reviewed_at is not None


def test_an_approved_doi_is_found_by_search(gothenburg):
    proposal = doi_proposal(gothenburg)
    review.approve(proposal.pk, web_team_member())
    found = get_search_backend().search(proposal.proposed_value, Presentation)
    assert proposal.presentation_id in {talk.pk for talk in found}


def test_an_editor_who_may_not_publish_approves_into_a_draft_for_the_web_team(gothenburg):
    proposal = doi_proposal(gothenburg)
    decided = review.approve(proposal.pk, conference_editor())
    talk = Presentation.objects.get(pk=proposal.presentation_id)
    assert not talk.dois.exists()
    assert [doi.doi for doi in talk.get_latest_revision_as_object().dois.all()] == [proposal.proposed_value]
    assert decided.applied_as == review.DRAFT


def test_a_waiting_draft_gets_the_doi_and_stays_a_draft(gothenburg):
    proposal = doi_proposal(gothenburg)
    talk = Presentation.objects.get(pk=proposal.presentation_id)
    talk.abstract = "An abstract an organiser is still writing."
    talk.save_revision()
    review.approve(proposal.pk, web_team_member())
    talk.refresh_from_db()
    draft = talk.get_latest_revision_as_object()
    assert (draft.abstract, [doi.doi for doi in draft.dois.all()]) == (
        "An abstract an organiser is still writing.",
        [proposal.proposed_value],
    )
    assert not talk.dois.exists()


def test_approving_an_orcid_sets_it_on_the_person(gothenburg):
    proposal = ZenodoProposal.objects.get(kind=ProposalKind.ORCID)
    review.approve(proposal.pk, conference_editor())
    assert Person.objects.get(pk=proposal.person_id).orcid == proposal.proposed_value


def test_an_organiser_may_not_approve_an_orcid(gothenburg):
    proposal = ZenodoProposal.objects.get(kind=ProposalKind.ORCID)
    with pytest.raises(review.ReviewError):
        review.approve(proposal.pk, organiser(gothenburg["conference"]))
    assert Person.objects.get(pk=proposal.person_id).orcid == ""


def test_an_organiser_of_another_conference_may_not_decide(gothenburg):
    with pytest.raises(review.ReviewError):
        review.reject(doi_proposal(gothenburg).pk, organiser(gothenburg["sydney"]))
    assert doi_proposal(gothenburg).is_pending


def test_rejecting_changes_nothing_in_the_programme(gothenburg):
    proposal = doi_proposal(gothenburg)
    review.reject(proposal.pk, web_team_member())
    assert not PresentationDOI.objects.filter(presentation_id=proposal.presentation_id).exists()
    assert ZenodoProposal.objects.get(pk=proposal.pk).status == ProposalStatus.REJECTED


def test_a_proposal_overtaken_by_an_editor_is_refused_and_stays_pending(gothenburg):
    proposal = doi_proposal(gothenburg)
    PresentationDOI.objects.create(presentation_id=proposal.presentation_id, doi="10.5281/zenodo.1234567")
    with pytest.raises(review.ReviewError, match="has a DOI now"):
        review.approve(proposal.pk, web_team_member())
    assert ZenodoProposal.objects.get(pk=proposal.pk).is_pending


def test_a_decided_proposal_cannot_be_decided_again(gothenburg):
    proposal = doi_proposal(gothenburg)
    user = web_team_member()
    review.reject(proposal.pk, user)
    with pytest.raises(review.ReviewError, match="rejected already"):
        review.approve(proposal.pk, user)


def test_approving_a_title_publishes_the_new_title(gothenburg):
    talk = gothenburg["talks"]["curation"]
    proposal = ZenodoProposal.objects.create(
        conference=gothenburg["conference"], presentation=talk, kind=ProposalKind.TITLE,
        current_value=talk.title, proposed_value="Measuring the time spent on data curation at GESIS",
        record_id="9900102", record_url="https://zenodo.org/records/9900102", score=0.95,
    )  # fmt: skip
    review.approve(proposal.pk, web_team_member())
    talk.refresh_from_db()
    assert talk.title == proposal.proposed_value
