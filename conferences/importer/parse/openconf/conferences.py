"""Which conference each export belongs to, and the export laid over that conference's programme."""

import dataclasses

from ...errors import SourceWarning
from .exports import read_exports
from .timetable import lay_over
from .zones import venue_time_zone


def lay_over_exports(root, conferences, warnings):
    """(conference, programme as it ran, SchedulePlan) for each conference that has an export.

    `conferences` are the plan's conference pages: each has `hugo_urls` (its addresses on the old
    site), `facts` (the city among them) and `programme` (its ArchiveConference, or None).
    """
    laid, seen = [], set()
    for export in read_exports(root, warnings).values():
        conference = _owner(conferences, export.url)
        problem = _why_not(conference, seen)
        if problem:
            warnings.append(SourceWarning(export.path, f"{problem}: the export is not imported"))
            continue
        seen.add(id(conference))
        zone = venue_time_zone(conference.facts.get("city"))
        sessions, schedule = lay_over(conference.programme, export, zone, warnings)
        laid.append((conference, dataclasses.replace(conference.programme, sessions=sessions), schedule))
    return laid


def _why_not(conference, seen):
    if conference is None:
        return "no conference page lies above its folder"
    if id(conference) in seen:
        return "its conference has another export already"
    if conference.programme is None:
        return "its conference has no programme in the archive JSON to lay it over"
    if not venue_time_zone(conference.facts.get("city")):
        city = conference.facts.get("city") or "(no city)"
        return f"no time zone is known for {city!r}; add it to VENUE_TIME_ZONES in parse/openconf/zones.py"
    return ""


def _owner(conferences, url):
    """The conference with the longest address above the export's folder."""
    folder = url.lower().rstrip("/") + "/"
    best, best_length = None, 0
    for conference in conferences:
        for address in conference.hugo_urls:
            address = address.lower().rstrip("/") + "/"
            if folder.startswith(address) and len(address) > best_length and address.count("/") > 2:
                best, best_length = conference, len(address)
    return best
