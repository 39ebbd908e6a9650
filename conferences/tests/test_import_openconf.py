"""The OpenConf exports of the real tree (../shared/iassist-hugo), imported once per run with the rest.

Every expected number is read from the export files here, by a simple reading of their markup with
regular expressions, independent of the importer's parser.
"""

import datetime
import html
import json
import re
import zoneinfo

import pytest

from conferences.models import ConferencePage, Presenter, Room, ScheduleItem, Session
from conferences.text import person_name_key

pytestmark = pytest.mark.django_db

CELL = re.compile(r'<td class="oc_program_concurrentSession oc_program_type_(\w+)"[^>]*>(.*?)</td>', re.S)
LABEL = re.compile(r"<label[^>]*>(.*?)</label>", re.S)
ROOM = re.compile(r'class="oc_program_concurrentSessionRoom"[^>]*>(.*?)</td>', re.S)
INLINE_ROOM = re.compile(r'class="oc_program_concurrentSessionRoomInline">\((.*?)\)</span>', re.S)
DAY = re.compile(r'<div class="oc_program_Date" id="(\d{4}-\d\d-\d\d)">')
TIME = re.compile(r'<td class="oc_program_time">(\d\d:\d\d)-(\d\d:\d\d)</td>')
AUTHOR = re.compile(r"<strong>(.*?)</strong>(.*?)(?=<strong>|</div>)", re.S)  # one s203.html writes "</p</div>"
SOCIAL = re.compile(r"reception|banquet", re.I)
MEAL = re.compile(r"lunch|dinner|breakfast", re.I)
# The venues' offsets from UTC in the conferences' weeks: summer time in both places.
OFFSETS = {"America/New_York": datetime.timedelta(hours=-4), "Europe/London": datetime.timedelta(hours=1)}


def text(markup):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def exports(tree):
    """{year: folder} of every OpenConf schedule under static/conferences/."""
    found = {}
    for page in sorted((tree / "static/conferences").glob("*/*/index.html")):
        if "oc_program_Date" in page.read_text(encoding="utf-8"):
            found[int(re.search(r"\d{4}", page.parent.parent.name).group())] = page.parent
    return found


def cells(folder):
    """(type, label, lists submissions) of each session cell of the schedule."""
    markup = (folder / "index.html").read_text(encoding="utf-8")
    return [(kind, text(LABEL.search(body).group(1)), "PaperTitle" in body) for kind, body in CELL.findall(markup)]


def schedule_items(folder):
    """What is no session: breaks, registration, meals and social events without submissions."""
    counts = {"break": 0, "registration": 0, "meal": 0, "social": 0}
    for kind, label, papers in cells(folder):
        if kind == "Break":
            counts["break"] += 1
        elif kind == "Registration":
            counts["registration"] += 1
        elif not papers and MEAL.search(f"{kind} {label}"):
            counts["meal"] += 1
        elif not papers and SOCIAL.search(f"{kind} {label}") and "closing" not in label.lower():
            counts["social"] += 1
    return counts


def slots_by_label(folder):
    """{label: (day, local start)} of the cells whose label appears once in the schedule."""
    markup = (folder / "index.html").read_text(encoding="utf-8")
    found, day, labels = {}, None, []
    for piece in re.split(r"(?=<div class=\"oc_program_Date\")|(?=<td class=\"oc_program_time\")", markup):
        if match := DAY.match(piece):
            day = datetime.date.fromisoformat(match.group(1))
        elif match := TIME.match(piece):
            for _, body in CELL.findall(piece):
                label = text(LABEL.search(body).group(1))
                labels.append(label)
                found[label] = (day, datetime.time.fromisoformat(match.group(1)))
    return {label: value for label, value in found.items() if labels.count(label) == 1}


def surname(name):
    """The last word of a name, in letters only: "L’Hours" and "L'Hours" are one surname."""
    return re.sub(r"\W", "", person_name_key(name).split()[-1])


def conference(year):
    return ConferencePage.objects.get(kind="annual", year=year)


@pytest.fixture(scope="module")
def export_folders(hugo_tree):
    folders = exports(hugo_tree)
    assert folders, "the real tree has OpenConf exports"
    return folders


