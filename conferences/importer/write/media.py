"""Images and documents from the Hugo tree's static/ folder: brought in once each, replaced when their content changes.

Each file's record in ImportedSource keeps the SHA-256 of its content. A file whose content
changed becomes a new file of the same Wagtail image or document, so every page showing it
shows the new one. Files are checked against the admin's upload rules before anything is
stored, and every file stored is remembered, so that a run that fails can delete them.
"""

import hashlib
from functools import partial
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from ..errors import SourceWarning
from .upload_rules import check_document, check_image


class MediaLibrary:
    """Finds, creates or replaces the Wagtail image or document for a static path such as /img/x.jpg."""

    def __init__(self, static_root, records, report):
        self.static_root = Path(static_root)
        self.records = records
        self.report = report
        self.created_files = []
        self.cache = {}

    def image(self, src):
        return self._get(src, "image", get_image_model(), check_image)

    def document(self, src):
        return self._get(src, "document", get_document_model(), check_document)

    def kind_of(self, path):
        """ "image" or "document" for a file that static/ holds, by the types the admin accepts; else None."""
        if self._file(path) is None:
            return None
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix in settings.WAGTAILIMAGES_EXTENSIONS:
            return "image"
        return "document" if suffix in settings.WAGTAILDOCS_EXTENSIONS else None

    def bring_in(self, path, warnings):
        """Import the file at the static path `path` as whatever it is; warn about a type the site cannot hold."""
        kind = self.kind_of(path)
        if kind is None:
            warnings.append(SourceWarning(f"static{path}", "neither an image nor a document type; not imported"))
            return None
        return self.image(path) if kind == "image" else self.document(path)

    def held(self):
        """Each static path brought in, with its kind and item: [("/img/x.jpg", "image", Image), ...]."""
        return [(key.split(":", 1)[1], key.split(":", 1)[0], item) for key, item in sorted(self.cache.items()) if item]

    def discard_created_files(self):
        """Remove files written by a run whose database changes were rolled back."""
        for storage, name in self.created_files:
            storage.delete(name)

    def _file(self, src):
        relative = (src or "").split("?")[0].split("#")[0].lstrip("/")
        if not relative or ".." in Path(relative).parts:
            return None
        path = self.static_root / relative
        return path if path.is_file() else None

    def _get(self, src, kind, model, check):
        key = f"{kind}:/{(src or '').lstrip('/')}"
        if key not in self.cache:
            path = self._file(src)
            self.cache[key] = self._bring_in(key, kind, model, check, path) if path else None
        return self.cache[key]

    def _bring_in(self, key, kind, model, check, path):
        digest = _content_hash(path)
        item = self.records.existing(key, model)
        if item is not None and digest in (self.records.fingerprint(key), _stored_hash(item)):
            if self.records.fingerprint(key) != digest:
                # Recorded by an import that kept no content hash, or one whose record is stale.
                self.records.remember(key, item, digest)
            return item
        check(path, str(PurePosixPath("static", path.relative_to(self.static_root).as_posix())))
        if item is None:
            item = model(title=path.stem.replace("-", " ").replace("_", " "))
            self.report.created[f"{kind}s"] += 1
        else:
            self._supersede(item)
            self.report.updated[f"{kind}s"] += 1
        self._store(item, path)
        self.records.remember(key, item, digest)
        return item

    def _supersede(self, item):
        """Let go of an item's old file and renditions, once the run commits: until then it may still fail."""
        transaction.on_commit(partial(item.file.storage.delete, item.file.name))
        if hasattr(item, "renditions"):
            # Wagtail deletes the renditions' files when the deletion commits.
            item.renditions.all().delete()

    def _store(self, item, path):
        field_file = item.file
        name = field_file.field.generate_filename(item, path.name)
        with path.open("rb") as handle:
            stored = field_file.storage.save(name, File(handle), max_length=field_file.field.max_length)
        # Remembered before anything else can fail, so that a failed run deletes it.
        self.created_files.append((field_file.storage, stored))
        item.file = stored
        # Size and SHA-1, as the admin's upload forms set them (its duplicate check reads the hash).
        if hasattr(item, "_set_image_file_metadata"):
            item._set_image_file_metadata()
        else:
            item._set_document_file_metadata()
        item.file.close()
        item.save()


def _content_hash(path):
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _stored_hash(item):
    """The SHA-256 of the file an item holds now, or None when its file is missing."""
    try:
        with item.file.storage.open(item.file.name, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (FileNotFoundError, ValueError):
        return None
