"""Back up and restore the whole site: the database as Django fixtures, and the media files.

Django's own serialisation (dumpdata/loaddata with natural foreign keys) is used rather
than pg_dump or copying db.sqlite3 so that one archive restores onto either database.
It keeps every row that matters (pages, their revisions and history, programmes, images,
documents, users, groups and workflows) with its primary key. Tables that are derived from
those rows are left out and rebuilt after a restore: the search index, the search's vocabulary
and suggestions (`refresh_search_terms`), the reference index, content types and permissions
(which migrations recreate) and sessions.
"""

import io
import json
import os
import shutil
import stat
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Site

FORMAT_VERSION = 1
DATA_NAME = "database.json"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media"
DERIVED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    # About 29,000 rows for the imported archive, rebuilt from the content in seconds; loading them took
    # two thirds of a restore's time on SQLite.
    "search.searchterm",
    "search.suggestion",
    "wagtailcore.referenceindex",
    "wagtailadmin.editingsession",
]


# A backup holds every account's password hash: only its owner may read it.
ARCHIVE_MODE = 0o600
READABLE_BY_OTHERS = stat.S_IRGRP | stat.S_IROTH


class BackupError(Exception):
    pass


def _model_counts():
    excluded_apps = {label for label in DERIVED if "." not in label}
    excluded_models = {label for label in DERIVED if "." in label}
    counts = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in excluded_apps or label in excluded_models or model._meta.proxy:
            continue
        if not model._meta.managed:
            continue
        counts[label] = model._default_manager.count()
    return counts


def create_backup(directory):
    """Write a timestamped .tar.gz of the database and media into `directory`; return its path."""
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S.%fZ")
    archive_path = directory / f"iassist-{stamp}.tar.gz"
    partial = archive_path.with_suffix(".partial")
    with tempfile.TemporaryDirectory() as scratch:
        data_path = Path(scratch) / DATA_NAME
        with data_path.open("w", encoding="utf-8") as data:
            call_command("dumpdata", natural_foreign=True, exclude=DERIVED, indent=None, stdout=data, verbosity=0)
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "database": connection.vendor,
            "counts": _model_counts(),
        }
        with _private_file(partial) as private, tarfile.open(fileobj=private, mode="w:gz", compresslevel=6) as archive:
            _add_bytes(archive, MANIFEST_NAME, json.dumps(manifest, indent=2).encode())
            archive.add(data_path, arcname=DATA_NAME)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                archive.add(media, arcname=MEDIA_PREFIX)
    # Renamed only when complete, so a failed backup never looks like a good one.
    partial.rename(archive_path)
    return archive_path


def _private_file(path):
    """A new file that only its owner can read, whatever the umask (which can only take bits away)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, ARCHIVE_MODE)
    os.fchmod(descriptor, ARCHIVE_MODE)
    return os.fdopen(descriptor, "wb")


def _add_bytes(archive, name, payload):
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(payload))


def _check_members(archive):
    """Only the files a backup writes, and nothing that could land outside the target folders."""
    for member in archive.getmembers():
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts:
            raise BackupError(f"Refusing the archive: '{member.name}' points outside the restore folder.")
        if not (member.isfile() or member.isdir()):
            raise BackupError(f"Refusing the archive: '{member.name}' is not a plain file or folder.")
        if path.parts[0] not in (DATA_NAME, MANIFEST_NAME, MEDIA_PREFIX):
            raise BackupError(f"Refusing the archive: '{member.name}' is not part of a site backup.")


def read_manifest(archive_path):
    with tarfile.open(archive_path, "r:gz") as archive:
        try:
            manifest = json.load(archive.extractfile(MANIFEST_NAME))
        except KeyError as error:
            raise BackupError(f"{archive_path} is not a site backup: it has no {MANIFEST_NAME}.") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{archive_path} has backup format {manifest.get('format')}; expected {FORMAT_VERSION}.")
    return manifest


def check_archive(archive_path, allow_readable=False):
    """Refuse a missing archive, and one that others on the machine can read (unless allowed)."""
    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise BackupError(f"No backup archive at {archive_path}.")
    if not allow_readable:
        _check_private(archive_path)
    return archive_path


def _check_private(archive_path):
    # Refused rather than fixed: such an archive may already have been read, and a restore would hide that.
    mode = stat.S_IMODE(archive_path.stat().st_mode)
    if mode & READABLE_BY_OTHERS:
        raise BackupError(
            f"Refusing {archive_path}: its mode is {mode:04o}, so other users can read it, and a backup "
            f"holds every account's password hash. Run `chmod 600 {archive_path}` (and consider whether "
            "the passwords need changing), or pass --allow-readable to restore it anyway. Nothing changed."
        )


def restore_backup(archive_path, stdout=None, rebuild_indexes=True, allow_readable=False):
    """Replace the database's content and the media folder with the archive's; rebuild derived tables.

    `rebuild_indexes=False` leaves the search and reference indexes and the search's suggestions
    empty, for callers that rebuild them later (the tests of the whole imported tree, where it takes minutes).
    `allow_readable=True` restores an archive that other users can read (check_archive).
    """
    archive_path = check_archive(archive_path, allow_readable)
    try:
        manifest = read_manifest(archive_path)
    except (tarfile.TarError, OSError, ValueError) as error:
        raise BackupError(f"{archive_path} is not a readable .tar.gz backup: {error}") from error
    with tempfile.TemporaryDirectory() as scratch:
        with tarfile.open(archive_path, "r:gz") as archive:
            _check_members(archive)
            archive.extractall(scratch, filter="data")
        with transaction.atomic():
            _empty_tables()
            call_command("loaddata", str(Path(scratch) / DATA_NAME), verbosity=0)
        _replace_media(Path(scratch) / MEDIA_PREFIX)
    # Pages, sites and settings cached before the restore describe content that is gone.
    cache.clear()
    Site.clear_site_root_paths_cache()
    if rebuild_indexes:
        call_command("update_index", verbosity=0)
        call_command("refresh_search_terms", verbosity=0)
        call_command("rebuild_references_index", verbosity=0, stdout=stdout or io.StringIO())
    return manifest


def _empty_tables():
    """Empty every table but content types and permissions.

    Those two keep their ids, which the running process has cached; the archive refers
    to them by natural key, so it loads onto whatever ids this database gave them.
    """
    if connection.vendor == "postgresql":
        # PostgreSQL refuses to TRUNCATE a table with deferred foreign-key checks still pending
        # from earlier writes in this transaction; run them now.
        connection.check_constraints()
    kept = {ContentType._meta.db_table, Permission._meta.db_table}
    tables = [name for name in connection.introspection.django_table_names(only_existing=True) if name not in kept]
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=False)
    connection.ops.execute_sql_flush(statements)


def _replace_media(source):
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    if source.is_dir():
        shutil.copytree(source, media)
    else:
        media.mkdir(parents=True)