def test_every_exports_timed_sessions_are_its_sessions_that_are_no_schedule_item(imported_site, export_folders):
    for year, folder in export_folders.items():
        expected = len(cells(folder)) - sum(schedule_items(folder).values())
        assert Session.objects.filter(conference=conference(year)).exclude(starts_at=None).count() == expected, year


def test_every_exports_rooms_become_its_conferences_rooms(imported_site, export_folders):
    for year, folder in export_folders.items():
        markup = (folder / "index.html").read_text(encoding="utf-8")
        names = {text(name) for name in ROOM.findall(markup) + INLINE_ROOM.findall(markup)} - {""}
        assert Room.objects.filter(conference=conference(year)).count() == len(names), year


def test_every_exports_breaks_become_schedule_items(imported_site, export_folders):
    for year, folder in export_folders.items():
        breaks = ScheduleItem.objects.filter(conference=conference(year), item_type="break")
        assert breaks.count() == schedule_items(folder)["break"], year


def test_every_exports_social_events_become_schedule_items(imported_site, export_folders):
    for year, folder in export_folders.items():
        social = ScheduleItem.objects.filter(
            conference=conference(year), item_type__in=["reception", "banquet", "social"]
        )
        assert social.count() == schedule_items(folder)["social"], year


def test_every_exports_meals_and_registration_become_schedule_items(imported_site, export_folders):
    for year, folder in export_folders.items():
        items = ScheduleItem.objects.filter(conference=conference(year))
        counts = schedule_items(folder)
        assert (items.filter(item_type="meal").count(), items.filter(item_type="registration").count()) == (
            counts["meal"],
            counts["registration"],
        ), year


def test_sessions_start_at_the_exports_time_on_the_venues_clock(imported_site, export_folders):
    for year, folder in export_folders.items():
        page = conference(year)
        zone = zoneinfo.ZoneInfo(page.time_zone)
        slots = slots_by_label(folder)
        timed = [s for s in Session.objects.filter(conference=page).exclude(starts_at=None) if s.title in slots]
        assert timed, year
        for session in timed:
            day, starts = slots[session.title]
            assert session.starts_at.utcoffset() == datetime.timedelta(0)
            assert session.starts_at.astimezone(zone).replace(tzinfo=None) == datetime.datetime.combine(day, starts)
            assert session.starts_at.astimezone(zone).utcoffset() == OFFSETS[page.time_zone], session.title


def test_a_session_on_another_day_in_the_json_takes_the_exports_day_and_is_warned(
    imported_site, export_folders, first_import_output
):
    for year, folder in export_folders.items():
        slots = slots_by_label(folder)
        data = json.loads(next((imported_site / "data/conferences/archive").glob(f"{year}-*.json")).read_text())
        moved = {}
        for source in data["sessions"]:
            written = _written_day(source.get("day") or "")
            if source["title"] in slots and written and written != slots[source["title"]][0]:
                moved[source["title"]] = slots[source["title"]][0]
        warned = [
            line
            for line in first_import_output.splitlines()
            if f"{folder.name}/index.html" in line and "the export's day is kept" in line
        ]
        assert len(warned) == len(moved), year
        for title, day in moved.items():
            assert (
                Session.objects.get(conference=conference(year), title=title).day == f"{day:%B} {day.day}, {day.year}"
            )


def _written_day(day):
    try:
        return datetime.datetime.strptime(day.strip(), "%B %d, %Y").date()
    except ValueError:
        return None


def test_a_presenters_country_is_the_one_the_export_gives_them(imported_site, export_folders):
    for year, folder in export_folders.items():
        given = set()
        for page in folder.glob("*.html"):
            for name, lines in AUTHOR.findall(page.read_text(encoding="utf-8")):
                country = text(re.sub(r"</?p\b[^<]*", "", lines.split("<br />")[-1]))
                given.add((surname(text(name)), country))
        entries = Presenter.objects.filter(presentation__conference=conference(year)).exclude(country="")
        assert entries.exists(), year
        for entry in entries.select_related("person"):
            assert (surname(entry.person.name), entry.country) in given, entry.person.name


def test_few_submissions_and_presentations_are_left_unmatched(export_folders, first_import_output):
    for year, folder in export_folders.items():
        unmatched = [
            line
            for line in first_import_output.splitlines()
            if f"{folder.name}/index.html" in line and ("matches no" in line or "is not in the export" in line)
        ]
        assert len(unmatched) <= 3, (year, unmatched)
