"""Backup and restore round-trip the site: the same pages, programmes, images, revisions and media."""

import hashlib
import json
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from conferences.models import Person, Presentation, Session
from conferences.tests import builders
from home.backup import BackupError, create_backup, restore_backup
from search import engine
from search.models import SearchTerm, Suggestion
from search.query import ParsedQuery

pytestmark = pytest.mark.django_db


def media_digests():
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "title", "slug", "live", "content_type__model")),
        "sessions": sorted(Session.objects.values_list("pk", "conference_id", "title")),
        "presentations": sorted(Presentation.objects.values_list("pk", "conference_id", "slug", "title")),
        "people": sorted(Person.objects.values_list("pk", "name")),
        "images": sorted(Image.objects.values_list("pk", "title", "file", "file_hash")),
        "revisions": sorted(Revision.objects.values_list("pk", "object_id", "content")),
        "media": media_digests(),
    }


def wipe_media():
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file():
            path.unlink()


def round_trip(tmp_path, rebuild_indexes=True):
    before = snapshot()
    archive = create_backup(tmp_path / "backups")
    Page.objects.filter(depth__gt=2).delete()
    Person.objects.filter(presenter_entries__isnull=True).delete()
    wipe_media()
    assert snapshot() != before
    restore_backup(archive, rebuild_indexes=rebuild_indexes)
    return before, snapshot()


@pytest.fixture
def small_site(home_page, settings, tmp_path):
    import wagtail_factories

    settings.MEDIA_ROOT = str(tmp_path / "media")
    index = builders.conference_index(home_page)
    conference = builders.conference(index, 2022, title="IASSIST 2022")
    conference.image = wagtail_factories.ImageFactory(title="Gothenburg harbour")
    conference.save_revision().publish()
    conference.title = "IASSIST 2022 draft"
    conference.save_revision()
    session = builders.session(conference, "Session A1")
    builders.presentation(session, "Census of Canada", presenters=[("Kevin Manuel", "TMU")])
    return conference


def test_backup_and_restore_round_trip_a_small_site(small_site, tmp_path):
    before, after = round_trip(tmp_path)
    assert after == before
    assert len(before["revisions"]) >= 2 and before["images"] and before["media"]


def test_restored_site_is_searchable(small_site, tmp_path):
    round_trip(tmp_path)
    outcome = engine.run_search(ParsedQuery.parse("census"))
    assert "Census of Canada" in [result.title for result in outcome.results]


def test_restore_rebuilds_the_search_suggestions_and_vocabulary_left_out_of_the_archive(small_site, tmp_path):
    call_command("refresh_search_terms", verbosity=0)
    before = search_tables()
    archive = create_backup(tmp_path / "backups")
    with tarfile.open(archive) as opened:
        rows = json.load(opened.extractfile("database.json"))
    assert {row["model"] for row in rows}.isdisjoint({"search.suggestion", "search.searchterm"})
    Suggestion.objects.all().delete()
    SearchTerm.objects.all().delete()
    restore_backup(archive)
    assert search_tables() == before and before["suggestions"] and before["terms"]


def search_tables():
    return {
        "suggestions": sorted(Suggestion.objects.values_list("key", "target", "weight")),
        "terms": sorted(SearchTerm.objects.values_list("term", "frequency")),
    }


def test_backup_archive_is_timestamped_and_holds_database_and_media(small_site, tmp_path):
    archive = create_backup(tmp_path)
    assert archive.name.startswith("iassist-") and archive.name.endswith("Z.tar.gz")
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    assert "database.json" in names and "manifest.json" in names
    assert any(name.startswith("media/original_images/") for name in names)


def test_restore_refuses_an_archive_that_writes_outside_its_folders(small_site, tmp_path):
    hostile = tmp_path / "hostile.tar.gz"
    payload = tmp_path / "payload.txt"
    payload.write_text("x")
    good = create_backup(tmp_path / "good")
    with tarfile.open(good) as source, tarfile.open(hostile, "w:gz") as target:
        for member in source.getmembers():
            target.addfile(member, source.extractfile(member) if member.isfile() else None)
        target.add(payload, arcname="../escaped.txt")
    hostile.chmod(0o600)
    pages = Page.objects.count()
    with pytest.raises(BackupError, match="points outside"):
        restore_backup(hostile)
    assert Page.objects.count() == pages and not (tmp_path.parent / "escaped.txt").exists()


def test_restore_command_reports_a_missing_archive_clearly(db, tmp_path):
    with pytest.raises(CommandError, match="No backup archive at"):
        call_command("restore_site", str(tmp_path / "nothing.tar.gz"), yes=True)


def test_backup_and_restore_round_trip_the_imported_site(imported_site, tmp_path, db):
    # Rebuilding the search index of the whole tree takes minutes and is not what this test
    # is about; a restored site's search is tested on the small site above.
    before, after = round_trip(tmp_path, rebuild_indexes=False)
    assert after == before
    assert len(before["pages"]) > 50 and len(before["presentations"]) > 100
