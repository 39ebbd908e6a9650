"""The archive as data, built from the database when content has changed since the last download.

The whole archive becomes a release, stored with its files (a few megabytes) so that its versioned
address keeps serving the same bytes; a rebuild that finds the same tables makes no new release.
A conference's own files are small and built on demand, kept in the cache for the content generation.
"""

from django.core.cache import cache
from django.db import IntegrityError, transaction

from . import generation
from .citation_formats import bibtex_file, csl_json_file, ris_file
from .models import ArchiveRelease, ReleaseFile
from .package import build_files
from .tables import archive_rows, public_conferences

ARCHIVE_TITLE = "The IASSIST conference archive"
CITATION_FILES = {
    "presentations.bib": ("application/x-bibtex", bibtex_file),
    "presentations.ris": ("application/x-research-info-systems", ris_file),
    "presentations.csl.json": ("application/vnd.citationstyles.csl+json", csl_json_file),
}
# A day: a generation that nobody downloads any more ages out of the cache by itself.
CACHE_SECONDS = 24 * 3600


def current_release():
    """The release holding the archive as it is now, built if content changed since the last one."""
    key = f"openarchive:release:{generation.current()}"
    version = cache.get(key)
    release = ArchiveRelease.objects.filter(version=version).first() if version else None
    if release is None:
        release = build_release()
        cache.set(key, release.version, CACHE_SECONDS)
    return release


def build_release():
    files, version, counts = build_files(archive_rows(public_conferences()), ARCHIVE_TITLE, "iassist-conferences")
    existing = ArchiveRelease.objects.filter(version=version).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            release = ArchiveRelease.objects.create(version=version, row_counts=counts)
            ReleaseFile.objects.bulk_create(
                ReleaseFile(release=release, name=name, size=len(content), content=content)
                for name, content in files.items()
            )
    except IntegrityError:  # another worker stored the same version first
        return ArchiveRelease.objects.get(version=version)
    return release


def conference_files(conference, request=None):
    """{file name: bytes} for one conference: the same tables and package, and its citations."""
    key = f"openarchive:conference:{generation.current()}:{conference.pk}"
    files = cache.get(key)
    if files is None:
        files = _build_conference_files(conference, request)
        cache.set(key, files, CACHE_SECONDS)
    return files


def _build_conference_files(conference, request):
    title = f"{ARCHIVE_TITLE}: {conference.title}"
    files, _version, _counts = build_files(archive_rows([conference], request), title, conference.slug)
    presentations = list(
        conference.presentations.public()
        .select_related("conference")
        .with_programme_details()
        .order_by("session__sort_order", "sort_order", "pk")
    )
    for name, (_type, render) in CITATION_FILES.items():
        files[name] = render(presentations, request).encode("utf-8")
    return files
