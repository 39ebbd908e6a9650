"""What the old Hugo site published for the conferences section, computed from its source tree the way Hugo does.

Independent of the importer on purpose: the addresses come from the tree (content paths lower-cased
with Hugo's rules, the files pages refer to or that sit under static/conferences/, each section's
feed, netlify.toml's rules), so that a test can check the new site answers every one of them.
"""

import posixpath
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from conferences.importer.parse.source import front_matter_bool, read_content_file

SITE_HOSTS = {"iassistdata.org", "www.iassistdata.org"}
SECTION_PATHS = ("/conferences", "/community/code-of-conduct")
SPLAT_SAMPLE = "sample/old-page/"
# Addresses as pages write them: HTML attributes, shortcode arguments, front matter, markdown links.
QUOTED = re.compile(r"""(?:src|href|link|url|banner)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
MARKDOWN_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")
SITE_ADDRESS = re.compile(r"https?://(?:www\.)?iassistdata\.org(/[^\s\"'<>)&]*)")


@dataclass(frozen=True)
class OldAddress:
    path: str
    kind: str  # "page", "feed", "file", "export" (an OpenConf programme page) or "rule" (netlify.toml)
    origin: str  # what in the tree publishes it

    def __str__(self):
        return f"{self.path} ({self.kind}, {self.origin})"


def published_addresses(tree):
    tree = Path(tree)
    pages = list(_pages(tree))
    exports = _export_folders(tree)
    addresses = pages + list(_feeds(tree)) + list(_files(tree, pages, exports)) + list(_rules(tree))
    unique = {}
    for address in addresses:
        unique.setdefault(address.path, address)
    return list(unique.values())


def _content_files(tree):
    files = sorted((tree / "content/conferences").rglob("*.md"))
    conduct = tree / "content/community/code-of-conduct.md"
    return files + ([conduct] if conduct.is_file() else [])


def _published(tree, path):
    source = read_content_file(tree, path.relative_to(tree).as_posix())
    return None if front_matter_bool(source.front_matter.get("draft")) else source


def _pages(tree):
    for path in _content_files(tree):
        source = _published(tree, path)
        if source is None:
            continue
        origin = source.path
        yield OldAddress(hugo_address(source.path, source.front_matter), "page", origin)
        for alias in source.front_matter.get("aliases") or []:
            yield OldAddress(_with_slash(alias.lower()), "page", f"{origin} alias")


def hugo_address(relative, front_matter):
    """Hugo's default permalink: the content path without its extension, a bundle at its folder, lower-cased."""
    if isinstance(front_matter.get("url"), str):
        return _with_slash(front_matter["url"])
    parts = list(PurePosixPath(relative).parts[1:])
    stem = PurePosixPath(parts.pop()).stem
    if stem not in ("_index", "index"):
        parts.append(front_matter.get("slug") or stem)
    return _with_slash("/" + "/".join(parts).lower().replace(" ", "-"))


def _with_slash(path):
    path = "/" + path.strip("/")
    return path if path == "/" else path + "/"


def _feeds(tree):
    """Hugo writes an RSS feed for every section: a folder with an _index.md."""
    for index in sorted((tree / "content/conferences").rglob("_index.md")):
        source = _published(tree, index)
        if source is not None:
            yield OldAddress(hugo_address(source.path, source.front_matter) + "index.xml", "feed", source.path)


def _export_folders(tree):
    """The OpenConf programme exports under static/conferences/ (a folder whose index.html is OpenConf's)."""
    return sorted(
        "/" + page.parent.relative_to(tree / "static").as_posix() + "/"
        for page in (tree / "static/conferences").rglob("index.html")
        if "openconf" in page.read_text(errors="replace").lower()
    )


def _files(tree, pages, exports):
    static = tree / "static"
    for path in sorted((static / "conferences").rglob("*")):
        if path.is_file():
            address = "/" + path.relative_to(static).as_posix()
            export = any(address.startswith(folder) for folder in exports)
            yield OldAddress(address, "export" if export else "file", "static/conferences/")
    for folder in exports:
        yield OldAddress(folder, "export", "OpenConf export")
    for page in pages:
        text = (tree / page.origin).read_text()
        for written in [*QUOTED.findall(text), *MARKDOWN_TARGET.findall(text), *SITE_ADDRESS.findall(text)]:
            address = _static_address(written, page.path)
            if address and (static / unquote(address).lstrip("/")).is_file():
                yield OldAddress(unquote(address), "file", page.origin)


def _static_address(written, page_path):
    parts = urlsplit(written.strip())
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc and parts.hostname.lower() not in SITE_HOSTS:
        return None
    path = posixpath.normpath(urljoin(page_path, parts.path)) if parts.path else None
    return path if path and posixpath.splitext(path)[1] else None


def _rules(tree):
    netlify = tree / "netlify.toml"
    rules = tomllib.loads(netlify.read_text()).get("redirects", []) if netlify.is_file() else []
    for rule in rules:
        parts = urlsplit(rule["from"])
        if parts.netloc and parts.hostname.lower() not in SITE_HOSTS:
            continue
        if parts.path.startswith(SECTION_PATHS):
            yield OldAddress(parts.path.replace("*", SPLAT_SAMPLE), "rule", f"netlify.toml {rule['from']}")
