"""Demo content: the Conferences page as IASSIST wrote it (the project's seed page),
the pages its buttons lead to, and a small programme to show the archive features.

Every step looks for what it would create first, so running it again adds nothing.
"""

import datetime

from django.db import transaction
from wagtail.models import Page
from wagtail.rich_text import RichText

from home.models import HomePage

from .choices import AttendanceMode, ConferenceKind
from .demo_website import upcoming_conference
from .models import (
    ConferenceArchivePage,
    ConferenceIndexPage,
    ConferencePage,
    ContentPage,
    Person,
    Presentation,
    PresentationDOI,
    Presenter,
    Session,
)
from .models.landing import ConferenceLandingPin
from .text import person_name_key

SEED_INTRO = [
    "Each May/June the annual conference provides data professionals a variety of opportunities to "
    "participate in discussions about data sharing and management, data access and repository tools, "
    "metadata for research data, best practices for preserving data, global resources for information, "
    "new technologies professional development and much more.",
    "The conference consists of workshops focused on the profession, stimulating plenaries, panel "
    "discussions, individual presentations, and posters. Networking opportunities with peers from around "
    "the world take place in breakout groups, interest group or birds of a feather sessions, and perhaps "
    "most importantly, during the breaks.",
    "The annual conference is always an international event. Conference locations reflect our membership "
    "base and typically rotate to a different region each year.",
]


def publish(page):
    page.save_revision().publish()
    return page


def child_by_slug(parent, slug):
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def add_page(parent, page):
    existing = child_by_slug(parent, page.slug)
    if existing:
        return existing, False
    parent.add_child(instance=page)
    return publish(page), True


@transaction.atomic
def load_demo_content(stdout=None):
    home = HomePage.objects.first() or _missing_home()
    created = []

    def track(result):
        page, is_new = result
        if is_new:
            created.append(page)
        return page

    if not home.intro:
        home.intro = (
            "<p>IASSIST is an international organization of professionals working with information "
            "technology and data services to support research and teaching in the social sciences.</p>"
        )
        home.title = "IASSIST"
        publish(home)

    community = track(add_page(home, ContentPage(title="Community", slug="community")))
    code_of_conduct = track(
        add_page(
            community,
            ContentPage(
                title="Code of Conduct",
                slug="code-of-conduct",
                body=[
                    (
                        "paragraph",
                        RichText(
                            "<p>IASSIST is dedicated to providing a welcoming and harassment-free experience "
                            "for everyone at all IASSIST events.</p>"
                        ),
                    )
                ],
            ),
        )
    )

    index = child_by_slug(home, "conferences")
    index_is_new = index is None
    if index_is_new:
        # The panel of forthcoming and recent conferences is computed from their dates, not written by hand.
        index = ConferenceIndexPage(title="Conferences", slug="conferences", landing_panel=True)
        home.add_child(instance=index)

    track(
        add_page(
            index,
            ConferenceArchivePage(
                title="Conference Archive",
                slug="archive",
                intro="<p>Every IASSIST conference since the first, with programmes and presentations.</p>",
            ),
        )
    )
    sweden = track(add_page(index, _sweden_2022()))
    virtual = track(add_page(index, _virtual_2021()))
    africa = track(add_page(index, _africa_2021()))
    track(upcoming_conference(index, add_page))

    if index_is_new:
        index.body = seed_body(code_of_conduct)
        # The seed's past events stay in the panel although they are older than its window of recent years.
        index.landing_pins = [ConferenceLandingPin(conference=page) for page in (sweden, virtual, africa)]
        publish(index)
        created.append(index)

    _demo_programme(sweden)
    return created


def _missing_home():
    raise Page.DoesNotExist("No home page: run `python manage.py migrate` first.")


def seed_body(code_of_conduct):
    """The seed page's introduction.

    The seed's panel of forthcoming and recent events, written by hand there, is the computed panel
    here, placed by its block, from the events' own pages; the link to the archive below it is the
    page's generated one.
    """
    intro_html = "".join(f"<p>{text}</p>" for text in SEED_INTRO) + (
        f'<p><b>Please familiarize yourself with the <a linktype="page" id="{code_of_conduct.pk}">'
        "Code of Conduct</a> pertaining to all IASSIST events.</b></p>"
    )
    return [
        ("heading", {"text": "Annual IASSIST Conference", "level": "h2"}),
        ("paragraph", RichText(intro_html)),
        ("landing_panel", None),
    ]


