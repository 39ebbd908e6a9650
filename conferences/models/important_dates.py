"""The important dates of a conference, edited on its page: the deadlines and days its website announces."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .. import important_dates
from ..choices import ImportantDateKind


class ImportantDate(Orderable):
    page = ParentalKey("conferences.ConferencePage", on_delete=models.CASCADE, related_name="important_date_entries")
    kind = models.CharField(max_length=30, choices=ImportantDateKind.choices, default=ImportantDateKind.PROPOSALS_DUE)
    label = models.CharField(
        max_length=150,
        blank=True,
        help_text="Leave empty to use the kind's name, e.g. “Proposals due”. Needed for “Other”.",
    )
    date = models.DateField(help_text="The day, or the first day of a period.")
    end_date = models.DateField(
        null=True, blank=True, help_text="The last day of a period, such as the conference days."
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("label")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("end_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "important date"

    def __str__(self):
        return f"{self.name}: {important_dates.long_date(self.date)}" if self.date else self.name

    @property
    def name(self):
        return important_dates.name_of(self.kind, self.label)

    def clean(self):
        super().clean()
        errors = important_dates.entry_errors(self.kind, self.label, self.date, self.end_date)
        if errors:
            raise ValidationError(errors)
