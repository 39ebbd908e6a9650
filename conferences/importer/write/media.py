"""Images and documents from the Hugo tree's static/ folder, brought in once each."""

import hashlib
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}
DOCUMENT_SUFFIXES = {".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".csv", ".txt", ".rtf"}


class MediaLibrary:
    """Finds or creates the Wagtail image or document for a static path such as /img/x.jpg."""

    def __init__(self, static_root, records, dry_run=False):
        self.static_root = Path(static_root)
        self.records = records
        self.dry_run = dry_run
        self.created_files = []
        self.cache = {}

    def image(self, src):
        return self._get(src, "image", get_image_model(), IMAGE_SUFFIXES)

    def document(self, src):
        return self._get(src, "document", get_document_model(), DOCUMENT_SUFFIXES)

    def is_document_path(self, path):
        return Path(path).suffix.lower() in DOCUMENT_SUFFIXES and self._file(path) is not None

    def _file(self, src):
        relative = (src or "").split("?")[0].split("#")[0].lstrip("/")
        if not relative or ".." in Path(relative).parts:
            return None
        path = self.static_root / relative
        return path if path.is_file() else None

    def _get(self, src, kind, model, suffixes):
        key = f"{kind}:/{(src or '').lstrip('/')}"
        if key in self.cache:
            return self.cache[key]
        path = self._file(src)
        found = None
        if path is not None and path.suffix.lower() in suffixes:
            found = self.records.existing(key, model) or self._create(key, model, path)
        self.cache[key] = found
        return found

    def _create(self, key, model, path):
        with path.open("rb") as handle:
            item = model(title=path.stem.replace("-", " ").replace("_", " "))
            item.file.save(path.name, File(handle), save=False)
        item.save()
        self.created_files.append(item.file.name)
        self.records.remember(key, item, fingerprint=hashlib.sha256(key.encode()).hexdigest())
        return item

    def discard_created_files(self):
        """Remove files written by a run whose database changes were rolled back."""
        for name in self.created_files:
            default_storage.delete(name)
