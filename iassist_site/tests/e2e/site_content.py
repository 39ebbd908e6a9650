"""The content the browser journeys walk through: the demo site plus an editor and an older conference.

Addresses and titles are read back from the database after building, so the
tests never spell out a slug that the models derive.
"""

import datetime
import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone

from conferences.blocks import ConferenceStreamBlock
from conferences.choices import ImportantDateKind
from conferences.demo import load_demo_content
from conferences.models import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, ContentPage, Presentation
from conferences.next_conference import proposal
from conferences.tests import builders, schedule_builders
from home.models import HomePage

# The presentation the visitor reads and the one the editor changes are different,
# so the two journeys pass in either order.
VISITOR_PRESENTATION = "Who is counted?"
EDITOR_PRESENTATION = "Data Skills Pathway"


@dataclass(frozen=True)
class PresentationFacts:
    """What the tests need of a presentation, read once: the tests themselves do not query the database."""

    title: str
    abstract: str
    url: str
    conference_title: str
    conference_url: str
    presenter_name: str

    @classmethod
    def of(cls, presentation):
        return cls(
            title=presentation.title,
            abstract=presentation.abstract,
            url=presentation.get_url(),
            conference_title=presentation.conference.title,
            conference_url=presentation.conference.url,
            presenter_name=presentation.presenters.select_related("person").first().person.name,
        )


@dataclass(frozen=True)
class ScheduleFacts:
    """The timed conference (Europe/London, British Summer Time): what the schedule tests look for."""

    url: str
    agenda_url: str
    starred: str  # two entries' keys, for the agenda page's address
    long_session: str  # A1, 10:30-12:00 beside two shorter sessions in the other room
    long_session_key: str
    plenary_key: str
    day: str  # the first day, as the schedule heads it
    during_a1_utc: str  # an instant when A1 runs and A3 is next


@dataclass
class SiteContent:
    urls: dict
    editor_password: str
    visitor_presentation: PresentationFacts
    editor_presentation: PresentationFacts
    home_title: str
    schedule: ScheduleFacts
    decades: dict = field(default_factory=dict)
    editor_username: str = "editor"
    timed_website: dict = field(default_factory=dict)  # the titles of its pages and menu, and its next year


def add_materials(presentation):
    """Beside its slides on Zenodo (the demo's DOI): a paper uploaded as a PDF and a link to code."""
    paper = builders.document("who-is-counted-paper.pdf", size=1_260_000)
    builders.material(presentation, kind="paper", document=paper)
    builders.material(presentation, kind="code", url="https://github.com/iassist/census-tables", sort_order=1)


