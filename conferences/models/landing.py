"""The editor's say over the Conferences page's computed panel: conferences pinned into it or hidden from it."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class LandingChoice(models.TextChoices):
    PIN = "pin", "Pin into the panel"
    HIDE = "hide", "Hide from the panel"


class ConferenceLandingPin(Orderable):
    """One conference the editor pins (shown whatever its dates, in the pins' order) or hides."""

    page = ParentalKey("conferences.ConferenceIndexPage", on_delete=models.CASCADE, related_name="landing_pins")
    conference = models.ForeignKey(
        "conferences.ConferencePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A conference or workshop of this Conferences page.",
    )
    choice = models.CharField(
        max_length=10,
        choices=LandingChoice.choices,
        default=LandingChoice.PIN,
        help_text="Pin to show it before its year's other events even without dates (next year's conference, "
        "say); hide to leave it out although its dates would show it.",
    )

    panels = [FieldRowPanel([FieldPanel("conference"), FieldPanel("choice")])]

    class Meta(Orderable.Meta):
        verbose_name = "pinned or hidden conference"

    def __str__(self):
        return f"{self.get_choice_display()}: {self.conference}"

    def clean(self):
        super().clean()
        index = getattr(self, "page", None)
        message = foreign_conference(index, self.conference) if index is not None and self.conference_id else None
        if message:
            raise ValidationError({"conference": message})


def foreign_conference(index, conference):
    """Why `conference` cannot be pinned on `index` (it is not one of its own), or None if it can."""
    # A new index has no place in the tree yet, so nothing can be below it.
    if index.path and conference.path.startswith(index.path) and conference.depth == index.depth + 1:
        return None
    return f"{conference.title} belongs to another Conferences page: choose one of this page's."


class ConferenceIndexForm(WagtailAdminPageForm):
    """The Conferences page's admin form: a pin names one of the page's own conferences."""

    def clean(self):
        cleaned_data = super().clean()
        pins = self.formsets.get("landing_pins")
        if pins is None:
            return cleaned_data
        pins.is_valid()  # the pins' own fields are read after the page's
        for form in pins.forms:
            conference = getattr(form, "cleaned_data", {}).get("conference")
            message = foreign_conference(self.instance, conference) if conference is not None else None
            if message:
                form.add_error("conference", message)
        return cleaned_data
