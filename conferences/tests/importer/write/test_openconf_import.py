"""The import of a small Hugo tree with an OpenConf export: the programme as it ran, its schedule, re-runs."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from conferences.models import ConferencePage, ScheduleItem, Session

from ..parse.openconf.markup import Cell, Day, Paper, TimeSlot, schedule_page, submission_page
from ..trees import write_file

pytestmark = pytest.mark.django_db

FOLDER = "static/conferences/iassist2030/full-program"
PROGRAMME = {
    "conferenceYear": "2030",
    "title": "IASSIST 2030: Data",
    "city": "Bristol",
    "dateText": "June 3-5, 2030",
    "startDate": "2030-06-03",
    "endDate": "2030-06-05",
    "sessions": [
        {
            "title": "Panel A1",
            "day": "June 3, 2030",
            "presentations": [
                {"title": "Open data in the archive", "presenters": [{"name": "Ann Lee", "institution": ""}]}
            ],
        },
        {
            "title": "Pre-Conference Workshops",
            "day": "June 3, 2030",
            "presentations": [
                {"title": "Workshop 1: A Friendly Introduction to Python", "presenters": [{"name": "Bo Chen"}]},
                {"title": "Workshop 2: Learn how to create synthetic data", "presenters": [{"name": "Cy Dee"}]},
            ],
        },
    ],
}


def write_tree(root, programme=PROGRAMME):
    write_file(root, "content/conferences/_index.md", '+++\ntitle = "Conferences"\n+++\nThe conferences.\n')
    write_file(
        root,
        "content/conferences/archive/2030-Bristol.md",
        '+++\nyear = "2030"\ntitle = "IASSIST 2030"\nlocation = "Bristol, UK"\n'
        'datalink = "/data/conferences/archive/2030-Bristol.json"\n+++\n',
    )
    write_file(root, "content/conferences/iassist2030/_index.md", '+++\ntitle = "IASSIST 2030"\n+++\nWelcome.\n')
    write_file(root, "data/conferences/archive/2030-Bristol.json", json.dumps(programme))
    write_file(root, f"{FOLDER}/index.html", schedule_page(*DAYS))
    write_file(root, f"{FOLDER}/s1.html", submission_page("Open data in the archive", "", [("Ann Lee", "UWE", "UK")]))
    return root


DAYS = [
    Day(
        "Monday, 3 June 2030",
        [
            TimeSlot(
                "09:00-12:00",
                [
                    Cell(
                        "Workshop - A Friendly Introduction to Python",
                        "Workshop",
                        papers=[Paper("A Friendly Introduction to Python")],
                    ),
                    Cell(
                        "Workshop - Learn how to create synthetic data",
                        "Workshop",
                        papers=[Paper("Learn how to create synthetic data")],
                    ),
                ],
                rooms=["Room 202, Library", "Room 113, Library"],
            )
        ],
        "2030-06-03",
    ),
    Day(
        "Tuesday, 4 June 2030",
        [
            TimeSlot("10:00-10:15", [Cell("Coffee Break", "Break", room="Wessex Suite")]),
            TimeSlot(
                "10:15-11:15",
                [Cell("Panel A1", "Panel", papers=[Paper("Open data in the archive", "s1.html")])],
                rooms=["Ballroom"],
            ),
            TimeSlot("18:30-23:00", [Cell("Banquet", "Plenary", room="We the Curious")]),
        ],
        "2030-06-04",
    ),
]


def run(root):
    output = StringIO()
    call_command("import_hugo", str(root), verbosity=1, stdout=output)
    return output.getvalue()


def test_the_conference_takes_its_venues_time_zone(home_page, tmp_path):
    run(write_tree(tmp_path))
    assert ConferencePage.objects.get(year=2030).time_zone == "Europe/London"


def test_the_programme_is_written_as_it_ran(home_page, tmp_path):
    run(write_tree(tmp_path))
    sessions = Session.objects.order_by("sort_order")
    assert [(s.title, s.day, s.session_type, s.room.name) for s in sessions] == [
        ("Panel A1", "June 4, 2030", "panel", "Ballroom"),
        ("Workshop - A Friendly Introduction to Python", "June 3, 2030", "workshop", "Room 202"),
        ("Workshop - Learn how to create synthetic data", "June 3, 2030", "workshop", "Room 113"),
    ]


def test_the_corrected_day_is_warned(home_page, tmp_path):
    output = run(write_tree(tmp_path))
    assert "session 'Panel A1': the JSON gives the day 'June 3, 2030', the export 'June 4, 2030'" in output


def test_a_presenter_takes_institution_and_country_from_the_export(home_page, tmp_path):
    run(write_tree(tmp_path))
    entry = Session.objects.get(title="Panel A1").presentations.get().presenters.get()
    assert (entry.institution, entry.country) == ("UWE", "UK")


def test_the_break_and_the_banquet_are_schedule_items(home_page, tmp_path):
    run(write_tree(tmp_path))
    assert list(ScheduleItem.objects.order_by("starts_at").values_list("title", "item_type", "room__name")) == [
        ("Coffee Break", "break", "Wessex Suite"),
        ("Banquet", "banquet", "We the Curious"),
    ]


def test_a_second_run_changes_nothing(home_page, tmp_path):
    tree = write_tree(tmp_path)
    run(tree)
    assert "Nothing changed: the site already holds this source." in run(tree)


def test_a_conference_without_an_export_keeps_its_day_only_programme(home_page, tmp_path):
    tree = write_tree(tmp_path)
    (tree / FOLDER / "index.html").unlink()
    run(tree)
    session = Session.objects.get(title="Panel A1")
    assert (session.day, session.starts_at, session.room) == ("June 3, 2030", None, None)
    assert ConferencePage.objects.get(year=2030).time_zone == ""


def test_the_exports_pages_lead_to_their_presentation_and_the_schedule(home_page, tmp_path, client):
    run(write_tree(tmp_path))
    talk = client.get("/conferences/iassist2030/full-program/s1.html")
    assert talk.status_code == 301
    assert talk["Location"] == client.get(talk["Location"]).wsgi_request.path
    assert "Open data in the archive" in client.get(talk["Location"]).content.decode()
    for path in ("/conferences/iassist2030/full-program/", "/conferences/iassist2030/full-program/index.html"):
        assert client.get(path)["Location"].endswith("/schedule/"), path


def test_a_second_run_keeps_the_exports_addresses(home_page, tmp_path, client):
    from conferences.models import ProgrammeExportAddress

    run(write_tree(tmp_path))
    before = list(ProgrammeExportAddress.objects.order_by("path").values_list("pk", "path", "presentation_id"))
    run(tmp_path)
    assert list(ProgrammeExportAddress.objects.order_by("path").values_list("pk", "path", "presentation_id")) == before
