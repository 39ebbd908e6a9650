"""IASSIST 2022 built in the test database with the presentations the recorded records are of."""

from conferences import roles
from conferences.models import ConferencePage
from conferences.tests import builders
from zenodosync.client import CommunityRecords
from zenodosync.records import parse_hits

from .conftest import recorded_hits

COMMUNITY_URL = "https://zenodo.org/communities/iassist-2022"

# Titles and presenters as the Hugo tree's 2022 programme gives them.
TALKS = {
    "community": ("Building a Local Community of Practice", [("Alexandrea Glenn", "UF"), ("Emily Mann", "USF")], []),
    "curation": (
        "Measuring the time spent on data curation",
        [("Anja Perry", "GESIS"), ("Sebastian Netscher", "GESIS")],
        [],
    ),
    "bias": (
        "Collection bias in social science data archives: what’s in and what’s out?",
        [("Brian Kleiner", "FORS"), ("Alexandra Stam", "FORS")],
        [],
    ),
    "zaria": ("(Virtual) - Mapping by Design: Learning from the Zaria mapping project.", [("Yusuf Suleiman", "")], []),
    "skills": (
        "Data Skills Pathway: Planning a curriculum of free interactive self-learning materials",
        [("Sarah King-Hele", "UK Data Service")],
        ["10.5281/zenodo.6620829"],
    ),
    "masses": (
        "Metadata for the Masses – Building an educated community of data users",
        [("Samuel Spencer", ""), ("Lauren Eickhorst", "")],
        [],
    ),
    "course": (
        "Developing an undergraduate course in critical data literacy to advance new college learning outcomes",
        [("Amelia Kallaher", "Cornell University")],
        [],
    ),
}


def gothenburg_2022(home_page, with_roles=False, talks=tuple(TALKS)):
    """IASSIST 2022 linking its community, with the `talks` named; the editors' roles and 2019 only when asked."""
    if with_roles:
        section = builders.two_conference_section(home_page)
    else:
        index = builders.conference_index(home_page)
        section = {"index": index, "gothenburg": builders.conference(index, 2022, slug="iassist-2022")}
    conference = section["gothenburg"]
    ConferencePage.objects.filter(pk=conference.pk).update(zenodo_community=COMMUNITY_URL)
    conference.refresh_from_db()
    session = builders.session(conference, "Session A1")
    talks = {
        key: builders.presentation(session, title, presenters=presenters, dois=dois)
        for key, (title, presenters, dois) in TALKS.items()
        if key in talks
    }
    return {**section, "conference": conference, "session": session, "talks": talks}


# Enough for the review tests: two DOIs to propose and an ORCID iD (saving a presentation is not cheap).
REVIEWED_TALKS = ("community", "curation")


def recorded_community():
    records, skipped = parse_hits(recorded_hits())
    return CommunityRecords("iassist-2022", records, skipped, pages=2)


def web_team_member():
    return builders.member(roles.WEB_TEAM, "webteam")


def conference_editor():
    return builders.member(roles.CONFERENCE_EDITORS, "editor")


def organiser(conference):
    return builders.member(roles.ensure_organisers(conference).name, "organiser")
