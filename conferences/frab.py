"""The schedule for schedule apps: Frab's `schedule.xml` and its JSON twin, `schedule.json`.

The XML is the format pentabarf introduced and frab and pretalx write, which Giggity, ConfClerk,
EventFahrplan and the C3VOC tools read: a conference, then days, each with rooms, each with
events. The JSON follows the C3VOC's schedule.json, the same tree with days' rooms as an object.
Both are built from one description of the schedule here, so they cannot disagree.

Facts of the format that shape this module:
- every event has a numeric `id` and a `guid` (a UUID), both unique in the file; an app keeps a
  visitor's stars by them, so both are derived from the database row and never change;
- `start` is the venue's clock time, `date` the start with its UTC offset, `duration` hours and
  minutes;
- an acronym is lower-case letters, digits and underscores (at least four), and an event's slug
  begins with it, then a hyphen.
"""

import functools
import hashlib
import json
import math
import re
import uuid
import xml.etree.ElementTree as ET

from django.utils.encoding import iri_to_uri
from django.utils.text import slugify

from . import paths
from .calendar import entry_uid, entry_url

GENERATOR = "IASSIST conferences"
JSON_SCHEMA = "https://c3voc.de/schedule/schema.json"
# The namespace of every guid in these files: events from their calendar UID, people from their address.
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://iassistdata.org/conferences/schedule")
# Where an entry goes when it has neither a room nor a place: everyone, in no room in particular.
NO_ROOM = "All rooms"
LANGUAGE = "en"
# Characters XML 1.0 cannot hold at all; a title pasted with one must not break the file.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def schedule_description(conference, schedule, request=None, people_url=""):
    """The schedule as plain data in the shape both files share (JSON's names)."""
    base_url = iri_to_uri(conference.get_full_url(request))
    acronym = conference_acronym(conference)
    days = [_day(number, day, base_url, acronym, people_url) for number, day in enumerate(schedule.days, 1)]
    description = {
        "title": conference.title,
        "acronym": acronym,
        "start": _first_day(conference, schedule).isoformat(),
        "end": _last_day(conference, schedule).isoformat(),
        "daysCount": len(days),
        "timeslot_duration": _clock(_timeslot_minutes(schedule)),
        "time_zone_name": schedule.zone_key,
        "url": base_url,
        "rooms": _rooms(schedule),
        "days": days,
    }
    return {"version": _version(description), "base_url": base_url, "conference": description}


