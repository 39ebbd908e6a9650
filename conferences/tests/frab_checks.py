"""A strict reader of Frab's schedule.xml and the C3VOC schedule.json, for the tests.

It checks what the apps that read these files rely on, as the format's schema states it:
the elements and keys each level must have, the forms of times, durations, UUIDs, acronyms
and slugs, and ids, guids and slugs unique in the file. It returns the problems it finds.
"""

import json
import re

from lxml import etree

UUID = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
DATE_TIME_TZ = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{1,2}:\d{2})")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
XML_DURATION = re.compile(r"[0-9]{1,2}:[0-9]{2}(:[0-9]{1,2})?")
XML_START = re.compile(r"[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?")
XML_ACRONYM = re.compile(r"[a-z0-9_-]{4,}")
XML_SLUG = re.compile(r"[a-z0-9_]{4,}-[a-z0-9\-_]{4,}")
HTTP_URI = re.compile(r"https?://\S+")

XML_EVENT_REQUIRED = {"room", "title", "type", "date", "start", "duration", "abstract", "track"}
XML_EVENT_ALLOWED = XML_EVENT_REQUIRED | {
    "subtitle", "slug", "logo", "persons", "language", "description", "recording", "links", "attachments",
    "video_download_url", "url", "feedback_url", "origin_url",
}  # fmt: skip
XML_CONFERENCE_ALLOWED = {
    "title", "acronym", "start", "end", "days", "timeslot_duration", "base_url", "logo", "url",
    "time_zone_name", "color", "track",
}  # fmt: skip

JSON_ACRONYM = re.compile(r"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$")
JSON_SLUG = re.compile(r"^[a-z0-9_-]+[a-z0-9]$")
JSON_START = re.compile(r"^(0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]$")
JSON_DURATION = re.compile(r"^[0-9]+:[0-9]{2}$")
JSON_CONFERENCE_REQUIRED = {"title", "acronym", "days", "daysCount", "start", "end", "timeslot_duration"}
JSON_CONFERENCE_ALLOWED = JSON_CONFERENCE_REQUIRED | {
    "description", "time_zone_name", "logo", "colors", "keywords", "url", "tracks", "rooms", "meta",
}  # fmt: skip
JSON_EVENT_REQUIRED = {
    "abstract", "date", "duration", "guid", "id", "language", "links", "persons", "room", "slug", "start",
    "subtitle", "title", "track", "type", "url",
}  # fmt: skip
JSON_EVENT_ALLOWED = JSON_EVENT_REQUIRED | {
    "code", "logo", "end", "description", "recording_license", "do_not_record", "do_not_stream",
    "feedback_url", "origin_url", "attachments",
}  # fmt: skip


def xml_problems(text):
    """What is wrong with a schedule.xml (an empty list when nothing is)."""
    problems = []
    root = etree.fromstring(text.encode() if isinstance(text, str) else text)
    if root.tag != "schedule":
        return [f"the root element is <{root.tag}>, not <schedule>"]
    children = [child.tag for child in root]
    _need(problems, "version" in children, "no <version>")
    _need(problems, children.count("conference") == 1, "not exactly one <conference>")
    order = [tag for tag in children if tag != "day"]
    _need(problems, order == [t for t in ("generator", "url", "version", "conference") if t in order], "out of order")
    _need(problems, children and children[-1] == "day", "no <day>, or a <day> before the conference")
    conference = root.find("conference")
    if conference is not None:
        _xml_conference(problems, conference)
    events = root.findall("day/room/event")
    for tag in ("id", "guid"):
        values = [event.get(tag) for event in events]
        _need(problems, len(values) == len(set(values)), f"event {tag}s are not unique")
    slugs = [event.findtext("slug") for event in events if event.find("slug") is not None]
    _need(problems, len(slugs) == len(set(slugs)), "event slugs are not unique")
    indexes = [day.get("index") for day in root.findall("day")]
    _need(problems, len(indexes) == len(set(indexes)), "day indexes are not unique")
    for day in root.findall("day"):
        _xml_day(problems, day)
    return problems


def _xml_conference(problems, conference):
    tags = [child.tag for child in conference]
    _need(
        problems,
        set(tags) <= XML_CONFERENCE_ALLOWED,
        f"unknown conference elements {set(tags) - XML_CONFERENCE_ALLOWED}",
    )
    for tag in set(tags) - {"track"}:
        _need(problems, tags.count(tag) == 1, f"<{tag}> twice in the conference")
    _need(problems, _matches(XML_ACRONYM, conference.findtext("acronym")), "a malformed acronym")
    for tag in ("start", "end"):
        value = conference.findtext(tag)
        _need(problems, value is None or DATE.fullmatch(value) or DATE_TIME_TZ.fullmatch(value), f"bad {tag}")
    for tag in ("base_url", "url"):
        value = conference.findtext(tag)
        _need(problems, value is None or HTTP_URI.fullmatch(value), f"<{tag}> is not an http(s) address")
    duration = conference.findtext("timeslot_duration")
    _need(problems, duration is None or XML_DURATION.fullmatch(duration), "a malformed timeslot_duration")


