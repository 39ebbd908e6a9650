"""The schedule's addresses below a conference page: the schedule, a visitor's agenda, calendars.

Mixed into `ConferencePage`, so that pages.py only lists it among the page's bases. Each
route reads the schedule once (`conference_schedule`: five queries however big it is) and
answers 404 for a conference without timed sessions.
"""

import datetime
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.text import slugify
from wagtail.contrib.routable_page.models import path, re_path

from .. import paths
from ..agenda import PARAMETER, AgendaError, parse_starred
from ..calendar import conference_ics, entries_ics
from ..timetable import build_schedule
from .schedule_query import conference_schedule


@dataclass(frozen=True)
class ScheduleLinks:
    """The schedule's addresses, for the templates: pages, calendars (and their webcal: twins), files."""

    conference: str
    schedule: str
    agenda: str
    calendar: str
    calendar_webcal: str
    xml: str
    json: str

    def day_calendar(self, day):
        return paths.day_calendar_url(self.conference, day)


def schedule_links(conference, request=None):
    url = conference.get_url(request) or ""
    full_url = conference.get_full_url(request) or url
    return ScheduleLinks(
        conference=url,
        schedule=paths.schedule_url(url),
        agenda=paths.agenda_url(url),
        calendar=paths.calendar_url(url),
        calendar_webcal=paths.webcal_url(paths.calendar_url(full_url)),
        xml=paths.schedule_file_url(url, paths.SCHEDULE_FILES[0]),
        json=paths.schedule_file_url(url, paths.SCHEDULE_FILES[1]),
    )


def programme_days(programme, schedule):
    """The programme's sessions by day, for its index: the venue's day for a timed session, else its `day` text.

    Also gives each timed session its schedule entry (`session["slot"]`), for the times it shows.
    """
    slots = schedule.by_key()
    days = {}
    for session in programme:
        slot = slots.get(f"s{session['pk']}")
        session["slot"] = slot
        label = slot.day_heading if slot else session["day"]
        days.setdefault(label or "Sessions", []).append(session)
    return [{"label": label, "sessions": sessions} for label, sessions in days.items()]


class ConferenceScheduleRoutes:
    @path(paths.SCHEDULE)
    def schedule_page(self, request):
        schedule = self._schedule_or_404()
        return TemplateResponse(
            request,
            "conferences/schedule_page.html",
            {"page": self, "schedule": schedule, "links": schedule_links(self, request)},
        )

    @path(paths.SCHEDULE + paths.AGENDA)
    def agenda(self, request):
        schedule = self._schedule_or_404()
        context = {"page": self, "schedule": schedule, "links": schedule_links(self, request)}
        try:
            keys = parse_starred(request.GET.getlist(PARAMETER))
        except AgendaError as error:
            context["error"] = str(error)
            return TemplateResponse(request, "conferences/schedule_agenda.html", context, status=400)
        entries = _starred(schedule, keys)
        # The keys are letters, digits and commas only (parse_starred), so they need no quoting.
        calendar_url = f"{paths.agenda_calendar_url(self.get_url(request))}?{PARAMETER}={','.join(keys)}"
        context.update(
            starred=",".join(keys),
            agenda=build_schedule(schedule.zone, entries),
            missing=len(keys) - len(entries),
            calendar_url=calendar_url,
            calendar_webcal=paths.webcal_url(request.build_absolute_uri(calendar_url)),
        )
        return TemplateResponse(request, "conferences/schedule_agenda.html", context)

    @path(paths.SCHEDULE + paths.AGENDA + paths.CALENDAR)
    def agenda_calendar(self, request):
        schedule = self._schedule_or_404()
        try:
            keys = parse_starred(request.GET.getlist(PARAMETER))
        except AgendaError as error:
            return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
        ics = entries_ics(self, _starred(schedule, keys), f"{self.title}: my agenda", request)
        return _calendar_response(ics, f"{_file_stem(self)}-agenda")

    @path(paths.CALENDAR)
    def ical(self, request):
        if not self.start_date:
            raise Http404("This event has no dates yet.")
        return _calendar_response(conference_ics(self, request, conference_schedule(self)), _file_stem(self))

    @re_path(r"^calendar/(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})/$")
    def day_calendar(self, request, day):
        schedule_day = self._schedule_or_404().day(_date_or_404(day))
        if schedule_day is None:
            raise Http404("The schedule has nothing on this day.")
        ics = entries_ics(self, schedule_day.entries, f"{self.title}: {schedule_day.heading}", request)
        return _calendar_response(ics, f"{_file_stem(self)}-{day}")

    @path(paths.CALENDAR + paths.SESSIONS + "<int:pk>/")
    def session_calendar(self, request, pk):
        entry = self._schedule_or_404().by_key().get(f"s{pk}")
        if entry is None:
            raise Http404("No session of this conference has this number and a time.")
        return _calendar_response(entries_ics(self, [entry], entry.heading, request), f"{_file_stem(self)}-{pk}")

    def _schedule_or_404(self):
        schedule = conference_schedule(self)
        if not schedule:
            raise Http404("This conference has no timed sessions yet.")
        return schedule


def _starred(schedule, keys):
    """The starred entries that the schedule still holds; stars outlive sessions that an editor removed."""
    by_key = schedule.by_key()
    return [by_key[key] for key in keys if key in by_key]


def _date_or_404(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise Http404("There is no such day.") from error


def _file_stem(conference):
    return slugify(conference.slug) or "conference"


def _calendar_response(ics, stem):
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{stem}.ics"'
    return response
