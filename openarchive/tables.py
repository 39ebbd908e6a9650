"""The public archive as tables: each table's fields, types and keys, and its rows from the database.

Only what anyone may see goes in: live, unrestricted conferences, their live sessions and schedule
items, their public presentations, the presenters and DOIs of those, and the people who gave them.
"""

import datetime
from dataclasses import dataclass

from conferences.models import (
    ConferenceIndexPage,
    ConferencePage,
    Person,
    Presentation,
    PresentationDOI,
    Presenter,
    Room,
    ScheduleItem,
    Session,
)
from conferences.paths import person_url, presentation_url
from conferences.ror import ROR_PATTERN
from conferences.youtube import youtube_watch_url


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # a Frictionless Table Schema type: string, integer, date, datetime
    description: str
    points_to: str = ""  # the table whose `id` this field holds, for a reference
    pattern: str = ""  # a regular expression every value matches whole


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    fields: tuple

    @property
    def field_names(self):
        return [field.name for field in self.fields]

    @property
    def foreign_keys(self):
        """(field, table it points to by id) of each reference, in the fields' order."""
        return tuple((field.name, field.points_to) for field in self.fields if field.points_to)


def _id(what):
    return Field("id", "integer", f"The site's number for this {what}; stable within one version of the data.")


def _ref(name, table):
    return Field(f"{name}_id", "integer", f"The {name}: `id` in {table}.", points_to=table)


TABLES = (
    Table(
        "conferences",
        "Conferences and other events",
        (
            _id("conference"),
            Field("slug", "string", "The last part of the conference's address."),
            Field("title", "string", "As the site titles it."),
            Field("kind", "string", "annual, workshop or other."),
            Field("ordinal", "integer", "The annual conference's number (the 47th...)."),
            Field("year", "integer", "The year it took place."),
            Field("theme", "string", "The conference theme."),
            Field("start_date", "date", "First day, when known."),
            Field("end_date", "date", "Last day, when known."),
            Field("date_precision", "string", "How much of start_date is known: day, month or year."),
            Field("city", "string", ""),
            Field("country", "string", ""),
            Field("host", "string", "The host institution(s)."),
            Field("attendance_mode", "string", "in_person, online or hybrid."),
            Field("time_zone", "string", "IANA time zone of its schedule."),
            Field("website_url", "string", "Its official website."),
            Field("zenodo_community", "string", "Its community of papers and slides on Zenodo."),
            Field("recordings_url", "string", "Its playlist of recordings."),
            Field("url", "string", "Its page on this site."),
        ),
    ),
    Table(
        "rooms",
        "Rooms and venues",
        (
            _id("room"),
            _ref("conference", "conferences"),
            Field("sort_order", "integer", "Rooms are listed in this order."),
            Field("name", "string", ""),
            Field("building", "string", ""),
            Field("capacity", "integer", "Seats, when known."),
        ),
    ),
    Table(
        "sessions",
        "Sessions of the programmes",
        (
            _id("session"),
            _ref("conference", "conferences"),
            Field("sort_order", "integer", "Sessions are listed in this order within their conference."),
            Field("title", "string", ""),
            Field("code", "string", "The programme's code, e.g. A1."),
            Field("session_type", "string", "plenary, keynote, paper, panel, poster, workshop..."),
            Field("day", "string", "The day as the programme writes it."),
            Field("starts_at", "datetime", "Start, in UTC."),
            Field("ends_at", "datetime", "End, in UTC."),
            _ref("room", "rooms"),
            Field("chair", "string", ""),
            Field("moderator", "string", ""),
            Field("description", "string", ""),
            Field("video_url", "string", "Its recording."),
        ),
    ),
    Table(
        "presentations",
        "Presentations",
        (
            _id("presentation"),
            _ref("conference", "conferences"),
            _ref("session", "sessions"),
            Field("sort_order", "integer", "Presentations are listed in this order within their session."),
            Field("title", "string", ""),
            Field("slug", "string", "The last part of the presentation's address."),
            Field("abstract", "string", "Plain text; paragraphs separated by blank lines."),
            Field("starts_at", "datetime", "Its own start within the session, in UTC."),
            Field("ends_at", "datetime", "Its own end, in UTC."),
            Field("video_url", "string", "Its recording."),
            Field("url", "string", "Its page on this site."),
        ),
    ),
    Table(
        "people",
        "People who presented",
        (
            _id("person"),
            Field("name", "string", "As displayed."),
            Field("slug", "string", "The last part of the person's address."),
            Field("orcid", "string", "Their ORCID iD, 0000-0000-0000-000X, when known."),
            Field("url", "string", "Their page on this site: their presentations across the years."),
        ),
    ),
    Table(
        "presenters",
        "Who presented what, with the institution they had then",
        (
            _id("presenter entry"),
            _ref("presentation", "presentations"),
            _ref("person", "people"),
            Field("sort_order", "integer", "Presenters are listed in this order."),
            Field("institution", "string", ""),
            Field(
                "ror_id",
                "string",
                "The institution's ROR ID (its record is https://ror.org/ followed by it), when an editor gave it.",
                pattern=ROR_PATTERN,
            ),
            Field("country", "string", "The institution's country, as given."),
            Field("doi", "string", "The DOI of this presenter's part of a panel."),
        ),
    ),
    Table(
        "dois",
        "DOIs of presentations' papers and slides",
        (
            _id("DOI entry"),
            _ref("presentation", "presentations"),
            Field("sort_order", "integer", ""),
            Field("doi", "string", "Lower-case, without https://doi.org/."),
        ),
    ),
    Table(
        "schedule_items",
        "Breaks, meals, receptions and other slots that are not sessions",
        (
            _id("schedule item"),
            _ref("conference", "conferences"),
            Field("title", "string", ""),
            Field("item_type", "string", "break, meal, social..."),
            Field("starts_at", "datetime", "Start, in UTC."),
            Field("ends_at", "datetime", "End, in UTC."),
            _ref("room", "rooms"),
            Field("place", "string", "Where, when it is not one of the rooms."),
            Field("description", "string", ""),
        ),
    ),
)