def _xml_day(problems, day):
    _need(problems, day.get("index", "").isdigit() and int(day.get("index")) > 0, "a day index is not positive")
    _need(problems, _matches(DATE, day.get("date")), "a day without its date")
    for name in ("start", "end"):
        _need(problems, _matches(DATE_TIME_TZ, day.get(name)), f"a day's {name} is not a time with its offset")
    for room in day:
        _need(problems, room.tag == "room" and room.get("name") is not None, "a day holds something but rooms")
        for event in room:
            _xml_event(problems, event)


def _xml_event(problems, event):
    name = event.findtext("title")
    tags = [child.tag for child in event]
    _need(problems, XML_EVENT_REQUIRED <= set(tags), f"{name}: missing {XML_EVENT_REQUIRED - set(tags)}")
    _need(problems, set(tags) <= XML_EVENT_ALLOWED, f"{name}: unknown elements {set(tags) - XML_EVENT_ALLOWED}")
    _need(problems, len(tags) == len(set(tags)), f"{name}: an element twice")
    _need(problems, (event.get("id") or "").isdigit() and int(event.get("id")) > 0, f"{name}: id not positive")
    _need(problems, _matches(UUID, event.get("guid")), f"{name}: guid is not a UUID")
    _need(problems, _matches(DATE_TIME_TZ, event.findtext("date")), f"{name}: date is not a time with its offset")
    _need(problems, _matches(XML_START, event.findtext("start")), f"{name}: malformed start")
    _need(problems, _matches(XML_DURATION, event.findtext("duration")), f"{name}: malformed duration")
    slug = event.findtext("slug")
    _need(problems, slug is None or XML_SLUG.fullmatch(slug), f"{name}: malformed slug {slug!r}")
    url = event.findtext("url")
    _need(problems, url is None or HTTP_URI.fullmatch(url), f"{name}: url is not an http(s) address")
    for person in event.findall("persons/person"):
        _need(problems, person.get("guid") is None or UUID.fullmatch(person.get("guid")), f"{name}: person guid")


def json_problems(text):
    """What is wrong with a schedule.json (an empty list when nothing is)."""
    problems = []
    document = json.loads(text)
    _need(problems, set(document) <= {"$schema", "generator", "schedule"}, "unknown top-level keys")
    schedule = document.get("schedule", {})
    _need(problems, {"version", "conference"} <= set(schedule), "the schedule lacks its version or conference")
    _need(problems, "rooms" not in schedule, "rooms belong to the conference, not the schedule")
    conference = schedule.get("conference", {})
    keys = set(conference)
    _need(problems, JSON_CONFERENCE_REQUIRED <= keys, f"conference lacks {JSON_CONFERENCE_REQUIRED - keys}")
    _need(problems, keys <= JSON_CONFERENCE_ALLOWED, f"unknown conference keys {keys - JSON_CONFERENCE_ALLOWED}")
    _need(problems, _matches(JSON_ACRONYM, conference.get("acronym")), "a malformed acronym")
    for room in conference.get("rooms", []):
        _need(problems, {"name", "guid"} <= set(room) and UUID.fullmatch(room["guid"]), "a room without name or guid")
    ids, guids = [], []
    for day in conference.get("days", []):
        _need(problems, set(day) == {"index", "date", "day_start", "day_end", "rooms"}, "a day's keys")
        for room, events in day.get("rooms", {}).items():
            for event in events:
                _json_event(problems, event, room)
                ids.append(event.get("id"))
                guids.append(event.get("guid"))
    _need(problems, len(ids) == len(set(ids)) and len(guids) == len(set(guids)), "event ids or guids repeat")
    return problems


def _json_event(problems, event, room):
    name, keys = event.get("title"), set(event)
    _need(problems, JSON_EVENT_REQUIRED <= keys, f"{name}: lacks {JSON_EVENT_REQUIRED - keys}")
    _need(problems, keys <= JSON_EVENT_ALLOWED, f"{name}: unknown keys {keys - JSON_EVENT_ALLOWED}")
    _need(problems, event.get("room") == room, f"{name}: listed under another room than its own")
    _need(problems, isinstance(event.get("id"), int) and event["id"] >= 1, f"{name}: id is not a positive integer")
    _need(problems, _matches(UUID, event.get("guid")), f"{name}: guid is not a UUID")
    _need(problems, _matches(DATE_TIME_TZ, event.get("date")), f"{name}: date is not a time with its offset")
    _need(problems, _matches(JSON_START, event.get("start")), f"{name}: malformed start")
    _need(problems, _matches(JSON_DURATION, event.get("duration")), f"{name}: malformed duration")
    _need(problems, _matches(JSON_SLUG, event.get("slug")), f"{name}: malformed slug")
    for person in event.get("persons", []):
        # A person is either frab's (id and public_name) or pretalx's (name), never both.
        frab, pretalx = {"id", "public_name"} <= set(person), "name" in person
        _need(problems, frab != pretalx, f"{name}: a person is neither or both of frab's and pretalx's forms")
    for link in event.get("links", []):
        _need(problems, "url" in link and set(link) <= {"type", "url", "title"}, f"{name}: a malformed link")


def _matches(pattern, value):
    return isinstance(value, str) and bool(pattern.fullmatch(value))


def _need(problems, condition, problem):
    if not condition:
        problems.append(problem)
