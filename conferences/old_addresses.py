"""Answer the old Hugo site's addresses that are not pages: its files and its folder-wide redirects.

Runs only when nothing else answered (a 404), after Wagtail's own redirects, so a page or an
exact redirect always wins. A document leads (301) to Wagtail's address for it, which serves the
file through Django and keeps the document's privacy settings. An image is answered in place with
its original file: Wagtail's image view would re-encode it (JPEG at quality 76, without its
metadata) into a second copy, and the /media/ address is served only by the web server in front
(nginx in production), so it would not answer where Django runs alone, as in the tests.
"""

from django.http import FileResponse, HttpResponsePermanentRedirect, HttpResponseRedirect

from . import paths
from .models import Presentation, Session
from .models.old_addresses import FolderRedirect, OldFileAddress, ProgrammeExportAddress

# Images never change under one address without a new import; nginx keeps /media/ files as long.
IMAGE_CACHE_SECONDS = 86400


class OldAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        return old_address_response(request) or response


def old_address_response(request):
    """The answer for an old address at request.path_info, or None when it is not one."""
    path = request.path_info
    if "\x00" in path:
        return None  # no old address has one, and PostgreSQL refuses it in a query
    old_file = OldFileAddress.objects.filter(path=path).select_related("image", "document").first()
    if old_file is not None:
        return _file_response(old_file)
    export_address = _export_address_for(path)
    if export_address is not None:
        target = export_address_target(export_address, request)
        if target:
            return HttpResponsePermanentRedirect(target)
    folder = _folder_for(path)
    if folder is not None:
        target = folder.target(path, request)
        if target:
            return (HttpResponsePermanentRedirect if folder.is_permanent else HttpResponseRedirect)(target)
    return None


def _file_response(old_file):
    if old_file.document is not None:
        return HttpResponsePermanentRedirect(old_file.document.url)
    image = old_file.image
    response = FileResponse(image.file.open("rb"), filename=image.file.name.rsplit("/", 1)[-1])
    response["Cache-Control"] = f"public, max-age={IMAGE_CACHE_SECONDS}"
    # As Wagtail's own image view: nothing in an image file may run as a page of this site.
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def _folders_above(path):
    """/a/b/c's folders, /a/ to /a/b/c/."""
    segments = path.strip("/").split("/")
    return ["/" + "/".join(segments[:depth]) + "/" for depth in range(1, len(segments) + 1)]


def _folder_for(path):
    """The deepest folder rule above `path`: /a/b/c matches /a/b/ before /a/."""
    rules = FolderRedirect.objects.filter(folder__in=_folders_above(path)).select_related("redirect_page")
    return max(rules, key=lambda rule: len(rule.folder), default=None)


def _export_address_for(path):
    """The export's own address `path`, else its folder's (a stylesheet or an unlisted page of the export)."""
    candidates = [path, *(folder for folder in _folders_above(path) if folder != path)]
    addresses = ProgrammeExportAddress.objects.filter(path__in=candidates).select_related("conference")
    exact = next((address for address in addresses if address.path == path), None)
    folders = [address for address in addresses if address.path.endswith("/")]
    return exact or max(folders, key=lambda address: len(address.path), default=None)


def export_address_target(address, request=None):
    """Where an export address leads now: its presentation, its session on the schedule, or the schedule.

    What visitors cannot see (a withdrawn presentation, a draft session, a conference page taken
    down) is never the target; the conference's schedule, or its page while it has none, is.
    """
    conference = address.conference
    if not conference.live:
        return None
    url = conference.get_url(request)
    if not url:
        return None
    if address.presentation_id:
        slug = Presentation.objects.public().filter(pk=address.presentation_id).values_list("slug", flat=True).first()
        if slug:
            return paths.presentation_url(url, slug)
    timed = Session.objects.live().filter(conference=conference, starts_at__isnull=False)
    if address.session_id and timed.filter(pk=address.session_id).exists():
        return f"{paths.schedule_url(url)}#{paths.session_anchor(address.session_id)}"
    return paths.schedule_url(url) if timed.exists() else url
