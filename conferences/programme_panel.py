"""The Programme tab of a conference's edit view: its sessions in order, each with its presentations.

Every link on it (add a session, add a presentation to a session, edit one, change the order)
carries `?next=` back to this tab, so an editor builds a programme without leaving the conference.
The tab reads the conference's own relations only, so that the page models can use it without an
import cycle; it runs four queries however long the programme is.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.panels import Panel
from wagtail.permissions import policy_registry

from .time_zones import clock_time, conference_zone

PROGRAMME_TAB = "#tab-programme"


@dataclass(frozen=True)
class Row:
    """A session or presentation as the tab lists it."""

    title: str
    edit_url: str
    status: str
    when: str
    details: str


def status(row):
    if not row.live:
        return "Draft"
    return "Live, with draft changes" if row.has_unpublished_changes else "Live"


def when(row, zone):
    """ "Wed 8 June, 09:00–10:30": the row's time at the venue, if it has one."""
    if not row.starts_at:
        return ""
    start = row.starts_at.astimezone(zone)
    text = f"{start:%a} {start.day} {start:%B}, {clock_time(row.starts_at, zone)}"
    return f"{text}–{clock_time(row.ends_at, zone)}" if row.ends_at else text


def with_query(url, **params):
    return f"{url}?{urlencode(params)}"


def sessions_with_presentations(conference):
    presentations = conference.presentations.order_by("sort_order", "pk").prefetch_related("presenters__person")
    sessions = conference.sessions.select_related("room").order_by("sort_order", "pk")
    return sessions.prefetch_related(Prefetch("presentations", queryset=presentations))


class ProgrammePanel(Panel):
    """A read-only panel; the programme is edited in the session and presentation forms it links to."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "conferences/admin/programme_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            conference = self.instance
            if not conference.pk:
                return {**context, "saved": False}
            back = reverse("wagtailadmin_pages:edit", args=[conference.pk]) + PROGRAMME_TAB
            session_model = conference.sessions.model
            presentation_model = conference.presentations.model
            return {
                **context,
                "saved": True,
                "sessions": self._sessions(conference, back),
                "add_session_url": self._add_url(session_model, back, conference=conference.pk),
                "may_add_presentation": self._may_add(presentation_model),
                "order_url": with_query(reverse("programme_order:order", args=[conference.pk]), next=back),
            }

        def _sessions(self, conference, back):
            zone = conference_zone(conference.time_zone)
            found = []
            for session in sessions_with_presentations(conference):
                details = ", ".join(filter(None, [session.code, session.room.name if session.room else ""]))
                talks = [self._row(talk, back, zone, talk.presenter_names()) for talk in session.presentations.all()]
                found.append(
                    {
                        "session": self._row(session, back, zone, details),
                        "presentations": talks,
                        "add_presentation_url": with_query(
                            reverse("wagtailsnippets_conferences_presentation:add"), session=session.pk, next=back
                        ),
                    }
                )
            return found

        def _row(self, row, back, zone, details):
            edit = reverse(f"wagtailsnippets_conferences_{row._meta.model_name}:edit", args=[row.pk])
            return Row(row.title, with_query(edit, next=back), status(row), when(row, zone), details)

        def _may_add(self, model):
            return policy_registry.get_by_type(model).user_has_permission(self.request.user, "add")

        def _add_url(self, model, back, **preselected):
            if not self._may_add(model):
                return ""
            add = reverse(f"wagtailsnippets_conferences_{model._meta.model_name}:add")
            return with_query(add, **preselected, next=back)
