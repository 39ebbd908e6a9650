"""An editor's decision on a proposal: approving applies it through the models, rejecting only records it.

Presentations are moderated (drafts in revisions, the web team publishes), so an approved DOI or
title is saved as a new revision of the presentation: published at once by someone who may publish
it and when no one's draft is waiting; otherwise added to the latest draft, for the web team to
publish with the rest. People are not moderated: an approved ORCID iD is saved on the person.
Before anything is applied, the proposal is checked against the programme as it is now.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from conferences.models import Presentation, PresentationDOI, Presenter
from conferences.orcid import validate_orcid
from conferences.permissions import editable_conference_ids

from .models import ProposalKind, ProposalStatus, ZenodoProposal

PERSON_PERMISSION = "conferences.change_person"
PUBLISHED, DRAFT, SAVED = "published", "draft", "saved"


class ReviewError(ValueError):
    """A proposal that cannot be approved or rejected now; the message says why, for the editor."""


def may_review(user, proposal):
    """Whether `user` may decide on `proposal`: change its presentation, or for an ORCID iD, change people."""
    allowed = editable_conference_ids(user)
    if allowed is not None and proposal.conference_id not in allowed:
        return False
    if proposal.kind == ProposalKind.ORCID:
        return user.has_perm(PERSON_PERMISSION)
    policy = policy_registry.get_by_type(Presentation)
    return policy.user_has_permission_for_instance(user, "change", proposal.presentation)


@transaction.atomic
def approve(proposal_id, user):
    proposal = _pending(proposal_id, user)
    if proposal.kind == ProposalKind.ORCID:
        applied = _set_orcid(proposal, user)
    else:
        applied = _revise_presentation(proposal, user)
    return _decide(proposal, ProposalStatus.APPROVED, user, applied)


@transaction.atomic
def reject(proposal_id, user):
    return _decide(_pending(proposal_id, user), ProposalStatus.REJECTED, user, "")


def _pending(proposal_id, user):
    proposal = (
        ZenodoProposal.objects.select_for_update(of=("self",))
        .select_related("presentation", "person")
        .filter(pk=proposal_id)
        .first()
    )
    if proposal is None:
        raise ReviewError("This proposal no longer exists: its presentation may have been deleted.")
    if not may_review(user, proposal):
        raise ReviewError(f"You may not change “{proposal.presentation}”, so you cannot decide on its proposal.")
    if not proposal.is_pending:
        raise ReviewError(
            f"The {proposal.get_kind_display()} for “{proposal.presentation}” was {proposal.status} already."
        )
    return proposal


def _decide(proposal, status, user, applied):
    proposal.status, proposal.applied_as = status, applied
    proposal.reviewed_by, proposal.reviewed_at = user, timezone.now()
    proposal.save(update_fields=["status", "applied_as", "reviewed_by", "reviewed_at"])
    return proposal


def _set_orcid(proposal, user):
    person = proposal.person
    if person is None:
        raise ReviewError("This ORCID iD's person no longer exists.")
    if person.orcid:
        raise ReviewError(f"{person.name} has the ORCID iD {person.orcid} now: reject this proposal.")
    try:
        validate_orcid(proposal.proposed_value)
    except ValidationError as error:
        raise ReviewError(error.messages[0]) from error
    person.orcid = proposal.proposed_value
    person.save(update_fields=["orcid"])
    log(person, "wagtail.edit", user=user)
    return SAVED


def _revise_presentation(proposal, user):
    presentation = Presentation.objects.get(pk=proposal.presentation_id)
    lock = presentation.get_lock()
    if lock is not None and lock.for_user(user):
        raise ReviewError(f"“{presentation}” is locked: unlock it, or ask whoever locked it, first.")
    waiting_draft = presentation.has_unpublished_changes
    latest = presentation.get_latest_revision_as_object()
    if proposal.kind == ProposalKind.DOI:
        _add_doi(latest, proposal.proposed_value, also_live=presentation)
    else:
        _retitle(latest, proposal)
    try:
        revision = latest.save_revision(user=user, log_action=True)
    except ValidationError as error:
        raise ReviewError(f"“{presentation}” cannot be saved as it is: {'; '.join(error.messages)}") from error
    policy = policy_registry.get_by_type(Presentation)
    if waiting_draft or not policy.user_has_permission_for_instance(user, "publish", presentation):
        return DRAFT
    revision.publish(user=user)
    return PUBLISHED


def _add_doi(presentation, doi, also_live):
    if presentation.dois.all() or also_live.dois.exists():
        raise ReviewError(f"“{presentation}” has a DOI now: reject this proposal.")
    if PresentationDOI.objects.filter(doi=doi).exists() or Presenter.objects.filter(doi=doi).exists():
        raise ReviewError(f"The DOI {doi} belongs to another presentation now: reject this proposal.")
    presentation.dois.add(PresentationDOI(doi=doi, sort_order=0))


def _retitle(presentation, proposal):
    if presentation.title != proposal.current_value:
        raise ReviewError(f"“{presentation}” has been retitled since this was proposed: reject this proposal.")
    presentation.title = proposal.proposed_value
