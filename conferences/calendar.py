"""iCalendar (RFC 5545) files for conferences, so visitors can add them to a calendar."""

import datetime

from django.utils import timezone

PRODUCT_ID = "-//IASSIST//Conferences//EN"


def conference_ics(conference, request=None):
    end = conference.end_date or conference.start_date
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:conference-{conference.pk}@iassistdata.org",
        f"DTSTAMP:{timezone.now():%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{conference.start_date:%Y%m%d}",
        # All-day events end on the day after the last day (RFC 5545 3.6.1).
        f"DTEND;VALUE=DATE:{end + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(conference.title)}",
        f"URL:{conference.get_full_url(request)}",
    ]
    if conference.location:
        lines.append(f"LOCATION:{escape_text(conference.location)}")
    if conference.theme:
        lines.append(f"DESCRIPTION:{escape_text(conference.theme)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)


def escape_text(value):
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


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
