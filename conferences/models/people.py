"""Merged people: the merge itself, kept for undoing it, and the addresses and names that lead on.

A merge removes the duplicate person, so that every listing, count and search shows one person;
what is needed to bring it back (its name, address, ORCID iD and the presenter entries it had) is
kept on the merge. Its old address and its name stay known as an alias of the kept person, so that
links keep working (301) and a re-import of the same spelling finds the kept person.
"""

from django.conf import settings
from django.db import models

from .programme import Person


class PersonMerge(models.Model):
    kept = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="merges")
    merged_name = models.CharField(max_length=200)
    merged_name_key = models.CharField(max_length=200)
    merged_slug = models.SlugField(max_length=220)
    merged_orcid = models.CharField(max_length=19, blank=True)
    merged_is_group = models.BooleanField(default=False)
    entry_ids = models.JSONField(default=list, help_text="The presenter entries moved to the kept person.")
    # Earlier merges into the removed person, handed on to the kept one; undoing hands them back.
    inherited_merge_ids = models.JSONField(default=list)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at", "-pk"]
        verbose_name = "merge of people"
        verbose_name_plural = "merges of people"

    def __str__(self):
        return f"{self.merged_name} merged into {self.kept}"


class PersonAlias(models.Model):
    """A merged person's address and name, answering for the person it was merged into."""

    merge = models.ForeignKey(PersonMerge, on_delete=models.CASCADE, related_name="aliases")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    old_slug = models.SlugField(max_length=220, unique=True)
    name_key = models.CharField(max_length=200, db_index=True)

    class Meta:
        verbose_name_plural = "person aliases"

    def __str__(self):
        return f"{self.old_slug} -> {self.person}"


def merged_into(slug):
    """The person that the merged person once at `slug` became; None when no merge left that address."""
    alias = PersonAlias.objects.select_related("person").filter(old_slug=slug).first()
    return alias.person if alias else None
