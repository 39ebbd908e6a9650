"""iCalendar (RFC 5545) files for conferences, so visitors can add them to a calendar.

A conference is one all-day event; with a schedule, its calendar also holds every timed
session and schedule item, and a day, a session or a visitor's agenda has a calendar of its
own. Times are written in UTC (`DTSTART:20260602T080000Z`): every calendar shows them in its
owner's zone, and no VTIMEZONE has to describe the venue's rules.
"""

import datetime

from django.utils import timezone
from django.utils.encoding import iri_to_uri

from . import paths

PRODUCT_ID = "-//IASSIST//Conferences//EN"
UID_DOMAIN = "iassistdata.org"


def conference_ics(conference, request=None, schedule=None):
    """The conference as an all-day event, followed by its schedule's entries when it has one."""
    base_url = iri_to_uri(conference.get_full_url(request))
    lines = _conference_event(conference, base_url)
    for entry in schedule.entries if schedule else ():
        lines += _entry_event(entry, base_url)
    return _calendar(conference.title, lines)


def entries_ics(conference, entries, name, request=None):
    """A calendar of some of the schedule's entries (a day, a session, an agenda), named `name`."""
    base_url = iri_to_uri(conference.get_full_url(request))
    lines = []
    for entry in entries:
        lines += _entry_event(entry, base_url)
    return _calendar(name, lines)


def _calendar(name, events):
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        # The name calendar apps give a subscribed calendar; not in RFC 5545, read by all of them.
        f"X-WR-CALNAME:{escape_text(name)}",
        *events,
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)


def _conference_event(conference, base_url):
    end = conference.end_date or conference.start_date
    lines = [
        "BEGIN:VEVENT",
        f"UID:conference-{conference.pk}@{UID_DOMAIN}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART;VALUE=DATE:{conference.start_date:%Y%m%d}",
        # All-day events end on the day after the last day (RFC 5545 3.6.1).
        f"DTEND;VALUE=DATE:{end + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(conference.title)}",
        f"URL:{base_url}",
    ]
    if conference.location:
        lines.append(f"LOCATION:{escape_text(conference.location)}")
    if conference.theme:
        lines.append(f"DESCRIPTION:{escape_text(conference.theme)}")
    return [*lines, "END:VEVENT"]


def _entry_event(entry, base_url):
    lines = [
        "BEGIN:VEVENT",
        f"UID:{entry_uid(entry)}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(entry.starts_at)}",
    ]
    if entry.ends_at:
        lines.append(f"DTEND:{_utc(entry.ends_at)}")
    lines += [f"SUMMARY:{escape_text(entry.heading)}", f"URL:{entry_url(entry, base_url)}"]
    if entry.location:
        lines.append(f"LOCATION:{escape_text(entry.location)}")
    description = entry_description(entry)
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if entry.type_label:
        lines.append(f"CATEGORIES:{escape_text(entry.type_label)}")
    return [*lines, "END:VEVENT"]


def entry_uid(entry):
    """Stable across downloads, so that a calendar updates an event it already holds."""
    kind = "session" if entry.is_session else "schedule-item"
    return f"{kind}-{entry.pk}@{UID_DOMAIN}"


def entry_url(entry, base_url):
    """A session's place in the programme; a break or social event's place in the schedule."""
    if entry.is_session:
        return f"{base_url}#{paths.session_anchor(entry.pk)}"
    return f"{paths.schedule_url(base_url)}#{paths.item_anchor(entry.pk)}"


def entry_description(entry):
    """What a calendar shows under the title: type, chair, description, then the presentations."""
    parts = []
    people = [f"{role}: {name}" for role, name in (("Chair", entry.chair), ("Moderator", entry.moderator)) if name]
    heading = " · ".join(filter(None, [entry.type_label, *people]))
    if heading:
        parts.append(heading)
    if entry.description:
        parts.append(entry.description.strip())
    if entry.presentations:
        parts.append("\n".join(_presentation_line(item) for item in entry.presentations))
    return "\n\n".join(parts)


def _presentation_line(item):
    names = ", ".join(presenter["name"] for presenter in item["presenters"])
    return f"– {item['title']} ({names})" if names else f"– {item['title']}"


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


# RFC 5545 TEXT allows no control characters but the tab; line breaks are written as \n.
CONTROL_CHARACTERS = dict.fromkeys([*range(0, 9), *range(11, 32), 127])


def escape_text(value):
    value = value.replace("\r\n", "\n").replace("\r", "\n").translate(CONTROL_CHARACTERS)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line, limit=75):
    """Fold a content line at `limit` octets, never inside a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= limit:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (limit if not parts else limit - 1):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)
