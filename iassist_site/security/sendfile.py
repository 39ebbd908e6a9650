"""Documents sent by nginx after Django's checks: Wagtail's serve view hands the file over here.

Wagtail's document view checks the collection's view restrictions (login, groups, shared
password), then calls the SENDFILE_BACKEND with the file's path. This backend answers
with no body and an X-Accel-Redirect to the same file under SENDFILE_URL, a location that
deploy/nginx-site.conf marks `internal`: nginx sends the file, and nobody can ask for that
address from outside. Wagtail adds Content-Type, Content-Disposition and Content-Length.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse


def sendfile(request, filename, **kwargs):
    relative = Path(filename).resolve().relative_to(Path(settings.SENDFILE_ROOT).resolve())
    response = HttpResponse()
    # Quoted: nginx decodes the address before looking the file up, as for any request.
    response["X-Accel-Redirect"] = quote(f"{settings.SENDFILE_URL.rstrip('/')}/{relative.as_posix()}")
    return response
