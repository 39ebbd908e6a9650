"""Understand the Zenodo addresses and DOIs that editors paste.

Editors copy links from the browser's address bar, from DOI badges and from
citations, so several spellings of the same target are accepted and stored in
one canonical form.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

ACCEPTED_FORMS = (
    "a Zenodo community (https://zenodo.org/communities/iassist-2022), "
    "a Zenodo record (https://zenodo.org/records/123456), "
    "a DOI link (https://doi.org/10.5281/zenodo.123456) "
    "or a bare DOI (10.5281/zenodo.123456)"
)

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/[^\s\"<>]+$")
ZENODO_HOSTS = {"zenodo.org", "www.zenodo.org", "sandbox.zenodo.org"}
DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}
COMMUNITY_PATH = re.compile(r"^/communities/([A-Za-z0-9_.-]+)/?")
RECORD_PATH = re.compile(r"^/records?/(\d+)/?")
ZENODO_DOI_PATH = re.compile(r"^/doi/(10\..+)$")


class NotAZenodoTarget(ValueError):
    """Raised for input that is neither a Zenodo address nor a DOI."""


@dataclass(frozen=True)
class ZenodoTarget:
    kind: str  # "community", "record" or "doi"
    identifier: str

    @property
    def url(self):
        if self.kind == "community":
            return f"https://zenodo.org/communities/{self.identifier}"
        if self.kind == "record":
            return f"https://zenodo.org/records/{self.identifier}"
        return doi_url(self.identifier)


def doi_url(doi):
    """The address at which `doi` (a bare DOI) resolves."""
    return f"https://doi.org/{doi}"


def parse_zenodo(value):
    """Return the ZenodoTarget that `value` names, or raise NotAZenodoTarget."""
    text = (value or "").strip()
    if not text:
        raise NotAZenodoTarget("Enter a Zenodo address or DOI.")
    if len(text) > 500:
        raise NotAZenodoTarget("That value is too long to be a Zenodo address or DOI.")
    doi = normalise_doi(text)
    if doi:
        return ZenodoTarget("doi", doi)
    parts = urlsplit(text if "://" in text else f"https://{text}")
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https"):
        raise NotAZenodoTarget(f"Enter {ACCEPTED_FORMS}.")
    if host in ZENODO_HOSTS:
        target = _zenodo_path_target(parts.path)
        if target:
            return target
    raise NotAZenodoTarget(f"“{text[:80]}” is not a Zenodo address. Enter {ACCEPTED_FORMS}.")


def _zenodo_path_target(path):
    if match := COMMUNITY_PATH.match(path):
        return ZenodoTarget("community", match.group(1).lower())
    if match := RECORD_PATH.match(path):
        return ZenodoTarget("record", match.group(1))
    if match := ZENODO_DOI_PATH.match(path):
        doi = normalise_doi(match.group(1))
        if doi:
            return ZenodoTarget("doi", doi)
    return None


def normalise_doi(value):
    """Return the bare DOI in `value` (a DOI, `doi:` form or doi.org link), else None.

    DOIs are case-insensitive; they are stored lower-cased so that the same DOI
    written two ways is recognised as one.
    """
    text = (value or "").strip()
    lowered = text.lower()
    if lowered.startswith("doi:"):
        text = text[4:].strip()
    elif "://" in text:
        parts = urlsplit(text)
        if (parts.hostname or "").lower() not in DOI_HOSTS or parts.scheme not in ("http", "https"):
            return None
        text = parts.path.lstrip("/")
    text = text.rstrip(".,;")
    if DOI_PATTERN.match(text):
        return text.lower()
    return None


def is_zenodo_doi(doi):
    """Whether `doi` (bare, as stored) was minted by Zenodo, where IASSIST's presenters deposit their slides."""
    return doi.startswith("10.5281/zenodo.")
