"""`<conference>/schedule.xml` and `schedule.json`: the schedule for schedule apps (frab.py), at file-like addresses.

Wagtail serves only addresses ending in a slash, so these have a URL pattern of their own
(iassist_site/urls.py), as the feeds do, and find their conference here. Apps fetch them
without signing in, so only a live conference that anyone may see has them.
"""

from django.http import Http404, HttpResponse
from wagtail.models import Site

from home.view_restrictions import first_public

from .frab import schedule_description, schedule_json, schedule_xml
from .models import ConferenceIndexPage, ConferencePage
from .models.schedule_query import conference_schedule

FORMATS = {
    "xml": (schedule_xml, "application/xml; charset=utf-8"),
    "json": (schedule_json, "application/json; charset=utf-8"),
}


def schedule_file(request, path, file_format):
    conference = _conference_at(request, path)
    if conference is None:
        raise Http404("There is no conference at this address.")
    schedule = conference_schedule(conference)
    if not schedule:
        raise Http404("This conference has no timed sessions yet.")
    render, content_type = FORMATS[file_format]
    index_page = ConferenceIndexPage.for_request(request)
    people_url = index_page.people_url(request) if index_page else ""
    full_people_url = request.build_absolute_uri(people_url) if people_url else ""
    description = schedule_description(conference, schedule, request, full_people_url)
    response = HttpResponse(render(description, request.build_absolute_uri()), content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"  # web schedule viewers read it from other sites
    return response


def _conference_at(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    # Wagtail reads the site with its root page: its url_path costs no query. The files need no body.
    conferences = ConferencePage.objects.live().filter(url_path=f"{site.root_page.url_path}{path}")
    return first_public(conferences.defer_streamfields())
