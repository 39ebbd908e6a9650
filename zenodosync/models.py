"""What the Zenodo sync proposes, waiting for an editor: nothing in the programme changes until one approves."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class ProposalKind(models.TextChoices):
    DOI = "doi", "DOI"
    ORCID = "orcid", "ORCID iD"
    TITLE = "title", "Title"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class ZenodoProposal(models.Model):
    conference = models.ForeignKey(
        "conferences.ConferencePage", on_delete=models.CASCADE, related_name="zenodo_proposals"
    )
    presentation = models.ForeignKey(
        "conferences.Presentation", on_delete=models.CASCADE, related_name="zenodo_proposals"
    )
    person = models.ForeignKey(
        "conferences.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="zenodo_proposals",
        help_text="For an ORCID iD: the person it belongs to.",
    )
    kind = models.CharField(max_length=10, choices=ProposalKind.choices)
    current_value = models.CharField(max_length=1000, blank=True, help_text="As it was when proposed.")
    proposed_value = models.CharField(max_length=1000)
    record_id = models.CharField("Zenodo record", max_length=20)
    record_url = models.URLField("Zenodo record's address", max_length=500)
    score = models.FloatField(help_text="How alike the titles are, 0 to 1.")
    status = models.CharField(max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING)
    applied_as = models.CharField(
        max_length=20, blank=True, help_text="On approval: published, or saved as a draft for the web team."
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-conference__year", "presentation__title", "kind", "pk"]
        verbose_name = "Zenodo proposal"
        # Whatever its status, a proposal is made once: a re-run neither repeats a pending one nor
        # brings back one an editor rejected. An ORCID iD belongs to a person, the rest to a presentation.
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "presentation", "proposed_value"],
                condition=Q(person__isnull=True),
                name="zenodo_proposal_once_per_presentation",
            ),
            models.UniqueConstraint(
                fields=["kind", "person", "proposed_value"],
                condition=Q(person__isnull=False),
                name="zenodo_proposal_once_per_person",
            ),
        ]
        indexes = [models.Index(fields=["status", "conference"])]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.presentation}: {self.proposed_value}"

    @property
    def is_pending(self):
        return self.status == ProposalStatus.PENDING
