"""Addresses in page bodies: resolving relative ones and checking files against static/."""

from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from ..errors import SourceWarning

PAGE_SUFFIXES = {"", ".html", ".htm", ".md", ".php", ".shtml"}


class Addresses:
    def __init__(self, path, warnings, *, page_url=None, static_root=None):
        self.path = path
        self.warnings = warnings
        self.page_url = page_url
        self.static_root = Path(static_root) if static_root else None

    def resolve(self, address):
        """Relative image and document addresses are relative to the page, as the browser reads them."""
        if not address or not self.page_url or urlsplit(address).scheme or address.startswith(("/", "#")):
            return address
        return urljoin(self.page_url, address)

    def check_link(self, href):
        """Links to files (not pages) must point at something the static folder holds."""
        if href.startswith("ref:"):
            return
        resolved = self.resolve(href)
        if PurePosixPath(urlsplit(resolved).path).suffix.lower() not in PAGE_SUFFIXES:
            self.check_file(resolved)

    def check_file(self, address):
        parts = urlsplit(address)
        if not self.static_root or parts.scheme or parts.netloc or not parts.path.startswith("/"):
            return
        if not (self.static_root / unquote(parts.path).lstrip("/")).is_file():
            self.warnings.append(SourceWarning(self.path, f"static file {parts.path} is missing"))
