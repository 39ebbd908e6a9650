"""An "Important dates" list on a conference's page, as the conference's dates and a block that shows them.

Each line must name one thing and one day (or days) unambiguously: "Proposals due: December 13, 2024".
A list with a line that does not read so is kept as text, with a warning, rather than half-mapped.
"""

import re

from bs4 import BeautifulSoup

from ..errors import SourceWarning
from .dates import parse_date_text

DATES_HEADING = re.compile(r"^\s*(important|key)\s+dates\s*$", re.I)
SEPARATOR = re.compile(r"\s*(?::|\s[-–—]\s)\s*")
WEEKDAY = re.compile(r"^(mon|tues|wednes|thurs|fri|satur|sun)day,?\s+", re.I)
# The first matching pattern names the kind (conferences.choices.ImportantDateKind's values).
KINDS = [
    (re.compile(r"early[\s-]*bird", re.I), "early_bird_ends"),
    (re.compile(r"registration.*(clos|ends|deadline)", re.I), "registration_closes"),
    (re.compile(r"(notif|accept|decision)", re.I), "notifications"),
    (re.compile(r"(call|cfp|submissions?).*\bopen", re.I), "cfp_opens"),
    (re.compile(r"(proposal|submission|abstract|deadline)", re.I), "proposals_due"),
    (re.compile(r"hotel", re.I), "hotel_deadline"),
    (re.compile(r"^\s*(the\s+)?conference(\s+days?)?\s*$", re.I), "conference_days"),
]


def find_dated_lists(blocks, *, path, warnings, year):
    """(blocks with each mapped list as an important_dates block, the dates read: [{kind, label, date, end_date}])."""
    out, dates, index = [], [], 0
    while index < len(blocks):
        kind, value = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if kind == "heading" and DATES_HEADING.match(value["text"]) and following and following[0] == "paragraph":
            read = _read_list(following[1], year)
            if read:
                dates.extend(read)
                out.append(("important_dates", {"heading": value["text"][:150], "kinds": [],
                                                "fallback": [blocks[index], following]}))  # fmt: skip
                index += 2
                continue
            warnings.append(SourceWarning(path, f"the {value['text']!r} list has a line without one clear date: "
                                                "kept as text"))  # fmt: skip
        out.append((kind, value))
        index += 1
    return out, dates


def _read_list(html, year):
    soup = BeautifulSoup(html, "html.parser")
    lines = [" ".join(item.get_text().split()) for item in soup.find_all("li")]
    if not lines or soup.find("p"):
        return None  # prose under the heading, not a list of dates
    read = [_dated_line(line, year) for line in lines]
    return read if all(read) else None


def _dated_line(line, year):
    parts = SEPARATOR.split(line.strip(" ."), maxsplit=1)
    if len(parts) != 2:
        return None
    for label, written in (parts, parts[::-1]):
        span = parse_date_text(WEEKDAY.sub("", written.strip()), default_year=year)
        if span and span.precision == "day" and label.strip():
            kind = next((name for pattern, name in KINDS if pattern.search(label)), "other")
            end = span.end if span.end != span.start else None
            return {"kind": kind, "label": label.strip()[:150] if kind == "other" else "", "date": span.start,
                    "end_date": end}  # fmt: skip
    return None
