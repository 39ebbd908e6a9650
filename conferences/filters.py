"""Filters for the programme listings in the admin.

Their drop-downs offer only the conferences, sessions and rooms the editor may change: a title in a
drop-down is as visible as a row in the listing, and an organiser sees no other conference's. The
presentations and sessions are filtered by conference, and presentations by session, with searchable
choosers (newest first): fifty years of conferences and their sessions make too long a drop-down.
"""

import django_filters
from wagtail.admin.filters import WagtailFilterSet

from .choices import SessionType
from .choosers import ConferenceChoiceField, SessionFilterChooser, conference_chooser
from .models import ConferencePage, Presentation, Room, ScheduleItem, Session
from .permissions import scope_to_user


def conference_choices(request):
    conferences = ConferencePage.objects.defer_streamfields().order_by("-year", "title")
    return scope_to_user(conferences, request.user, "pk")


def session_choices(request):
    sessions = Session.objects.select_related("conference").order_by("-conference__year", "sort_order")
    return scope_to_user(sessions, request.user)


class ConferenceFilter(django_filters.ModelChoiceFilter):
    field_class = ConferenceChoiceField


class SessionFilter(django_filters.ModelChoiceFilter):
    # A chooser, not a drop-down: the archive has some 700 sessions (6,678 in the tenfold archive of
    # bench/scale.py, half a megabyte of <option>s on every listing page).
    field_class = ConferenceChoiceField


def chosen_conference_filter():
    return ConferenceFilter(queryset=conference_choices, label="Conference", widget=conference_chooser.widget_class())


class PresentationFilterSet(WagtailFilterSet):
    conference = chosen_conference_filter()
    session = SessionFilter(queryset=session_choices, label="Session", widget=SessionFilterChooser(Session))
    presenter = django_filters.CharFilter(
        field_name="presenters__person__name", lookup_expr="icontains", label="Presenter name contains", distinct=True
    )
    has_doi = django_filters.BooleanFilter(
        field_name="dois", lookup_expr="isnull", exclude=True, label="Has a DOI", distinct=True
    )

    class Meta:
        model = Presentation
        fields = ["conference", "session", "presenter", "has_doi"]


class SessionFilterSet(WagtailFilterSet):
    conference = chosen_conference_filter()

    class Meta:
        model = Session
        fields = ["conference"]


def room_choices(request):
    rooms = Room.objects.select_related("conference").order_by("-conference__year", "sort_order", "name")
    return scope_to_user(rooms, request.user)


class RoomFilterSet(WagtailFilterSet):
    conference = django_filters.ModelChoiceFilter(queryset=conference_choices, label="Conference")

    class Meta:
        model = Room
        fields = ["conference"]


class ScheduleItemFilterSet(WagtailFilterSet):
    conference = django_filters.ModelChoiceFilter(queryset=conference_choices, label="Conference")
    room = django_filters.ModelChoiceFilter(queryset=room_choices, label="Room")
    item_type = django_filters.ChoiceFilter(choices=SessionType.choices, label="Type")

    class Meta:
        model = ScheduleItem
        fields = ["conference", "room", "item_type"]
