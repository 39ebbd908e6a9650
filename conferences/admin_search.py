"""The admin's search over the programmes: presentations, sessions and people, one more area of the
sidebar's search beside Pages, Images and Documents.

Each result names its conference and year (a person: the years they presented and how many
talks). An organiser finds only the presentations and sessions of the conferences they may edit,
and a person's talks count only those that are public or theirs to edit.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Min, Q
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin.search import SearchArea
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry
from wagtail.search.utils import parse_query_string

from .models import Person, Presentation, Session
from .permissions import editable_conference_ids, scope_to_user

# Longer queries are cut here: no editor types more, and the search backend's cost grows with each word.
MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 20
SEARCHED = (Presentation, Session, Person)


def clean_query(raw):
    """The words of `raw`: without control characters (PostgreSQL refuses NUL) or quotes
    (an unbalanced one breaks SQLite's full-text search), cut at MAX_QUERY_LENGTH."""
    printable = "".join(char if char.isprintable() and char != '"' else " " for char in raw[: MAX_QUERY_LENGTH * 2])
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def may_search(user):
    policies = (policy_registry.get_by_type(model) for model in SEARCHED)
    return any(policy.user_has_any_permission(user, ["add", "change"]) for policy in policies)


def in_found_order(queryset, found_ids):
    rows = {row.pk: row for row in queryset.filter(pk__in=found_ids)}
    return [rows[pk] for pk in found_ids if pk in rows]


def presentations(user, words):
    _filters, query = parse_query_string(words, operator="and")
    found = scope_to_user(Presentation.objects.all(), user).search(query)
    ids = [row.pk for row in found[:RESULTS_PER_KIND]]
    rows = Presentation.objects.select_related("conference", "session").prefetch_related("presenters__person")
    return found.count(), in_found_order(rows, ids)


def sessions(user, words):
    matching = Q()
    for word in words.split():
        matching &= Q(title__icontains=word) | Q(chair__icontains=word) | Q(code__iexact=word)
    found = scope_to_user(Session.objects.filter(matching), user)
    found = found.select_related("conference").order_by("-conference__year", "sort_order", "pk")
    return found.count(), list(found[:RESULTS_PER_KIND])


def visible_talks(user):
    """The presentations whose presenters' counts this user may see: the public ones and their own conferences'."""
    if editable_conference_ids(user) is None:
        return Q()
    visible = Presentation.objects.public() | scope_to_user(Presentation.objects.all(), user)
    return Q(presenter_entries__presentation__in=visible.values("pk"))


def people(user, words):
    _filters, query = parse_query_string(words, operator="and")
    found = Person.objects.search(query)
    ids = [row.pk for row in found[:RESULTS_PER_KIND]]
    talks = visible_talks(user)
    year = "presenter_entries__presentation__conference__year"
    rows = Person.objects.annotate(
        first_year=Min(year, filter=talks),
        last_year=Max(year, filter=talks),
        talk_count=Count("presenter_entries", filter=talks, distinct=True),
    )
    return found.count(), in_found_order(rows, ids)


class ProgrammeSearchView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "conferences/admin/programme_search.html"
    page_title = "Search the programmes"
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not may_search(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        words = clean_query(self.request.GET.get("q", ""))
        context = super().get_context_data(query=words, **kwargs)
        if not words:
            return context
        user = self.request.user
        kinds = [
            ("presentations", "Presentations", presentations(user, words), "wagtailsnippets_conferences_presentation"),
            ("sessions", "Sessions", sessions(user, words), "wagtailsnippets_conferences_session"),
            ("people", "People", people(user, words), "wagtailsnippets_conferences_person"),
        ]
        context["kinds"] = [
            {"name": name, "label": label, "count": count, "rows": rows, "url_name": url_name}
            for name, label, (count, rows), url_name in kinds
        ]
        return context


class ProgrammeSearchArea(SearchArea):
    def __init__(self):
        super().__init__(
            "Programmes", reverse("programme_search:results"), name="programmes", icon_name="doc-full", order=150
        )

    def is_shown(self, request):
        return may_search(request.user)


class ProgrammeSearchViewSet(ViewSet):
    name = "programme_search"
    url_prefix = "programme-search"

    def get_urlpatterns(self):
        return [path("", ProgrammeSearchView.as_view(), name="results")]
