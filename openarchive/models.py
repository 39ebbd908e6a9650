"""Versions of the archive as data, kept so that each version's address stays valid once cited."""

from django.db import models


class ArchiveRelease(models.Model):
    version = models.CharField(max_length=12, unique=True, help_text="The first 12 hex digits of the tables' SHA-256.")
    created_at = models.DateTimeField(auto_now_add=True)
    row_counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"

    def __str__(self):
        return self.version


class ReleaseFile(models.Model):
    release = models.ForeignKey(ArchiveRelease, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    content = models.BinaryField()

    class Meta:
        ordering = ["release", "name"]
        constraints = [models.UniqueConstraint(fields=["release", "name"], name="unique_file_name_per_release")]

    def __str__(self):
        return f"{self.release.version}/{self.name}"
