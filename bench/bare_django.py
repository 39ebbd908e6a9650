"""The baseline: one Django view, no database, no middleware, served by the same gunicorn set-up.

gunicorn -c deploy/gunicorn.conf.py --chdir bench bare_django:application
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)


def hello(request):
    return HttpResponse("<!doctype html><title>bare</title><p>Hello from Django.</p>")


# The same view sending `size` bytes: what moving a page of that size costs a bare Django,
# so a cached page can also be compared with a baseline that sends as much.
MAX_SIZE = 4 * 1024 * 1024


def sized(request, size):
    return HttpResponse(b"x" * min(size, MAX_SIZE), content_type="text/html; charset=utf-8")


urlpatterns = [path("", hello), path("bytes/<int:size>/", sized)]
application = get_wsgi_application()
