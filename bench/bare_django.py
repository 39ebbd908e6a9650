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


urlpatterns = [path("", hello)]
application = get_wsgi_application()
