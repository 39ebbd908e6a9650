"""Resolve the links written in the Hugo source to pages, documents or addresses."""

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..errors import SourceWarning

MAIN_SITE = "https://iassistdata.org"
SITE_HOSTS = {"iassistdata.org", "www.iassistdata.org"}
IMPORTED_SECTIONS = ("/conferences/", "/community/code-of-conduct")


@dataclass(frozen=True)
class Target:
    kind: str  # "page", "document" or "url"
    value: object  # a page id, a Document, or an address


class LinkResolver:
    def __init__(self, pages_by_url, pages_by_source, media, warnings):
        self.pages_by_url = pages_by_url
        self.pages_by_source = pages_by_source
        self.media = media
        self.warnings = warnings

    def resolve(self, href, *, page_url, source):
        href = (href or "").strip()
        if not href or href.startswith("#"):
            return Target("url", href)
        if href.startswith("ref:"):
            return self._ref(href[4:], source)
        if re.match(r"^(mailto|tel):", href, re.IGNORECASE):
            return Target("url", href)
        parts = urlsplit(href)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return Target("url", "")
        if parts.netloc and (parts.hostname or "").lower() not in SITE_HOSTS:
            return Target("url", href)
        return self._site_path(urljoin(page_url or "/", parts.path or "/"), parts, source)

    def _site_path(self, path, parts, source):
        key = normalise_site_path(path)
        if key in self.pages_by_url:
            return Target("page", self.pages_by_url[key])
        if self.media.is_document_path(path):
            document = self.media.document(path)
            if document is not None:
                return Target("document", document)
        address = (
            MAIN_SITE
            + path
            + (f"?{parts.query}" if parts.query else "")
            + (f"#{parts.fragment}" if parts.fragment else "")
        )
        if path.lower().startswith(IMPORTED_SECTIONS) and not posixpath.splitext(path)[1]:
            self.warnings.append(
                SourceWarning(source, f"link to {path} names no imported page; it leads to {address}")
            )
        return Target("url", address)

    def _ref(self, name, source):
        stem = name.split("#")[0].strip().strip("/")
        stem = stem[:-3] if stem.endswith(".md") else stem
        page_id = self.pages_by_source.get(stem.lower()) or self.pages_by_source.get(posixpath.basename(stem).lower())
        if page_id:
            return Target("page", page_id)
        self.warnings.append(SourceWarning(source, f'ref "{name}" names no imported page'))
        return Target("url", "")


def normalise_site_path(path):
    """/Conferences/Archive -> /conferences/archive/ (Hugo serves lower-case paths with a trailing slash)."""
    path = urlsplit(path).path or "/"
    path = posixpath.normpath(path) if path not in ("", "/") else "/"
    path = path.lower().rstrip("/") + "/"
    return path.replace("//", "/")
