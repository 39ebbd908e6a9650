"""The download page of the archive as data, its files (each version's, the latest, each conference's),
and “50 years of IASSIST”."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from . import fifty_years
from .models import ArchiveRelease, ReleaseFile
from .package import ARCHIVE_JSON, DATAPACKAGE, TABLE_FILES
from .releases import CITATION_FILES, conference_files, current_release
from .tables import TABLES, public_conferences

CONTENT_TYPES = {
    **dict.fromkeys(TABLE_FILES, "text/csv; charset=utf-8"),
    ARCHIVE_JSON: "application/json",
    DATAPACKAGE: "application/json",
    **{name: f"{content_type}; charset=utf-8" for name, (content_type, _render) in CITATION_FILES.items()},
}
RELEASE_FILES = (DATAPACKAGE, ARCHIVE_JSON, *TABLE_FILES)


def data_page(request):
    release = current_release()
    sizes = dict(release.files.values_list("name", "size"))
    context = {
        "release": release,
        "files": [{"name": name, "size": sizes.get(name, 0)} for name in RELEASE_FILES],
        "tables": [
            {"name": table.name, "title": table.title, "rows": release.row_counts.get(table.name, 0)}
            for table in TABLES
        ],
        "total_size": sum(sizes.values()),
        "conferences": public_conferences().only("title", "slug", "year"),
    }
    return TemplateResponse(request, "openarchive/data_page.html", context)


def latest_file(request, name):
    if name not in RELEASE_FILES:
        raise Http404("No such file in the archive's data.")
    return redirect("openarchive:release_file", version=current_release().version, name=name)


def release_file(request, version, name):
    if name not in RELEASE_FILES:
        raise Http404("No such file in the archive's data.")
    release = get_object_or_404(ArchiveRelease, version=version)
    stored = get_object_or_404(ReleaseFile, release=release, name=name)
    response = _download(bytes(stored.content), name, f"iassist-archive-{version}-{name}")
    # A version never changes: anything may keep it.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def conference_file(request, slug, name):
    if name not in CONTENT_TYPES:
        raise Http404("No such file for a conference.")
    conference = public_conferences().filter(slug=slug).first()
    if conference is None:
        raise Http404("No public conference has this address.")
    files = conference_files(conference, request)
    return _download(files[name], name, f"{slug}-{name}")


def _download(content, name, filename):
    response = HttpResponse(content, content_type=CONTENT_TYPES[name])
    if not name.endswith(".json"):
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def fifty_years_page(request):
    return TemplateResponse(request, "openarchive/fifty_years.html", fifty_years.page_context(request))
