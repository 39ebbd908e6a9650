"""When and where a conference's programme ran: rooms, session types, and the slots that are not sessions.

Sessions and presentations (programme.py) carry their own start, end and room; breaks, meals,
registration and social events are schedule items of their own. Times are stored in UTC and
shown in the conference's time zone (`ConferencePage.time_zone`).
"""

import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from ..choices import SessionType
from . import conflicts
from .labels import ReviewLabelMixin


@cache
def time_zone_names():
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value):
    if value and value not in time_zone_names():
        raise ValidationError("Enter a time zone by its IANA name, such as Europe/London or America/Toronto.")


class Room(models.Model):
    """A room or venue of one conference: the columns of its schedule grid."""

    conference = models.ForeignKey("conferences.ConferencePage", on_delete=models.CASCADE, related_name="rooms")
    sort_order = models.PositiveIntegerField(default=0, help_text="Rooms are shown in this order.")
    name = models.CharField(max_length=200, help_text="As the programme names it, e.g. “Room 2.41” or “M Shed”.")
    building = models.CharField(max_length=200, blank=True)
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text="Seats, if known.")

    panels = [
        FieldPanel("conference"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("building")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["conference", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["conference", "name"], name="unique_room_name_per_conference")]

    def __str__(self):
        place = f"{self.name}, {self.building}" if self.building else self.name
        return f"{place} ({self.conference.year})" if self.conference_id else place


class ScheduleItemQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)


# Wagtail requires this order of its mixins: workflow, draft state, locking, revisions.
class ScheduleItem(ReviewLabelMixin, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """A slot of the schedule that is not a session of presentations: a break, lunch, a reception."""

    conference = models.ForeignKey(
        "conferences.ConferencePage", on_delete=models.CASCADE, related_name="schedule_items"
    )
    title = models.CharField(max_length=500)
    item_type = models.CharField("type", max_length=20, choices=SessionType.choices, default=SessionType.BREAK)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    room = models.ForeignKey(Room, null=True, blank=True, on_delete=models.SET_NULL, related_name="schedule_items")
    place = models.CharField(
        max_length=300, blank=True, help_text="Where, when it is not one of the conference's rooms."
    )
    description = models.TextField(blank=True)

    objects = ScheduleItemQuerySet.as_manager()

    panels = [
        FieldPanel("conference"),
        FieldPanel("title"),
        FieldPanel("item_type"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("room"), FieldPanel("place")]),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["conference", "starts_at", "pk"]
        indexes = [models.Index(fields=["conference", "starts_at"])]

    def __str__(self):
        return f"{self.title} ({self.conference.year})" if self.conference_id else self.title

    def clean(self):
        super().clean()
        if self.room_id and self.conference_id and self.room.conference_id != self.conference_id:
            raise ValidationError({"room": "The room belongs to another conference."})
        if self.conference_id:
            conflicts.check_slot(self, self.conference)
        else:
            conflicts.check_order(self)
