"""A conference's whole schedule in the admin, read-only: each day a grid of start times by rooms.

Every session and schedule item with a start time is in its room's column (or under *No room*),
as the database holds it (drafts marked), with a link to its edit view. Editors reach only the
conferences whose programme they may change; any other conference's grid answers 404.
"""

import itertools
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from .models import ConferencePage, ScheduleItem, Session
from .models.conflicts import conference_zone
from .permissions import scope_to_user

EDITING = ["add", "change", "delete"]


@dataclass(frozen=True)
class Slot:
    title: str
    kind: str
    url: str
    starts_at: object
    ends_at: object
    room_id: int | None
    draft: bool


def slots(conference, zone):
    """The conference's sessions and schedule items that have a start, in local time, earliest first."""
    sessions = Session.objects.filter(conference=conference, starts_at__isnull=False)
    items = ScheduleItem.objects.filter(conference=conference)
    found = [_slot(row, "session", row.get_session_type_display(), zone) for row in sessions]
    found += [_slot(row, "scheduleitem", row.get_item_type_display(), zone) for row in items]
    return sorted(found, key=lambda slot: (slot.starts_at, slot.title))


def _slot(row, model_name, kind, zone):
    ends_at = timezone.localtime(row.ends_at, zone) if row.ends_at else None
    return Slot(
        title=row.title,
        kind=kind,
        url=reverse(f"wagtailsnippets_conferences_{model_name}:edit", args=[row.pk]),
        starts_at=timezone.localtime(row.starts_at, zone),
        ends_at=ends_at,
        room_id=row.room_id,
        draft=not row.live,
    )


def schedule_days(conference, rooms, zone):
    """[(day, [(start time, [slots in each room's column, then those in no room])])]."""
    room_ids = [room.pk for room in rooms]
    days = []
    for day, day_slots in itertools.groupby(slots(conference, zone), key=lambda slot: slot.starts_at.date()):
        rows = []
        for start, row_slots in itertools.groupby(day_slots, key=lambda slot: slot.starts_at.time()):
            row_slots = list(row_slots)
            cells = [[slot for slot in row_slots if slot.room_id == room_id] for room_id in room_ids]
            cells.append([slot for slot in row_slots if slot.room_id not in room_ids])
            rows.append((start, cells))
        days.append((day, rows))
    return days


class ScheduleAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not policy_registry.get_by_type(Session).user_has_any_permission(request.user, EDITING):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def conferences(self):
        pages = ConferencePage.objects.defer_streamfields().order_by("-year", "title")
        return scope_to_user(pages, self.request.user, "pk")


class ConferenceListView(ScheduleAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "conferences/admin/schedule_index.html"
    page_title = "Schedule"
    header_icon = "calendar"

    def get_context_data(self, **kwargs):
        return super().get_context_data(conferences=self.conferences(), **kwargs)


class ScheduleGridView(ScheduleAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "conferences/admin/schedule_grid.html"
    header_icon = "calendar"

    def get_page_title(self):
        return f"Schedule of {self.conference.title}"

    def get(self, request, conference_id):
        self.conference = self.conferences().filter(pk=conference_id).first()
        if self.conference is None:
            raise Http404("No conference you may edit has this id.")
        return super().get(request)

    def get_context_data(self, **kwargs):
        zone = conference_zone(self.conference)
        rooms = list(self.conference.rooms.all())
        days = schedule_days(self.conference, rooms, zone)
        return super().get_context_data(conference=self.conference, zone=zone, rooms=rooms, days=days, **kwargs)


class ScheduleGridViewSet(ViewSet):
    name = "conference_schedule"
    url_prefix = "conference-schedule"
    icon = "calendar"
    menu_label = "Schedule"

    def get_urlpatterns(self):
        return [
            path("", ConferenceListView.as_view(), name="index"),
            path("<int:conference_id>/", ScheduleGridView.as_view(), name="grid"),
        ]
