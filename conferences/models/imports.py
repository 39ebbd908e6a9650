"""Bookkeeping that lets the Hugo import find what it created before."""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedSource(models.Model):
    """One object created from the Hugo source, with a fingerprint of the data it came from.

    A re-run compares fingerprints to update only what changed, and counts what
    the site holds from the source for the import summary.
    """

    key = models.CharField(max_length=500, unique=True, help_text="Where in the source the object came from.")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    fingerprint = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = "imported source"

    def __str__(self):
        return self.key
