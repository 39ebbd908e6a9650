"""What earlier runs of the import created, so that a re-run finds it again and sees what changed."""

import hashlib
import json

from django.contrib.contenttypes.models import ContentType

from conferences.models import ImportedSource


def fingerprint(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


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
