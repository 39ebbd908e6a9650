"""The demo's next annual conference: a website with its important dates, call for proposals,
registration fees, sponsors and questions, so that a newcomer sees what a coming year's site offers.

Its dates are counted from today, so the conference is always to come, whenever the demo is loaded.
"""

import datetime

from django.utils import timezone

from .choices import AttendanceMode, ConferenceKind, ImportantDateKind
from .models import ConferencePage, ImportantDate, Sponsor

SPONSORS = [
    ("Nordic Data Archive Network", "https://example.org/nordic-data", "Archives of the Nordic countries."),
    ("Social Science Data Trust", "https://example.org/data-trust", "Supports data services in libraries."),
]

# Days before the conference's first day: the order of a conference's year.
DEADLINES = [
    (ImportantDateKind.CFP_OPENS, 240),
    (ImportantDateKind.PROPOSALS_DUE, 150),
    (ImportantDateKind.NOTIFICATIONS, 100),
    (ImportantDateKind.EARLY_BIRD_ENDS, 60),
    (ImportantDateKind.REGISTRATION_CLOSES, 14),
]
CONFERENCE_DAYS = 4


def first_day(today):
    """The first Tuesday of June next year: IASSIST meets in late spring."""
    june = datetime.date(today.year + 1, 6, 1)
    return june + datetime.timedelta(days=(1 - june.weekday()) % 7)


def upcoming_conference(index, add_page, today=None):
    """(the conference, whether it is new); `add_page` adds it below `index` unless its address is taken."""
    start = first_day(today or timezone.localdate())
    end = start + datetime.timedelta(days=CONFERENCE_DAYS - 1)
    page = ConferencePage(
        title=f"IASSIST {start.year}, Copenhagen",
        slug=f"iassist{start.year}",
        kind=ConferenceKind.ANNUAL,
        year=start.year,
        theme="Data for All: Open, Fair and Lasting",
        start_date=start,
        end_date=end,
        city="Copenhagen",
        country="Denmark",
        time_zone="Europe/Copenhagen",
        attendance_mode=AttendanceMode.IN_PERSON,
        landing_summary="<p>The call for proposals is open: see the important dates.</p>",
        body=website_body(demo_sponsors()),
    )
    page.important_date_entries = [
        ImportantDate(kind=kind, date=start - datetime.timedelta(days=days)) for kind, days in DEADLINES
    ] + [ImportantDate(kind=ImportantDateKind.CONFERENCE_DAYS, date=start, end_date=end)]
    return add_page(index, page)


def demo_sponsors():
    """The demo's sponsors, without logos: the demo has no images to give them."""
    sponsors = []
    for name, url, description in SPONSORS:
        sponsor = Sponsor.objects.filter(name=name).first()
        sponsors.append(sponsor or Sponsor.objects.create(name=name, url=url, description=description))
    return sponsors


def website_body(sponsors):
    return [
        ("important_dates", {"heading": "Important dates", "kinds": []}),
        (
            "call_for_proposals",
            {
                "heading": "Call for proposals",
                "intro": "<p>IASSIST welcomes proposals on data services, stewardship, and the people behind "
                "them.</p>",
                "submission_types": [
                    {"name": "Paper", "length": "15 minutes", "description": "A talk in a session of three or four."},
                    {"name": "Poster", "length": "", "description": "Shown throughout the conference."},
                    {
                        "name": "Workshop",
                        "length": "Half day",
                        "description": "Hands-on teaching before the conference.",
                    },
                ],
                "guidelines": "",
                # An example address: the demo's call has no submission system behind it.
                "submission_link": "https://iassist.example.org/submit",
                "submission_label": "",
            },
        ),
        (
            "registration",
            {
                "heading": "Registration",
                "intro": "",
                "currency": "EUR",
                "fees": [
                    {"category": "Member", "early_bird": "420", "regular": "490"},
                    {"category": "Non-member", "early_bird": "520", "regular": "590"},
                    {"category": "Student", "early_bird": "180", "regular": "220"},
                ],
                "included": ["All sessions", "Lunches and breaks", "The reception"],
                "registration_link": "",
            },
        ),
        ("sponsors", {"heading": "", "tiers": [{"name": "Supporters", "sponsors": sponsors}]}),
        (
            "faq",
            {
                "heading": "Frequently asked questions",
                "questions": [
                    {
                        "question": "Do I need a visa?",
                        "answer": "<p>Check with the Danish embassy; we send invitation letters on request.</p>",
                        "anchor": "visa",
                    },
                    {
                        "question": "Is there a code of conduct?",
                        "answer": "<p>Yes: it applies to everyone at every IASSIST event.</p>",
                        "anchor": "code-of-conduct",
                    },
                ],
            },
        ),
    ]
