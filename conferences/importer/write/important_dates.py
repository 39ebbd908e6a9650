"""A conference's important dates read from its website's "Important dates" list.

Written under a record of their own: dates an editor has entered or changed in the admin are kept,
and the source's dates come in only while the conference holds none or still those the import wrote.
"""

import datetime

from conferences.models import ConferencePage, ImportantDate

from ..errors import SourceWarning
from .bookkeeping import fingerprint


def dates_to_write(item, page, records, warnings):
    """The plan's dates as rows' values, unless the page holds them already or an editor changed them."""
    if not item.important_dates or not isinstance(page, ConferencePage):
        return None
    key = f"dates:{item.key}"
    wanted = [_shown(entry) for entry in item.important_dates]
    digest, written, current = fingerprint(wanted), records.fingerprint(key), fingerprint(state_of(page))
    if digest in (written, current):
        if written != digest:
            records.remember(key, page, digest)
        return None
    if current != (written or fingerprint([])):
        warnings.append(
            SourceWarning(item.source, "important dates changed in the admin: kept as the editor left them")
        )
        return None
    return item.important_dates


def apply_dates(page, dates):
    page.important_date_entries = [
        ImportantDate(kind=entry["kind"], label=entry["label"], date=entry["date"], end_date=entry["end_date"])
        for entry in dates
    ]


def remember_dates(item, page, dates, records):
    records.remember(f"dates:{item.key}", page, fingerprint([_shown(entry) for entry in dates]))


def state_of(page):
    return [_shown(vars(entry)) for entry in page.important_date_entries.all()]


def _shown(entry):
    return [entry["kind"], entry["label"] or "", _iso(entry["date"]), _iso(entry["end_date"])]


def _iso(day):
    return day.isoformat() if isinstance(day, datetime.date) else ""