def _sweden_2022():
    return ConferencePage(
        title="IASSIST 2022, Sweden",
        slug="iassist-sweden-2022",
        kind=ConferenceKind.ANNUAL,
        ordinal=47,
        year=2022,
        theme="Data by Design: Building a Sustainable Data Culture",
        start_date=datetime.date(2022, 6, 7),
        end_date=datetime.date(2022, 6, 10),
        city="Gothenburg",
        country="Sweden",
        host="Swedish National Data Service (SND)",
        attendance_mode=AttendanceMode.HYBRID,
        zenodo_community="https://zenodo.org/communities/iassist-2022",
        landing_summary="<p>Conference was arranged as a hybrid event in Gothenburg, Sweden.</p>",
    )


def _virtual_2021():
    return ConferencePage(
        title="IASSIST 2021 Global Virtual Conference",
        slug="iassist-virtual-2021",
        kind=ConferenceKind.ANNUAL,
        ordinal=46,
        year=2021,
        start_date=datetime.date(2021, 5, 17),
        end_date=datetime.date(2021, 5, 20),
        attendance_mode=AttendanceMode.ONLINE,
        landing_summary="<p>Because of the continued health and economic concerns caused by the coronavirus, "
        "the <b>main conference was virtual and took place in May 17-20, 2021</b>.</p>",
    )


def _africa_2021():
    return ConferencePage(
        title="IASSIST Africa Workshop 2021",
        slug="iassist-africa-2021",
        kind=ConferenceKind.WORKSHOP,
        year=2021,
        start_date=datetime.date(2021, 1, 11),
        end_date=datetime.date(2021, 1, 13),
        city="Kampala",
        country="Uganda",
        attendance_mode=AttendanceMode.IN_PERSON,
        landing_summary="<p>A separate IASSIST Africa Workshop, beside the virtual conference.</p>",
    )


DEMO_PROGRAMME = [
    {
        "title": "Plenaries",
        "chair": "San Cannon",
        "presentations": [
            {
                "title": "Key Note 1: FAIR Everywhere?",
                "video_id": "R7mH1L2ODDM",
                "presenters": [("Niklas Blomberg", "ELIXIR Europe")],
            },
        ],
    },
    {
        "title": "Session A1",
        "day": "June 8, 2022",
        "chair": "Lynda Kellam",
        "presentations": [
            {
                "title": "Data Skills Pathway: Planning a curriculum of free interactive self-learning materials",
                "abstract": "A project to plan a coherent curriculum of self-learning materials on data skills.",
                "dois": ["10.5281/zenodo.6620829"],
                "presenters": [("Sarah King-Hele", "UK Data Service, University of Manchester")],
            },
            {
                "title": "Who is counted? The Census of Canada and ethno-racial and Indigenous identities",
                "abstract": "Finding data on race and racialized populations in the Census of Canada.",
                "dois": ["10.5281/zenodo.8135967"],
                "presenters": [
                    ("Kevin Manuel", "Ryerson University"),
                    ("Rosa Orlandini", "York University"),
                    ("Alex Cooper", "Queen's University"),
                ],
            },
        ],
    },
]


def _demo_programme(conference):
    if conference.sessions.exists():
        return
    for session_order, session_data in enumerate(DEMO_PROGRAMME):
        session = Session.objects.create(
            conference=conference,
            sort_order=session_order,
            title=session_data["title"],
            day=session_data.get("day", ""),
            chair=session_data.get("chair", ""),
        )
        for order, item in enumerate(session_data["presentations"]):
            presentation = Presentation(
                conference=conference,
                session=session,
                sort_order=order,
                title=item["title"],
                abstract=item.get("abstract", ""),
                video_id=item.get("video_id", ""),
            )
            presentation.dois = [PresentationDOI(doi=doi) for doi in item.get("dois", [])]
            presentation.presenters = [
                Presenter(person=_person(name), institution=institution) for name, institution in item["presenters"]
            ]
            presentation.save()


def _person(name):
    person = Person.objects.filter(name_key=person_name_key(name)).first()
    return person or Person.objects.create(name=name)
