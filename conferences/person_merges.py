"""Merging two records of one person, and undoing it, as curators decide in the admin.

Nothing here runs on its own: duplicates are only ever merged by a curator, because merging two
different people loses more than showing one person twice.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.search import index

from .models import Person, PersonAlias, PersonMerge, Presentation, Presenter

MERGE_ACTION = "conferences.merge_people"
UNDO_ACTION = "conferences.undo_merge_people"


class MergeError(ValueError):
    """A merge or undo that cannot be done; the message says why, for the curator."""


@transaction.atomic
def merge_people(kept, others, user=None):
    """Move every presenter entry of `others` to `kept` and remove them; returns the merges."""
    kept = Person.objects.select_for_update().filter(pk=getattr(kept, "pk", kept)).first()
    if kept is None:
        raise MergeError("The person to keep no longer exists: it may have been merged already.")
    other_ids = [getattr(other, "pk", other) for other in others]
    if not other_ids:
        raise MergeError("Choose at least one person to merge into the one you keep.")
    if kept.pk in other_ids:
        raise MergeError(f"{kept.name} cannot be merged with itself.")
    people = list(Person.objects.select_for_update().filter(pk__in=other_ids))
    if len(people) != len(set(other_ids)):
        raise MergeError("One of the people to merge no longer exists: it may have been merged already.")
    merges = [_merge_one(kept, other, user) for other in people]
    _reindex(kept, merges)
    return merges


def _merge_one(kept, other, user):
    entries = list(other.presenter_entries.values_list("pk", flat=True))
    inherited = list(PersonMerge.objects.filter(kept=other, undone_at=None).values_list("pk", flat=True))
    merge = PersonMerge.objects.create(
        kept=kept,
        merged_name=other.name,
        merged_name_key=other.name_key,
        merged_slug=other.slug,
        merged_orcid=other.orcid,
        merged_is_group=other.is_group,
        entry_ids=entries,
        inherited_merge_ids=inherited,
        merged_by=user,
    )
    Presenter.objects.filter(pk__in=entries).update(person=kept)
    PersonMerge.objects.filter(pk__in=inherited).update(kept=kept)
    PersonAlias.objects.filter(person=other).update(person=kept)
    if not kept.orcid and other.orcid:
        kept.orcid = other.orcid
        kept.save(update_fields=["orcid"])
    other.delete()
    PersonAlias.objects.create(merge=merge, person=kept, old_slug=merge.merged_slug, name_key=merge.merged_name_key)
    log(kept, MERGE_ACTION, user=user, data=_log_data(merge))
    return merge


@transaction.atomic
def undo_merge(merge, user=None):
    """Bring the merged person back with the entries it had; returns it."""
    merge = PersonMerge.objects.select_for_update().select_related("kept").filter(pk=merge.pk).first()
    if merge is None:
        raise MergeError("This merge no longer exists.")
    if merge.undone_at:
        raise MergeError(f"The merge of {merge.merged_name} into {merge.kept.name} has been undone already.")
    if Person.objects.filter(slug=merge.merged_slug).exists():
        raise MergeError(f"Another person now has the address {merge.merged_slug}: rename them first.")
    if Person.objects.filter(name_key=merge.merged_name_key).exists():
        raise MergeError(f"Another person is now called {merge.merged_name}: rename them first.")
    merge.aliases.all().delete()
    restored = Person.objects.create(
        name=merge.merged_name, slug=merge.merged_slug, orcid=merge.merged_orcid, is_group=merge.merged_is_group
    )
    Presenter.objects.filter(pk__in=merge.entry_ids, person=merge.kept).update(person=restored)
    PersonMerge.objects.filter(pk__in=merge.inherited_merge_ids, kept=merge.kept, undone_at=None).update(kept=restored)
    PersonAlias.objects.filter(merge_id__in=merge.inherited_merge_ids).update(person=restored)
    merge.undone_at, merge.undone_by = timezone.now(), user
    merge.save(update_fields=["undone_at", "undone_by"])
    log(merge.kept, UNDO_ACTION, user=user, data=_log_data(merge))
    _reindex(merge.kept, [merge])
    return restored


def _log_data(merge):
    return {"merged": merge.merged_name, "address": merge.merged_slug, "entries": merge.entry_ids}


def _reindex(kept, merges):
    """Presentations index their presenters' names, and queryset updates send no signals."""
    entry_ids = [pk for merge in merges for pk in merge.entry_ids]
    presentations = (
        Presentation.objects.filter(presenters__pk__in=entry_ids)
        .distinct()
        .prefetch_related("dois", "presenters__person")
    )
    for presentation in presentations:
        index.insert_or_update_object(presentation)
    index.insert_or_update_object(kept)
