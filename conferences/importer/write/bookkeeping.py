"""What earlier runs of the import created, so that a re-run finds it again and sees what changed."""

import hashlib
import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from conferences.models import ImportedSource

ROW_FIELDS = ["content_type", "object_id", "fingerprint", "written_place", "source_title", "source_order",
              "updated_at"]  # fmt: skip


def fingerprint(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def row_key(kind, conference_key, pk):
    """A programme row's record: rows keep their ids, so the id names the record and survives reordering."""
    return f"{kind}:{conference_key}:{pk}"


@dataclass
class RowRecord:
    """What the import wrote to one session or presentation, and where the row stood in the source."""

    key: str
    item: object
    fingerprint: str  # of the content written; "" when not known (written before the import kept row records)
    written_place: dict | None  # the session and order written; None when not known
    source_title: str
    source_order: int


class ImportRecords:
    def __init__(self):
        self.by_key = {record.key: record for record in ImportedSource.objects.all()}

    def existing(self, key, model):
        record = self.by_key.get(key)
        if record is None:
            return None
        item = model._default_manager.filter(pk=record.object_id).first()
        return item.specific if hasattr(item, "specific") and item is not None else item

    def fingerprint(self, key):
        record = self.by_key.get(key)
        return record.fingerprint if record else None

    def remember(self, key, item, fingerprint):
        content_type = ContentType.objects.get_for_model(item, for_concrete_model=False)
        record, _ = ImportedSource.objects.update_or_create(
            key=key,
            defaults={"content_type": content_type, "object_id": item.pk, "fingerprint": fingerprint},
        )
        self.by_key[key] = record
        return record

    def under(self, prefix):
        """The records whose key starts with `prefix`, e.g. one conference's presentations."""
        return [record for key, record in self.by_key.items() if key.startswith(prefix)]

    def remember_rows(self, rows):
        """Record many programme rows at once: a first import writes thousands."""
        new, changed, now = [], [], timezone.now()
        for row in rows:
            content_type = ContentType.objects.get_for_model(row.item, for_concrete_model=False)
            values = {"content_type": content_type, "object_id": row.item.pk, "fingerprint": row.fingerprint,
                      "written_place": row.written_place, "source_title": row.source_title[:1000],
                      "source_order": row.source_order, "updated_at": now}  # fmt: skip
            record = self.by_key.get(row.key)
            if record is None:
                new.append(ImportedSource(key=row.key, **values))
            elif any(getattr(record, name) != value for name, value in values.items() if name != "updated_at"):
                for name, value in values.items():
                    setattr(record, name, value)
                changed.append(record)
        for record in ImportedSource.objects.bulk_create(new):
            self.by_key[record.key] = record
        ImportedSource.objects.bulk_update(changed, ROW_FIELDS, batch_size=500)

    def forget(self, keys):
        keys = [key for key in keys if key in self.by_key]
        ImportedSource.objects.filter(key__in=keys).delete()
        for key in keys:
            del self.by_key[key]
