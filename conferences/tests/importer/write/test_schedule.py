"""Writing a conference's schedule: rooms, the sessions' times, presenters' countries, schedule items."""

import datetime
from types import SimpleNamespace

import pytest

from conferences.importer.parse.openconf.plans import (
    ItemPlan,
    PresentationPlan,
    PresenterCountry,
    RoomPlan,
    SchedulePlan,
    SessionPlan,
)
from conferences.importer.write.bookkeeping import ImportRecords
from conferences.importer.write.report import ImportReport
from conferences.importer.write.schedule import write_schedules
from conferences.models import Presenter, Room, ScheduleItem, Session
from conferences.tests import builders

pytestmark = pytest.mark.django_db

NINE = datetime.datetime(2030, 6, 4, 8, tzinfo=datetime.UTC)
HALF_PAST_TEN = NINE + datetime.timedelta(minutes=90)


@pytest.fixture
def conference(home_page):
    # The schedule's days (June 4) lie within the conference's, as the admin's checks require.
    page = builders.conference(
        builders.conference_index(home_page),
        2030,
        city="Bristol",
        start_date=datetime.date(2030, 6, 3),
        end_date=datetime.date(2030, 6, 6),
    )
    panel = builders.session(page, "Panel A1", sort_order=0)
    builders.presentation(panel, "Open data", presenters=[("Ann Lee", "Duke University")], sort_order=0)
    return page


def plan(**changes):
    values = {
        "source": "static/conferences/iassist2030/full-program/index.html",
        "time_zone": "Europe/London",
        "rooms": [RoomPlan("Room 202", "Charles Library"), RoomPlan("Ballroom Foyer")],
        "sessions": [
            SessionPlan(
                order=0,
                title="Panel A1",
                kind="panel",
                code="A1",
                starts_at=NINE,
                ends_at=HALF_PAST_TEN,
                room="Room 202",
                presentations=[PresentationPlan(0, "Open data", [PresenterCountry(0, "Ann Lee", "United States")])],
            )
        ],
        "items": [ItemPlan("20300604T0930Z-0", "Coffee Break", "break", HALF_PAST_TEN, None, room="Ballroom Foyer")],
    }
    values.update(changes)
    return SchedulePlan(**values)


def write(conference, schedule):
    report = ImportReport()
    site_plan = SimpleNamespace(pages=[SimpleNamespace(key="annual-2030", schedule=schedule)])
    write_schedules(site_plan, {"annual-2030": conference}, ImportRecords(), report)
    return report


def test_the_rooms_are_created_in_the_schedules_order_with_their_buildings(conference):
    write(conference, plan())
    assert list(Room.objects.filter(conference=conference).values_list("name", "building", "sort_order")) == [
        ("Room 202", "Charles Library", 0),
        ("Ballroom Foyer", "", 1),
    ]


def test_a_session_takes_its_type_code_times_and_room(conference):
    write(conference, plan())
    session = Session.objects.get(conference=conference)
    assert (session.session_type, session.code, session.starts_at, session.ends_at, session.room.name) == (
        "panel",
        "A1",
        NINE,
        HALF_PAST_TEN,
        "Room 202",
    )


def test_a_presenter_takes_their_country(conference):
    write(conference, plan())
    assert list(Presenter.objects.values_list("country", flat=True)) == ["United States"]


def test_a_break_becomes_a_live_schedule_item_in_its_room(conference):
    write(conference, plan())
    assert list(ScheduleItem.objects.values_list("title", "item_type", "starts_at", "room__name", "live")) == [
        ("Coffee Break", "break", HALF_PAST_TEN, "Ballroom Foyer", True)
    ]


def test_the_first_write_says_what_it_created(conference):
    report = write(conference, plan())
    assert report.created == {
        "schedules": 1,
        "rooms": 2,
        "session times": 1,
        "presenter countries": 1,
        "schedule items": 1,
    }


def test_a_second_write_of_the_same_schedule_changes_nothing(conference):
    write(conference, plan())
    report = write(conference, plan())
    assert not report.changed
    assert report.unchanged["schedules"] == 1


def test_an_editors_change_since_the_last_write_stays_when_the_schedule_has_not_changed(conference):
    write(conference, plan())
    Session.objects.filter(conference=conference).update(code="A-1")
    write(conference, plan())
    assert Session.objects.get(conference=conference).code == "A-1"


def test_a_changed_item_is_updated_in_place(conference):
    write(conference, plan())
    item = ScheduleItem.objects.get()
    changed = plan(items=[ItemPlan("20300604T0930Z-0", "Coffee and tea", "break", HALF_PAST_TEN, None)])
    report = write(conference, changed)
    assert list(ScheduleItem.objects.values_list("pk", "title", "room")) == [(item.pk, "Coffee and tea", None)]
    assert report.updated["schedule items"] == 1


def test_an_item_the_export_no_longer_has_is_removed_with_a_warning(conference):
    write(conference, plan())
    report = write(conference, plan(items=[]))
    assert not ScheduleItem.objects.exists()
    assert "schedule item 'Coffee Break' is no longer in the export: removed" in str(report.warnings[0])


def test_an_item_an_editor_has_changed_is_kept_when_the_export_no_longer_has_it(conference):
    write(conference, plan())
    item = ScheduleItem.objects.get()
    item.title = "Coffee, tea and cake"
    item.save_revision().publish()
    report = write(conference, plan(items=[]))
    assert ScheduleItem.objects.get().title == "Coffee, tea and cake"
    assert "kept, as an editor has changed it" in str(report.warnings[0])


def test_a_session_with_revisions_takes_its_schedule_through_a_published_revision(conference):
    session = Session.objects.get(conference=conference)
    session.save_revision().publish()
    write(conference, plan())
    session.refresh_from_db()
    assert session.latest_revision.as_object().starts_at == NINE
    assert session.starts_at == NINE
    assert not session.has_unpublished_changes


def test_a_session_with_a_draft_keeps_the_editors_work_with_a_warning(conference):
    session = Session.objects.get(conference=conference)
    session.save_revision()
    report = write(conference, plan())
    assert Session.objects.get(conference=conference).starts_at is None
    assert "session 'Panel A1' has a draft or a lock in the admin" in str(report.warnings[0])


def test_a_session_no_longer_in_the_site_as_imported_is_warned(conference):
    Session.objects.filter(conference=conference).update(title="Panel A1 (renamed)")
    report = write(conference, plan())
    assert "session 'Panel A1' is not in the site as imported" in str(report.warnings[0])
