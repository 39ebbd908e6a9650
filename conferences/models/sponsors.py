"""Sponsors: organisations that support IASSIST's conferences, kept once and shown on any year's website.

A sponsor of 2024 usually sponsors 2025 too; its logo and link are corrected in one place and
every conference website that lists it shows the change.
"""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from ..web_links import web_address

LOGO_ALT_MISSING = "Describe the logo for people who cannot see it"


class SponsorQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class Sponsor(index.Indexed, models.Model):
    name = models.CharField(max_length=200, help_text="The organisation's name, e.g. “UK Data Service”.")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide logo on a transparent or white background works best.",
    )
    logo_alt_text = models.CharField(
        "logo's alt text",
        max_length=255,
        blank=True,
        help_text="What the logo says, usually the organisation's name. Left empty, the image's own "
        "description is used, if it has one.",
    )
    url = models.CharField(
        "link",
        max_length=500,
        blank=True,
        validators=[web_address],
        help_text="The sponsor's website (https://…); the logo leads there.",
    )
    description = models.CharField(
        "short description",
        max_length=300,
        blank=True,
        help_text="One or two sentences; shown under the logo.",
    )

    objects = SponsorQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt_text")], heading="Logo"),
        FieldPanel("url"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.name = " ".join(self.name.split())
        self.logo_alt_text = " ".join(self.logo_alt_text.split())
        self.url = self.url.strip()
        if not self.name:
            raise ValidationError({"name": "Enter the sponsor's name."})
        if self.logo_id and not self.logo_alt_text:
            # The image library's description was written for this image; an empty one is no description.
            described = " ".join((self.logo.description or "").split())
            if not described:
                raise ValidationError({"logo_alt_text": f"{LOGO_ALT_MISSING}."})
            self.logo_alt_text = described[:255]
