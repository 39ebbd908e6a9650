"""What editors have done to imported programme rows since the import last wrote them."""

from dataclasses import dataclass

from wagtail.models import WorkflowState

from .programme_rows import row_values

OPEN_MODERATION = {
    WorkflowState.STATUS_IN_PROGRESS: "submitted for moderation",
    WorkflowState.STATUS_NEEDS_CHANGES: "sent back for changes in moderation",
}


@dataclass
class EditorWork:
    edited: bool = False  # the published row's content differs from what the import wrote
    draft: bool = False  # unpublished changes wait in a revision
    unpublished: bool = False
    moderation: str = ""  # an open workflow, as OPEN_MODERATION says it
    locked: bool = False

    @property
    def any(self):
        return self.edited or self.draft or self.unpublished or bool(self.moderation) or self.locked

    def describe(self):
        parts = [
            "published an edit" if self.edited else "",
            "unpublished it" if self.unpublished else "saved a draft" if self.draft else "",
            self.moderation,
            "locked it" if self.locked else "",
        ]
        return ", ".join(part for part in parts if part)


def editor_work(rows, recorded):
    """EditorWork by row id; `recorded` gives the fingerprint of the content the import wrote ("" if not known).

    A row whose fingerprint is not known was written by an import that kept no row records and
    published no revisions, so a published revision was published in the admin.
    """
    moderation = _open_moderation(rows)
    work = {}
    for row in rows:
        written = recorded.get(row.pk, "")
        edited = row_values(row).fingerprint != written if written else row.live_revision_id is not None
        work[row.pk] = EditorWork(
            edited=edited,
            draft=row.has_unpublished_changes,
            unpublished=not row.live,
            moderation=moderation.get(str(row.pk), ""),
            locked=row.locked,
        )
    return work


def editor_version(row):
    """What the editor would see in the admin: the latest draft, or the published row."""
    return row.get_latest_revision_as_object()


def _open_moderation(rows):
    if not rows:
        return {}
    states = WorkflowState.objects.filter(
        base_content_type=rows[0].get_base_content_type(),
        object_id__in=[str(row.pk) for row in rows],
        status__in=list(OPEN_MODERATION),
    )
    return {object_id: OPEN_MODERATION[status] for object_id, status in states.values_list("object_id", "status")}
