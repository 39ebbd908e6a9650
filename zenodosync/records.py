"""Zenodo's records, read from the JSON of its REST API (`GET /api/records`), into plain values.

Zenodo answers in its "legacy" JSON: each hit has `id`, `doi`, `conceptdoi`, `metadata` (`title`,
`creators` with `name` as "Family, Given", `affiliation` and `orcid`, `publication_date`,
`resource_type`, `communities`) and `links`. A hit that lacks what matching needs is left out and
counted, never guessed at: the response comes from outside the site.
"""

import re
from dataclasses import dataclass

from conferences.zenodo import normalise_doi

TITLE_LIMIT = 1000  # Presentation.title's length: a longer title cannot be proposed anyway
NAME_LIMIT = 200


class NotARecord(ValueError):
    """A hit without an id, a title or a DOI: nothing can be matched or proposed from it."""


@dataclass(frozen=True)
class Creator:
    name: str
    orcid: str = ""
    affiliation: str = ""

    @property
    def family_name(self):
        """Zenodo writes "Family, Given"; a creator typed as "Given Family" has no comma."""
        family, comma, _ = self.name.partition(",")
        return family.strip() if comma else (self.name.split() or [""])[-1]

    @property
    def given_name(self):
        family, comma, given = self.name.partition(",")
        return given.strip() if comma else " ".join(self.name.split()[:-1])


@dataclass(frozen=True)
class ZenodoRecord:
    record_id: str
    doi: str
    title: str
    creators: tuple
    year: int | None
    url: str
    communities: tuple = ()


def parse_hit(hit):
    """The ZenodoRecord of one search hit, or NotARecord saying what is missing."""
    if not isinstance(hit, dict):
        raise NotARecord("a hit that is not a JSON object")
    metadata = hit.get("metadata") if isinstance(hit.get("metadata"), dict) else {}
    record_id = str(hit.get("id") or hit.get("recid") or "").strip()
    if not record_id.isdigit():
        raise NotARecord("a hit without a numeric id")
    title = _text(metadata.get("title") or hit.get("title"), TITLE_LIMIT)
    if not title:
        raise NotARecord(f"record {record_id} has no title")
    doi = normalise_doi(_text(hit.get("doi") or metadata.get("doi"), 200))
    if not doi:
        raise NotARecord(f"record {record_id} has no DOI")
    return ZenodoRecord(
        record_id=record_id,
        doi=doi,
        title=title,
        creators=tuple(_creators(metadata.get("creators"))),
        year=_year(metadata.get("publication_date")),
        url=_html_url(hit, record_id),
        communities=tuple(_communities(metadata.get("communities"))),
    )


def parse_hits(hits):
    """(records, skipped): the records of a response's `hits.hits`, and a reason for each hit left out."""
    records, skipped = [], []
    for hit in hits:
        try:
            records.append(parse_hit(hit))
        except NotARecord as reason:
            skipped.append(str(reason))
    return records, skipped


def _text(value, limit):
    if not isinstance(value, str):
        return ""
    return re.sub(r"\s+", " ", value).strip()[:limit]


def _creators(value):
    for entry in value if isinstance(value, list) else []:
        if isinstance(entry, dict) and _text(entry.get("name"), NAME_LIMIT):
            yield Creator(
                name=_text(entry.get("name"), NAME_LIMIT),
                orcid=_text(entry.get("orcid"), 60),
                affiliation=_text(entry.get("affiliation"), 500),
            )


def _year(value):
    match = re.match(r"(\d{4})(?:-|$)", value.strip()) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


def _html_url(hit, record_id):
    # RDM's legacy JSON names the record's page `self_html`; the older API named it `html`.
    links = hit.get("links") if isinstance(hit.get("links"), dict) else {}
    for key in ("self_html", "html"):
        url = links.get(key)
        if isinstance(url, str) and url.startswith("https://") and len(url) <= 500:
            return url
    return f"https://zenodo.org/records/{record_id}"


def _communities(value):
    for entry in value if isinstance(value, list) else []:
        identifier = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(identifier, str) and identifier.strip():
            yield identifier.strip().lower()