def schedule_json(description, file_url):
    document = {
        "$schema": JSON_SCHEMA,
        "generator": {"name": GENERATOR, "url": file_url},
        "schedule": description,
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def schedule_xml(description, file_url):
    conference = description["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=GENERATOR)
    _text(root, "url", file_url)
    _text(root, "version", description["version"])
    head = ET.SubElement(root, "conference")
    for name in ("title", "acronym", "start", "end"):
        _text(head, name, conference[name])
    _text(head, "days", str(conference["daysCount"]))
    _text(head, "timeslot_duration", conference["timeslot_duration"])
    _text(head, "base_url", description["base_url"])
    _text(head, "url", conference["url"])
    _text(head, "time_zone_name", conference["time_zone_name"])
    guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        _xml_day(root, day, guids)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# -- the shared description ----------------------------------------------------


def conference_acronym(conference):
    """ "iassist_2026": the conference's slug in the letters an acronym allows."""
    acronym = re.sub(r"[^a-z0-9_]", "", slugify(conference.slug).replace("-", "_"))
    return acronym if len(acronym) >= 4 else f"iassist_{conference.year}"


def event_id(entry):
    """Sessions and schedule items are numbered apart (even, odd), as one file needs ids unique across both."""
    return entry.pk * 2 if entry.is_session else entry.pk * 2 - 1


def event_guid(entry):
    return _guid(entry_uid(entry))


@functools.lru_cache(maxsize=20_000)
def _guid(name):
    """The guid for `name` in GUID_NAMESPACE: the same name always gives the same guid, so it is kept."""
    return str(uuid.uuid5(GUID_NAMESPACE, name))


def event_slug(entry, acronym):
    kind = "session" if entry.is_session else "event"
    words = slugify(entry.title)[:48].strip("-_")
    return "-".join(filter(None, [acronym, kind, str(entry.pk), words]))


def _day(number, day, base_url, acronym, people_url):
    rooms = {}
    for entry in day.entries:
        rooms.setdefault(_room_name(entry), []).append(_event(entry, base_url, acronym, people_url))
    return {
        "index": number,
        "date": day.date.isoformat(),
        "day_start": day.entries[0].local_start.isoformat(),
        "day_end": day.ends_at.astimezone(day.entries[0].zone).isoformat(),
        "rooms": rooms,
    }


def _event(entry, base_url, acronym, people_url):
    minutes = _minutes(entry)
    event = {
        "guid": event_guid(entry),
        "id": event_id(entry),
        "date": entry.local_start.isoformat(),
        "start": entry.start_text,
        "duration": _clock(minutes),
        "room": _room_name(entry),
        "slug": event_slug(entry, acronym),
        "url": entry_url(entry, base_url),
        "title": entry.heading,
        "subtitle": "",
        "track": entry.type_label,
        "type": entry.type_label or "Session",
        "language": LANGUAGE,
        "abstract": entry.description.strip(),
        "description": _presentations_text(entry),
        "persons": [_person(presenter, people_url) for presenter in entry.presenters()],
        "links": [_link(item, base_url) for item in entry.presentations],
    }
    if entry.ends_at:
        event["end"] = entry.ends_at.astimezone(entry.zone).isoformat()
    return event


def _room_name(entry):
    return entry.room or entry.place or NO_ROOM


def _rooms(schedule):
    """Every room of the schedule once, in the conference's order, then places, then NO_ROOM."""
    rooms = {}
    for entry in sorted(schedule.entries, key=lambda e: (not e.room, e.room_order, not e.place)):
        rooms.setdefault(_room_name(entry), {"name": _room_name(entry), "guid": _room_guid(entry)})
    return list(rooms.values())


def _room_guid(entry):
    return _guid(f"room:{entry.room_id}" if entry.room_id else f"place:{_room_name(entry)}")


def _person(presenter, people_url):
    person = {"guid": _guid(f"person:{presenter['slug']}"), "name": presenter["name"]}
    if people_url.startswith(("http://", "https://")):
        person["url"] = iri_to_uri(paths.person_url(people_url, presenter["slug"]))
    return person


def _link(item, base_url):
    return {"url": iri_to_uri(paths.presentation_url(base_url, item["slug"])), "title": item["title"]}


def _presentations_text(entry):
    lines = []
    for item in entry.presentations:
        names = ", ".join(presenter["name"] for presenter in item["presenters"])
        lines.append(f"{item['title']} ({names})" if names else item["title"])
    return "\n".join(lines)


def _minutes(entry):
    return int((entry.ends_at - entry.starts_at).total_seconds() // 60) if entry.ends_at else 0


def _clock(minutes):
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}"


def _timeslot_minutes(schedule):
    """The longest slot every start and length is a multiple of, between 5 and 60 minutes."""
    step = 0
    for entry in schedule.entries:
        step = math.gcd(step, entry.local_start.minute, _minutes(entry))
    return min(60, max(5, step or 60))


def _first_day(conference, schedule):
    return min([schedule.days[0].date, *([conference.start_date] if conference.start_date else [])])


def _last_day(conference, schedule):
    return max([schedule.days[-1].date, *([conference.end_date] if conference.end_date else [])])


def _version(description):
    """Changes exactly when the schedule does, so apps know when to read it again."""
    digest = hashlib.sha256(json.dumps(description, sort_keys=True, default=str).encode()).hexdigest()
    return digest[:12]


# -- XML -----------------------------------------------------------------------


def _text(parent, name, value, **attributes):
    element = ET.SubElement(parent, name, {key: _clean(text) for key, text in attributes.items()})
    element.text = _clean(value)
    return element


def _clean(value):
    return NOT_IN_XML.sub("", str(value))


def _xml_day(root, day, guids):
    element = ET.SubElement(
        root, "day", index=str(day["index"]), date=day["date"], start=day["day_start"], end=day["day_end"]
    )
    for name, events in day["rooms"].items():
        room = ET.SubElement(element, "room", name=_clean(name), guid=guids[name])
        for event in events:
            _xml_event(room, event)


XML_EVENT_FIELDS = ("date", "start", "duration", "room", "slug", "url", "title", "subtitle", "track", "type")
XML_EVENT_TEXTS = ("language", "abstract", "description")


def _xml_event(room, event):
    element = ET.SubElement(room, "event", id=str(event["id"]), guid=event["guid"])
    for name in XML_EVENT_FIELDS + XML_EVENT_TEXTS:
        _text(element, name, event[name])
    persons = ET.SubElement(element, "persons")
    for person in event["persons"]:
        _text(persons, "person", person["name"], guid=person["guid"])
    links = ET.SubElement(element, "links")
    for link in event["links"]:
        _text(links, "link", link["title"], href=link["url"])
