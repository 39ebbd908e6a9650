"""Imported programmes are published as they arrive: the archive is not held for review."""

import pytest

from conferences.importer.write.bookkeeping import ImportRecords
from conferences.importer.write.programme_sync import ProgrammeSync
from conferences.importer.write.programmes import PeopleDirectory, programme_presenters
from conferences.importer.write.report import ImportReport
from conferences.models import Presentation, Session
from conferences.tests import builders

from ..parse.test_archive import conference, parse, presentation, session

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(tmp_path, home_page):
    data = conference(sessions=[session(presentation(title="FAIR Everywhere"), presentation(title="Data by Design"))])
    record, _ = parse(tmp_path, data)
    page = builders.conference(builders.conference_index(home_page), 2022)
    people = PeopleDirectory()
    people.ensure(programme_presenters(record))
    ProgrammeSync(page, "annual-2022", record, people, ImportRecords(), ImportReport()).run()
    return page


def test_imported_sessions_are_live_without_unpublished_changes(imported):
    assert list(Session.objects.filter(conference=imported).values_list("live", "has_unpublished_changes")) == [
        (True, False)
    ]


def test_imported_presentations_are_live_without_unpublished_changes(imported):
    rows = Presentation.objects.filter(conference=imported).values_list("title", "live", "has_unpublished_changes")
    assert sorted(rows) == [("Data by Design", True, False), ("FAIR Everywhere", True, False)]


def test_imported_presentations_are_visible(imported):
    assert Presentation.objects.live().filter(conference=imported).count() == 2
