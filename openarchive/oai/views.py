"""The OAI-PMH endpoint at /oai/: its six verbs, GET or POST, each error as the spec names it."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import verbs
from .arguments import read_arguments, read_verb
from .errors import OAIError
from .xml import element, envelope, oai, serialise


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def endpoint(request):
    query = request.POST if request.method == "POST" else request.GET
    now = timezone.now().replace(microsecond=0)
    base_url = request.build_absolute_uri(reverse("oai"))
    try:
        verb = read_verb(query)
        arguments = read_arguments(verb, query)
    except OAIError as error:
        # The request element echoes no arguments when the verb or arguments were refused (spec 3.2).
        root = envelope(_utc(now), base_url, None)
        element(root, oai("error"), error.message, code=error.code)
        return _xml(root)
    root = envelope(_utc(now), base_url, {"verb": verb, **arguments})
    try:
        verbs.HANDLERS[verb](root, arguments, request, now)
    except OAIError as error:
        element(root, oai("error"), error.message, code=error.code)
    return _xml(root)


def _utc(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _xml(root):
    return HttpResponse(serialise(root), content_type="text/xml; charset=utf-8")
