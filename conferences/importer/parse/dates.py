"""Conference dates as people wrote them: "May 30-June 3, 1990", "7-10 June 2022", "August, 1976".

Only what the text says is returned: a text that names a month but no days
gives month precision, never an invented first or last day.
"""

import datetime
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = r"(?P<{}>[A-Za-z]{{3,9}})\.?"
DAY = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
YEAR = r"(?:,?\s*(?P<year>\d{4}))?"
DASH = r"\s*(?:-|–|—|to)\s*"

# Month-first (US) and day-first (European) spellings of single days and ranges.
PATTERNS = [
    rf"{MONTH.format('m1')}\s+{DAY.format('d1')}{DASH}{MONTH.format('m2')}\s+{DAY.format('d2')}{YEAR}",
    rf"{MONTH.format('m1')}\s+{DAY.format('d1')}{DASH}{DAY.format('d2')}{YEAR}",
    rf"{MONTH.format('m1')}\s+{DAY.format('d1')}{YEAR}",
    rf"{DAY.format('d1')}\s+{MONTH.format('m1')}{DASH}{DAY.format('d2')}\s+{MONTH.format('m2')}{YEAR}",
    rf"{DAY.format('d1')}{DASH}{DAY.format('d2')}\s+{MONTH.format('m1')}{YEAR}",
    rf"{DAY.format('d1')}\s+{MONTH.format('m1')}{YEAR}",
    rf"{MONTH.format('m1')}{YEAR}",
    r"(?P<year>\d{4})",
]
COMPILED = [re.compile(rf"^\s*{pattern}\s*\.?\s*$", re.IGNORECASE) for pattern in PATTERNS]


@dataclass(frozen=True)
class DateSpan:
    start: datetime.date | None
    end: datetime.date | None
    precision: str  # "day", "month" or "year"
    year: int


def parse_date_text(text, default_year=None):
    """The dates in `text`, or None when the text cannot be read or names an impossible day."""
    for pattern in COMPILED:
        match = pattern.match(text or "")
        if match:
            return _span(match.groupdict(), default_year)
    return None


def _span(parts, default_year):
    year = int(parts["year"]) if parts.get("year") else default_year
    if year is None:
        return None
    first_month = _month(parts.get("m1"))
    if parts.get("m1") and first_month is None:
        return None
    if first_month is None:
        return DateSpan(None, None, "year", year)
    if not parts.get("d1"):
        return DateSpan(datetime.date(year, first_month, 1), None, "month", year)
    last_month = _month(parts.get("m2")) if parts.get("m2") else first_month
    if last_month is None:
        return None
    try:
        start = datetime.date(year, first_month, int(parts["d1"]))
        end = datetime.date(year, last_month, int(parts["d2"])) if parts.get("d2") else None
    except ValueError:
        return None
    if end is not None and end < start:
        return None
    return DateSpan(start, end or start, "day", year)


def _month(name):
    return MONTHS.get((name or "").lower())