def public_conferences():
    return ConferencePage.objects.live().public().defer_streamfields().order_by("year", "start_date", "pk")


def archive_rows(conferences, request=None):
    """{table name: list of rows}, each row a dict of the table's fields, for these conference pages."""
    conferences = list(conferences)
    ids = [page.pk for page in conferences]
    urls = {page.pk: page.get_full_url(request) for page in conferences}
    presentations = Presentation.objects.public().filter(conference_id__in=ids)
    rooms = _values(Room.objects.filter(conference_id__in=ids), "conference_id", "sort_order")
    room_ids = {row["id"] for row in rooms}
    presenters = _values(Presenter.objects.filter(presentation__in=presentations), "presentation_id", "sort_order")
    people = _values(Person.objects.filter(presenter_entries__presentation__in=presentations).distinct())
    index_url = _people_index_url(request)
    sessions = _values(Session.objects.live().filter(conference_id__in=ids), "conference_id", "sort_order")
    items = _values(ScheduleItem.objects.live().filter(conference_id__in=ids), "conference_id", "starts_at")
    in_order = presentations.order_by("conference_id", "session__sort_order", "sort_order", "pk")
    dois = _values(PresentationDOI.objects.filter(presentation__in=presentations), "presentation_id", "sort_order")
    return {
        "conferences": [_conference(page, urls[page.pk]) for page in conferences],
        "rooms": [_pick(row, "rooms") for row in rooms],
        "sessions": [_session(row, room_ids) for row in sessions],
        "presentations": [_presentation(row, urls) for row in in_order.values()],
        "people": [_person(row, index_url) for row in people],
        "presenters": [_pick(row, "presenters") for row in presenters],
        "dois": [_pick(row, "dois") for row in dois],
        "schedule_items": [_with_room(_pick(row, "schedule_items"), room_ids) for row in items],
    }


def _values(queryset, *order):
    return list(queryset.order_by(*order, "pk").values())


_FIELDS = {table.name: table.field_names for table in TABLES}


def _pick(row, table):
    return {name: row.get(name) for name in _FIELDS[table]}


def _with_room(row, room_ids):
    # A room of a conference that is not public is not in the rooms table: the reference would dangle.
    if row["room_id"] not in room_ids:
        row["room_id"] = None
    return row


def _conference(page, url):
    row = {name: getattr(page, name, None) for name in _FIELDS["conferences"]}
    row["id"], row["url"] = page.pk, url
    return row


def _session(row, room_ids):
    return _with_room(_pick({**row, "video_url": _video(row)}, "sessions"), room_ids)


def _presentation(row, urls):
    base = urls.get(row["conference_id"])
    url = presentation_url(base, row["slug"]) if base else ""
    return _pick({**row, "video_url": _video(row), "url": url}, "presentations")


def _person(row, index_url):
    return _pick({**row, "url": person_url(index_url, row["slug"]) if index_url else ""}, "people")


def _video(row):
    return youtube_watch_url(row["video_id"]) if row.get("video_id") else ""


def _people_index_url(request):
    index = ConferenceIndexPage.for_request(request)
    return index.get_full_url(request) if index else ""


def cell(value):
    """A value as CSV and the JSON write it: dates in ISO 8601, times in UTC to the second."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
