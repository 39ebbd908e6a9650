"""Slides, papers, posters and other materials that a presentation leaves behind.

Each material points at exactly one thing: an uploaded Wagtail document (served by
Wagtail, so its collection's privacy holds), a web address, or a DOI.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from ..choices import MaterialKind
from ..zenodo import doi_url, normalise_doi
from .programme import Presentation, validate_doi

TARGETS = ("document", "url", "doi")


def validate_web_address(value):
    """Only web addresses: a javascript: or data: link in a visitor's page would run or smuggle content."""
    parts = urlsplit(value or "")
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValidationError("Enter a web address that starts with https:// (or http://).")
    URLValidator(schemes=["http", "https"], message="Enter a whole web address, e.g. https://example.org/slides.pdf.")(
        value
    )


class PresentationMaterial(Orderable):
    presentation = ParentalKey(Presentation, on_delete=models.CASCADE, related_name="materials")
    kind = models.CharField(max_length=20, choices=MaterialKind.choices, default=MaterialKind.SLIDES)
    label = models.CharField(
        max_length=200, blank=True, help_text="Shown instead of the kind, e.g. “Handout” or “Workshop exercises”."
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        # A deleted document leaves the material without a target; it is then not shown.
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="An uploaded file: visitors get it through the document's collection and its privacy.",
    )
    # A CharField, not a URLField: its form field would prefix "http://" to anything typed.
    url = models.CharField(
        "web address", max_length=1000, blank=True, validators=[validate_web_address],
        help_text="Or a link to the material elsewhere, e.g. https://github.com/iassist/…",
    )  # fmt: skip
    doi = models.CharField(
        "DOI", max_length=200, blank=True, validators=[validate_doi],
        help_text="Or its DOI, e.g. 10.5281/zenodo.123456 or https://doi.org/10.5281/zenodo.123456.",
    )  # fmt: skip

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("label")]),
        FieldPanel("document"),
        FieldPanel("url"),
        FieldPanel("doi"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "material"

    def __str__(self):
        return self.label or self.get_kind_display()

    def clean(self):
        super().clean()
        self.doi = normalise_doi(self.doi) or self.doi.strip()
        given = [name for name in TARGETS if self._has(name)]
        if not given:
            raise ValidationError("Choose a document, or enter a web address or a DOI.")
        if len(given) > 1:
            message = "A material points at one thing: keep only one of the document, the web address and the DOI."
            raise ValidationError(dict.fromkeys(given, message))

    def _has(self, name):
        return bool(self.document_id if name == "document" else getattr(self, name).strip())

    def save(self, *args, **kwargs):
        self.doi = normalise_doi(self.doi) or self.doi.strip()
        super().save(*args, **kwargs)

    @property
    def target_url(self):
        if self.document_id:
            return self.document.url
        return self.url or (doi_url(self.doi) if self.doi else "")