def build_site_content():
    load_demo_content()
    index = ConferenceIndexPage.objects.get()
    builders.conference(
        index,
        1998,
        title="IASSIST 1998, New Haven",
        slug="iassist-1998",
        ordinal=24,
        city="New Haven",
        country="United States",
        theme="Social science data in a digital world",
    )
    timed = schedule_builders.bristol_conference(index)
    # The coming conference first: the next year proposed for the timed one must be a year it leaves free.
    website = conference_website(index)
    timed_website = _conference_website(timed["conference"])
    password = secrets.token_urlsafe(16)
    get_user_model().objects.create_superuser("editor", "editor@example.org", password)

    conference = ConferencePage.objects.get(slug="iassist-sweden-2022")
    visitor_presentation = Presentation.objects.get(title__startswith=VISITOR_PRESENTATION)
    add_materials(visitor_presentation)
    editor_presentation = Presentation.objects.get(title__startswith=EDITOR_PRESENTATION)
    presenter = visitor_presentation.presenters.select_related("person").first().person
    urls = {
        "home": "/",
        "conference index": index.url,
        "conference": conference.url,
        "presentation": visitor_presentation.get_url(),
        "person": index.person_url(presenter.slug),
        "people": index.people_url(),
        "archive": ConferenceArchivePage.objects.get().url,
        "content page": ContentPage.objects.get(slug="code-of-conduct").url,
        "search results": "/search/?q=census",
        "schedule": f"{timed['conference'].url}schedule/",
        "agenda": f"{timed['conference'].url}schedule/agenda/?starred=s{timed['a1'].pk},i{timed['coffee'].pk}",
        "timed programme": timed["conference"].url,
        "not found": "/no-such-page/",
        "timed conference edit": f"/admin/pages/{timed['conference'].pk}/edit/",
        "conference website": website.url,
    }
    decades = {}
    for page in ConferencePage.objects.filter(kind="annual").order_by("-year"):
        decades.setdefault(page.year // 10 * 10, []).append(page.title)
    return SiteContent(
        urls=urls,
        editor_password=password,
        visitor_presentation=PresentationFacts.of(visitor_presentation),
        editor_presentation=PresentationFacts.of(editor_presentation),
        home_title=HomePage.objects.get().title,
        schedule=ScheduleFacts(
            url=f"{timed['conference'].url}schedule/",
            agenda_url=f"{timed['conference'].url}schedule/agenda/",
            starred=f"s{timed['a1'].pk},i{timed['coffee'].pk}",
            long_session=timed["a1"].title,
            long_session_key=f"s{timed['a1'].pk}",
            plenary_key=f"s{timed['plenary'].pk}",
            day="Tuesday, June 2",
            during_a1_utc="2026-06-02T10:15:00Z",  # 11:15 in Bristol
        ),
        decades=decades,
        timed_website=timed_website,
    )


def _conference_website(conference):
    """Two pages below the timed conference, one with a notice, and a menu leading to them and beyond."""
    cfp = builders.content_page(conference, "Call for proposals", slug="call-for-proposals")
    venue = builders.content_page(conference, "Venue and travel", slug="venue-and-travel")
    cfp.body = [
        {
            "type": "notice",
            "value": {
                "scheme": "highlight",
                "content": [{"type": "heading", "value": {"text": "Proposals are due on 1 December", "level": "h2"}}],
            },
        },
        {"type": "paragraph", "value": "<p>IASSIST welcomes proposals for papers, panels and posters.</p>"},
    ]
    conference.menu = [
        {"type": "link", "value": {"page": cfp.pk, "url": "", "label": ""}},
        {"type": "link", "value": {"page": venue.pk, "url": "", "label": "Getting to Bristol"}},
        {"type": "link", "value": {"page": None, "url": "https://iassistdata.org/", "label": "IASSIST"}},
    ]
    for page in (cfp, venue, conference):
        page.save_revision().publish()
    next_conference = proposal(conference)
    return {
        "pages": [cfp.title, venue.title],
        "menu": [cfp.title, "Getting to Bristol", "IASSIST"],
        "notice": "Proposals are due on 1 December",
        "next_title": next_conference.title,
        "next_year": next_conference.year,
    }


WEBSITE_BLOCKS = ["important_dates", "call_for_proposals", "registration", "faq", "venue", "travel"]


def conference_website(index):
    """A coming conference's page "Attend" with every website block, and important dates before and after today."""
    today = timezone.localdate()
    start = today + datetime.timedelta(days=200)
    conference = builders.conference(
        index,
        start.year,
        title=f"IASSIST {start.year}, Toronto",
        slug="iassist-toronto",
        start_date=start,
        end_date=start + datetime.timedelta(days=3),
        city="Toronto",
        country="Canada",
    )
    for kind, days in [
        (ImportantDateKind.CFP_OPENS, -60),
        (ImportantDateKind.PROPOSALS_DUE, -5),
        (ImportantDateKind.NOTIFICATIONS, 30),
        (ImportantDateKind.EARLY_BIRD_ENDS, 90),
        (ImportantDateKind.REGISTRATION_CLOSES, 180),
        (ImportantDateKind.HOTEL_DEADLINE, 170),
    ]:
        builders.important_date(conference, kind, today + datetime.timedelta(days=days))
    builders.important_date(conference, ImportantDateKind.CONFERENCE_DAYS, start, start + datetime.timedelta(days=3))
    page = builders.content_page(conference, title="Attend", slug="attend")
    stream = ConferenceStreamBlock()
    page.body = [(name, stream.child_blocks[name].get_preview_value()) for name in WEBSITE_BLOCKS]
    page.save_revision().publish()
    return page


@dataclass(frozen=True)
class EditorTaskContent:
    """What the six editor tasks start from (test_editor_tasks.py): their own rows, so other journeys keep theirs."""

    organiser: str
    web_team: str
    password: str
    moderated_title: str
    moderated_url: str
    slides_title: str
    slides_url: str
    conference_url: str
    talk_2016: str
    presenter_2016: str
    duplicates: tuple


def editor_task_content():
    """Roles and workflow, an organiser and a web team member, three presentations and two names of one person."""
    from conferences import roles

    sweden = ConferencePage.objects.get(slug="iassist-sweden-2022")
    organisers = roles.ensure_organisers(sweden)
    organiser = builders.member(organisers.name, "organiser")
    web_team = builders.member(roles.WEB_TEAM, "webteam")
    session = builders.session(sweden, "Editor tasks")
    moderated = builders.presentation(session, "Counting the uncounted", presenters=[("Steve McEachern", "ADA")])
    slides = builders.presentation(session, "Slides come later", presenters=[("Steven McEachern", "ADA")])
    bergen = builders.conference(
        ConferenceIndexPage.objects.get(), 2016, title="IASSIST 2016, Bergen", slug="iassist-2016", city="Bergen"
    )
    talk_2016 = builders.presentation(
        builders.session(bergen, "Research data services"),
        "Embedding data librarians in research groups",
        presenters=[("Ingrid Lindqvist", "SND")],
    )
    talk_2016.save()  # the search index reads the presenters, which were added after the first save
    return EditorTaskContent(
        organiser=organiser.username,
        web_team=web_team.username,
        password="a-long-pass-phrase",
        moderated_title=moderated.title,
        moderated_url=moderated.get_url(),
        slides_title=slides.title,
        slides_url=slides.get_url(),
        conference_url=sweden.url,
        talk_2016=talk_2016.title,
        presenter_2016="Ingrid Lindqvist",
        duplicates=("Steve McEachern", "Steven McEachern"),
    )
