"""Filters for the programme listings in the admin."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet

from .models import ConferencePage, Presentation, Session


def conference_choices(request):
    return ConferencePage.objects.defer_streamfields().order_by("-year", "title")


class PresentationFilterSet(WagtailFilterSet):
    conference = django_filters.ModelChoiceFilter(queryset=conference_choices, label="Conference")
    session = django_filters.ModelChoiceFilter(
        queryset=lambda request: Session.objects.select_related("conference").order_by(
            "-conference__year", "sort_order"
        ),
        label="Session",
    )
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
    conference = django_filters.ModelChoiceFilter(queryset=conference_choices, label="Conference")

    class Meta:
        model = Session
        fields = ["conference"]
