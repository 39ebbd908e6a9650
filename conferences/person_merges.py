"""Merging two records of one person, and undoing it, as curators decide in the admin.

Nothing here runs on its own: duplicates are only ever merged by a curator, because merging two
different people loses more than showing one person twice.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision
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
    presentation_ids = list(Presenter.objects.filter(pk__in=entries).values_list("presentation_id", flat=True))
    Presenter.objects.filter(pk__in=entries).update(person=kept)
    _rewrite_revisions(presentation_ids, entries, other.pk, kept.pk, new_entries_too=True)
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
    moved_back = Presenter.objects.filter(pk__in=merge.entry_ids, person=merge.kept)
    presentation_ids = list(moved_back.values_list("presentation_id", flat=True))
    moved_back.update(person=restored)
    _rewrite_revisions(presentation_ids, merge.entry_ids, merge.kept.pk, restored.pk)
    PersonMerge.objects.filter(pk__in=merge.inherited_merge_ids, kept=merge.kept, undone_at=None).update(kept=restored)
    PersonAlias.objects.filter(merge_id__in=merge.inherited_merge_ids).update(person=restored)
    merge.undone_at, merge.undone_by = timezone.now(), user
    merge.save(update_fields=["undone_at", "undone_by"])
    log(merge.kept, UNDO_ACTION, user=user, data=_log_data(merge))
    _reindex(merge.kept, [merge])
    return restored


def _rewrite_revisions(presentation_ids, entry_ids, from_pk, to_pk, new_entries_too=False):
    """Point the moved entries in the presentations' revisions at their new person.

    A draft, or an old revision an editor reverts to, would otherwise name a person who is gone.
    A draft's entries not saved yet have no id; on a merge they follow the merged person too.
    """
    content_type = ContentType.objects.get_for_model(Presentation)
    revisions = Revision.objects.filter(
        base_content_type=content_type, object_id__in=[str(pk) for pk in set(presentation_ids)]
    )
    moved = set(entry_ids)
    for revision in revisions:
        changed = False
        for entry in revision.content.get("presenters") or []:
            ours = entry.get("pk") in moved or (new_entries_too and entry.get("pk") is None)
            if ours and entry.get("person") == from_pk:
                entry["person"], changed = to_pk, True
        if changed:
            revision.save(update_fields=["content"])


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
