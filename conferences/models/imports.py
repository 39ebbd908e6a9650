"""Bookkeeping that lets the Hugo import find what it created before."""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedSource(models.Model):
    """One object created from the Hugo source, with a fingerprint of the data it came from.

    A re-run compares fingerprints to update only what changed, and counts what
    the site holds from the source for the import summary. For a programme's sessions and
    presentations the fingerprint is that of the row's content as the import last wrote it, and
    `written_place` its session and order, so that a re-run can tell an editor's change from the
    source's; `source_title` and `source_order` say where the row stood in the source, so that it
    is found again when the source reorders or retitles it.
    """

    key = models.CharField(max_length=500, unique=True, help_text="Where in the source the object came from.")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    fingerprint = models.CharField(max_length=64, help_text="Empty when what the import wrote is not known.")
    source_title = models.CharField(max_length=1000, blank=True, help_text="A programme row's title in the source.")
    source_order = models.PositiveIntegerField(
        null=True, blank=True, help_text="A programme row's order in the source's whole programme."
    )
    written_place = models.JSONField(
        null=True, blank=True, help_text="The session and order the import gave a programme row."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = "imported source"

    def __str__(self):
        return self.key
