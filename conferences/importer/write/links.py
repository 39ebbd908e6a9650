"""Resolve the links written in the Hugo source to pages, documents or addresses.

Once the section moves here, the old site's addresses in it are this site's own: a link to a
page or file the import holds leads to it, a link elsewhere in the section stays on this site,
and only the sections this site does not hold (About, IQ, the blog...) lead to the main site.
"""

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from django.conf import settings

from ..errors import SourceWarning

SITE_HOSTS = {"iassistdata.org", "www.iassistdata.org"}
IMPORTED_SECTIONS = ("/conferences/", "/community/code-of-conduct")
# Google Docs wraps every link of a pasted document in its own redirect: /url?q=<the link>&sa=...
GOOGLE_HOSTS = {"www.google.com", "google.com"}


@dataclass(frozen=True)
class Target:
    kind: str  # "page", "document" or "url"
    value: object  # a page id, a Document, or an address


class LinkResolver:
    """`held_folders` are folders whose every address this site answers (the OpenConf exports, netlify's splats)."""

    def __init__(self, pages_by_url, pages_by_source, media, warnings, held_folders=()):
        self.pages_by_url = pages_by_url
        self.pages_by_source = pages_by_source
        self.media = media
        self.warnings = warnings
        self.held_folders = tuple(held_folders)
        self.paths = {}
        for url, page_id in pages_by_url.items():
            # Each page's own address comes first (PageWriter.by_url), then its old ones.
            self.paths.setdefault(page_id, url)

    def page_path(self, page_id):
        """The address of the page on this site, e.g. /conferences/iassist2025/."""
        return self.paths.get(page_id, "")

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
        host = (parts.hostname or "").lower()
        if host in GOOGLE_HOSTS and parts.path == "/url" and parse_qs(parts.query).get("q"):
            return self.resolve(parse_qs(parts.query)["q"][0], page_url=page_url, source=source)
        if parts.netloc and host not in SITE_HOSTS:
            return Target("url", href)
        return self._site_path(urljoin(page_url or "/", parts.path or "/"), parts, source)

    def _site_path(self, path, parts, source):
        key = normalise_site_path(path)
        if key in self.pages_by_url:
            return Target("page", self.pages_by_url[key])
        tail = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        file_path = unquote(path)
        kind = self.media.kind_of(file_path)
        if kind == "document" and (document := self.media.document(file_path)) is not None:
            return Target("document", document)
        if kind == "image" and self.media.image(file_path) is not None:
            # The image's old address is this site's: it answers with the image (conferences.old_addresses).
            return Target("url", path + tail)
        if self._held(path):
            return Target("url", path + tail)
        if path.lower().startswith(IMPORTED_SECTIONS):
            if not posixpath.splitext(path)[1]:
                self.warnings.append(SourceWarning(source, f"link to {path} names no imported page on this site"))
            return Target("url", path + tail)
        return Target("url", settings.MAIN_SITE_URL + path + tail)

    def _held(self, path):
        folder = path if path.endswith("/") else path + "/"
        return folder.lower().startswith(tuple(held.lower() for held in self.held_folders))

    def _ref(self, name, source):
        written = name.split("#")[0].strip()
        stem = written[:-3] if written.endswith(".md") else written
        for candidate in _ref_candidates(stem, source):
            if page_id := self.pages_by_source.get(candidate):
                return Target("page", page_id)
        self.warnings.append(SourceWarning(source, f'ref "{name}" names no imported page'))
        return Target("url", "")


def _ref_candidates(stem, source):
    """Where Hugo looks for a `ref`: from content/ when it starts with /, else beside the page first, then anywhere."""
    if stem.startswith("/"):
        return [stem.strip("/").lower()]
    folder = posixpath.dirname(source).removeprefix("content").strip("/")
    beside = posixpath.normpath(posixpath.join(folder, stem.strip("/"))).lower()
    return [beside, stem.strip("/").lower(), posixpath.basename(stem.strip("/")).lower()]


def normalise_site_path(path):
    """/Conferences/Archive -> /conferences/archive/ (Hugo serves lower-case paths with a trailing slash)."""
    path = urlsplit(path).path or "/"
    path = posixpath.normpath(path) if path not in ("", "/") else "/"
    path = path.lower().rstrip("/") + "/"
    return path.replace("//", "/")
