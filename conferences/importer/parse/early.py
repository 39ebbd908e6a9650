"""The annual conferences of 1974-1999, kept as a markdown definition list.

Each conference is a term line, "IASSIST/IFDO 1985: Public access to public data",
followed by definition lines ": Host: ...", ": City: ...", ": Dates: ..." and
sometimes ": **[Conference web site](url)**". There are no programmes.
"""

import re
from dataclasses import dataclass

from ..errors import SourceWarning
from .dates import parse_date_text

TERM = re.compile(r"^(?P<title>(?:.*?\s)?(?P<year>1[89]\d\d|20\d\d)(?:\.(?P<part>\d{1,2}))?)\s*:\s*(?P<theme>.*)$")
LABELLED = re.compile(r"^(?P<label>[A-Za-z ]+):\s*(?P<value>.*)$")
WEBSITE = re.compile(r"^\**\s*\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)[^)]*\)\s*\**$")
PRE_ORDINAL = re.compile(r"pre-ordinal", re.IGNORECASE)
FIELDS = ("host", "city", "dates")
NO_THEME = {"no theme", "none", "n/a", "-"}
COUNTRY_SPELLINGS = {"U.S.A.": "USA", "U.S.": "USA", "U.K.": "UK"}


@dataclass
class EarlyConference:
    year: int
    title: str
    theme: str
    host: str
    city: str
    country: str
    dates_text: str
    start_date: object
    end_date: object
    date_precision: str
    website_url: str
    ordinal: int | None
    website_label: str = ""
    pre_ordinal: bool = False
    line: int | None = None


def parse_early_conferences(content_file, warnings):
    conferences, current, pre_ordinal = [], None, False
    for number, raw in enumerate(content_file.body.split("\n"), start=content_file.body_line):
        line = raw.strip()
        if line.startswith(":") and current is not None:
            current["definitions"].append((number, line[1:].strip()))
        elif line and not line.startswith(":") and (match := TERM.match(line)):
            current = {"match": match, "line": number, "definitions": [], "pre_ordinal": pre_ordinal}
            conferences.append(current)
        elif PRE_ORDINAL.search(line):
            # Everything after the "Pre-ordinal IASSIST conferences" marker predates the numbering.
            pre_ordinal, current = True, None
        elif line:
            warnings.append(SourceWarning(content_file.path, f"line not understood: {line[:80]!r}", number))
            current = None
    return [_conference(entry, content_file.path, warnings) for entry in conferences]


def _conference(entry, path, warnings):
    match, line = entry["match"], entry["line"]
    fields = _definitions(entry["definitions"], path, warnings)
    year = int(match.group("year"))
    dates_text = fields.get("dates", "")
    start, end, precision = _dates(dates_text, year, path, line, warnings)
    city, country = split_place(fields.get("city", ""))
    theme = _clean(match.group("theme"))
    return EarlyConference(
        year=year,
        title=_clean(match.group("title")),
        theme="" if theme.lower() in NO_THEME else theme,
        host=fields.get("host", ""),
        city=city,
        country=country,
        dates_text=dates_text,
        start_date=start,
        end_date=end,
        date_precision=precision,
        website_url=fields.get("website_url", ""),
        ordinal=None,
        website_label=fields.get("website_label", ""),
        pre_ordinal=entry["pre_ordinal"],
        line=line,
    )


def _definitions(definitions, path, warnings):
    fields = {}
    for number, text in definitions:
        if website := WEBSITE.match(text):
            fields["website_url"], fields["website_label"] = website.group("url"), website.group("label").strip()
        elif (labelled := LABELLED.match(text)) and labelled.group("label").strip().lower() in FIELDS:
            fields[labelled.group("label").strip().lower()] = _clean(labelled.group("value"))
        elif "city" not in fields and text and ":" not in text:
            # 1976 writes its place without the "City:" label.
            fields["city"] = _clean(text)
            warnings.append(SourceWarning(path, f"unlabelled line {text!r} read as the city", number))
        else:
            warnings.append(SourceWarning(path, f"definition not understood: {text[:80]!r}", number))
    return fields


def _dates(text, year, path, line, warnings):
    if not text:
        warnings.append(SourceWarning(path, f"no dates for the {year} conference; only the year is known", line))
        return None, None, "year"
    span = parse_date_text(text, default_year=year)
    if span is None:
        warnings.append(SourceWarning(path, f"dates {text!r} not understood; only the year is kept", line))
        return None, None, "year"
    if span.year != year:
        warnings.append(SourceWarning(path, f"dates {text!r} are not in the conference year {year}", line))
    return span.start, (span.end if span.precision == "day" else None), span.precision


def split_place(text):
    """("New Haven, CT", "USA") from "New Haven, CT, USA": the country is the last part."""
    parts = [part.strip() for part in (text or "").split(",") if part.strip()]
    if len(parts) < 2:
        return (parts[0] if parts else ""), ""
    country = COUNTRY_SPELLINGS.get(parts[-1], parts[-1])
    return ", ".join(parts[:-1]), country


def _clean(text):
    return re.sub(r"\s+", " ", text or "").strip()
