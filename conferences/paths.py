"""Where the programme lives below the pages' addresses: the one place that spells those addresses.

A presentation is a sub-page of its conference (`<conference>/presentations/<slug>/`) and a
person a sub-page of the conference index (`<index>/people/<slug>/`). The page types' routes and
every link to them, in Python and in templates, are built from these.
"""

PRESENTATIONS = "presentations/"
PEOPLE = "people/"
BIBTEX = "bibtex/"
CALENDAR = "calendar/"


def presentation_url(conference_url, slug):
    return f"{conference_url}{PRESENTATIONS}{slug}/"


def presentation_bibtex_url(conference_url, slug):
    return f"{presentation_url(conference_url, slug)}{BIBTEX}"


def people_url(index_url):
    return f"{index_url}{PEOPLE}"


def person_url(index_url, slug):
    return f"{people_url(index_url)}{slug}/"


# The schedule: `<conference>/schedule/`, a visitor's agenda below it, calendars below `calendar/`,
# and the files for schedule apps beside the conference's page (`<conference>/schedule.xml`).
SCHEDULE = "schedule/"
AGENDA = "agenda/"
SESSIONS = "sessions/"
SCHEDULE_FILES = ("schedule.xml", "schedule.json")


def schedule_url(conference_url):
    return f"{conference_url}{SCHEDULE}"


def agenda_url(conference_url):
    return f"{schedule_url(conference_url)}{AGENDA}"


def agenda_calendar_url(conference_url):
    return f"{agenda_url(conference_url)}{CALENDAR}"


def calendar_url(conference_url):
    return f"{conference_url}{CALENDAR}"


def day_calendar_url(conference_url, day):
    return f"{calendar_url(conference_url)}{day.isoformat()}/"


def session_calendar_url(conference_url, pk):
    return f"{calendar_url(conference_url)}{SESSIONS}{pk}/"


def session_anchor(pk):
    """The id of a session on the programme and on the schedule."""
    return f"session-{pk}"


def item_anchor(pk):
    """The id of a break or social event on the schedule (the programme lists sessions only)."""
    return f"item-{pk}"


def schedule_file_url(conference_url, name):
    return f"{conference_url}{name}"


def webcal_url(full_url):
    """The address calendar apps subscribe to (`webcal:`), for an http(s) address."""
    scheme, _, rest = full_url.partition("://")
    return f"webcal://{rest}" if scheme in ("http", "https") else full_url
