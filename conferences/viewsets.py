"""The admin's programme listings and forms: presentations, sessions, people, rooms and schedule
items, scoped to the conferences each editor may change (registered in wagtail_hooks.py)."""

from functools import wraps

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Prefetch
from django.utils.http import urlencode
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BaseColumn, Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail.search.backends import get_search_backend
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .autosave import NoAutosaveOnCreateMixin
from .choosers import PersonChooserViewSet, ScopedChooserViewSet, SessionChooserViewSet
from .filters import PresentationFilterSet, RoomFilterSet, ScheduleItemFilterSet, SessionFilterSet
from .models import ConferencePage, Person, Presentation, Room, ScheduleItem, Session, Sponsor
from .models.conflicts import conference_zone, describe_time
from .permissions import scope_to_user
from .person_admin import PersonDuplicatesViewSet
from .schedule_admin import ConferenceTimeZoneMixin, PresentationForm, posted_conference, row_conference, row_id
from .schedule_grid import ScheduleGridViewSet


class ConferenceScopedFormMixin:
    """Offer only the conferences (or their sessions) the editor may change; refuse the rest."""

    scoped_fields = {
        "conference": (ConferencePage, "pk"),
        "session": (Session, "conference_id"),
        "room": (Room, "conference_id"),
    }

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        for name, (model, field) in self.scoped_fields.items():
            if name in form.fields:
                form.fields[name].queryset = scope_to_user(model.objects.all(), self.request.user, field)
        if "room" in form.fields:
            self._offer_the_conferences_rooms(form.fields["room"])
        return form

    def _offer_the_conferences_rooms(self, field):
        # A drop-down rather than the snippet chooser, which lists every room the editor may change.
        field.widget = forms.Select()
        field.error_messages["invalid_choice"] = "Choose one of this conference's rooms."
        conference = row_conference(getattr(self, "object", None)) or posted_conference(self.request)
        rooms = field.queryset.select_related("conference")
        field.queryset = rooms.filter(conference=conference) if conference is not None else rooms


class ComeBackMixin:
    """Once saved, go back to `?next=` (a conference's Programme tab), keeping it through the form's post."""

    def next_url(self):
        return get_valid_next_url_from_request(self.request)

    def _carry_next(self, url):
        if not self.next_url():
            return url
        return f"{url}{'&' if '?' in url else '?'}{urlencode({'next': self.next_url()})}"

    def get_success_url(self):
        return self.next_url() or super().get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self._carry_next(context["action_url"])
        return context


class ScopedCreateView(
    ComeBackMixin,
    NoAutosaveOnCreateMixin,
    ConferenceTimeZoneMixin,
    ConferenceScopedFormMixin,
    snippet_views.CreateView,
):
    def get_initial(self):
        """The conference or session that `?conference=` or `?session=` names, and the next place in its order."""
        initial = super().get_initial()
        conference = posted_conference(self.request) if self.request.method == "GET" else None
        if conference is None:
            return initial
        session_id = row_id(self.request.GET.get("session", ""))
        if self.model is Presentation and session_id:
            initial["session"] = session_id
            initial["sort_order"] = next_place(Presentation.objects.filter(session_id=session_id))
        elif self.model in (Session, Room, ScheduleItem):
            initial["conference"] = conference.pk
            if self.model is Session:
                initial["sort_order"] = next_place(conference.sessions.all())
        return initial


def next_place(rows):
    last = rows.aggregate(last=Max("sort_order"))["last"]
    return 0 if last is None else last + 1


class ScopedEditView(ComeBackMixin, ConferenceTimeZoneMixin, ConferenceScopedFormMixin, snippet_views.EditView):
    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            raise PermissionDenied
        return instance


class ConferenceScopedViewSetMixin:
    """Check every view of one row against the row's conference before Wagtail's own checks.

    Wagtail's snippet views (delete, history, revisions, unpublish, lock, unlock, workflow
    actions) check the model permission only; this adds, in one place, that the row belongs to a
    conference the user may edit, and for deletion the rule of the permission policy.
    """

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        action = "delete" if issubclass(view_class, snippet_views.DeleteView) else None

        @wraps(view)
        def scoped_view(request, *args, **view_kwargs):
            pk = view_kwargs.get("pk")
            if pk is not None:
                row = self.model.objects.filter(pk=unquote(str(pk))).first()
                if row is not None and not self._allowed(request.user, row, action):
                    raise PermissionDenied
            return view(request, *args, **view_kwargs)

        return scoped_view

    def _allowed(self, user, row, action):
        policy = policy_registry.get_by_type(self.model)
        if action:
            return policy.user_has_permission_for_instance(user, action, row)
        return policy.in_scope(user, row)


class PresentationIndexView(snippet_views.IndexView):
    def search_queryset(self, queryset):
        """Search, then keep the order the editor chose: the search index cannot sort by a conference's year."""
        if not (self.is_searching and self.is_explicitly_ordered):
            return super().search_queryset(queryset)
        found = get_search_backend(self.search_backend_name).autocomplete(self.search_query, queryset.order_by())
        return queryset.filter(pk__in=[row.pk for row in found])


class NewestFirstMixin:
    """Listings of a programme row start at this year's conference, not at 2000's."""

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(default_ordering="-conference__year", **kwargs)


class PresentationViewSet(NewestFirstMixin, ConferenceScopedViewSetMixin, SnippetViewSet):
    model = Presentation
    icon = "doc-full"
    menu_label = "Presentations"
    list_display = [
        "title",
        Column("conference", label="Conference", sort_key="conference__year"),
        "session",
        Column("presenter_names", label="Presenters"),
    ]
    filterset_class = PresentationFilterSet
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = PresentationIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    chooser_viewset_class = ScopedChooserViewSet
    edit_handler = ObjectList(Presentation.panels, base_form_class=PresentationForm)

    def get_queryset(self, request):
        presentations = Presentation.objects.select_related("conference", "session__conference")
        return scope_to_user(presentations, request.user).prefetch_related("presenters__person")


class SessionViewSet(NewestFirstMixin, ConferenceScopedViewSetMixin, SnippetViewSet):
    model = Session
    icon = "list-ol"
    menu_label = "Sessions"
    list_display = [
        "title",
        Column("conference", label="Conference", sort_key="conference__year"),
        Column("starts_at", label="When", accessor=lambda row: local_time(row)),
        "room",
        Column("presentation_count", label="Presentations"),
    ]
    filterset_class = SessionFilterSet
    search_backend_name = None
    search_fields = ["title", "chair", "moderator", "day"]
    list_per_page = 50
    copy_view_enabled = False
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    chooser_viewset_class = SessionChooserViewSet

    def get_queryset(self, request):
        sessions = scope_to_user(Session.objects.select_related("conference", "room__conference"), request.user)
        return sessions.annotate(presentation_count=Count("presentations"))


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", Column("talk_count", label="Presentations", sort_key="talk_count")]
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False
    chooser_viewset_class = PersonChooserViewSet
    chooser_per_page = 25

    def get_queryset(self, request):
        return Person.objects.annotate(talk_count=Count("presenter_entries"))


class RoomViewSet(ConferenceScopedViewSetMixin, SnippetViewSet):
    model = Room
    icon = "home"
    menu_label = "Rooms"
    list_display = ["name", "building", "capacity", "conference"]
    filterset_class = RoomFilterSet
    search_backend_name = None
    search_fields = ["name", "building"]
    list_per_page = 50
    copy_view_enabled = False
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    chooser_viewset_class = ScopedChooserViewSet

    def get_queryset(self, request):
        return scope_to_user(Room.objects.select_related("conference"), request.user)


class ScheduleItemViewSet(ConferenceScopedViewSetMixin, SnippetViewSet):
    """Breaks, meals, registration and social events: the slots of the schedule that are not sessions."""

    model = ScheduleItem
    icon = "time"
    menu_label = "Breaks and events"
    list_display = [
        "title",
        "conference",
        "item_type",
        Column("starts_at", label="When", accessor=lambda row: local_time(row)),
        "room",
    ]
    filterset_class = ScheduleItemFilterSet
    search_backend_name = None
    search_fields = ["title", "place"]
    list_per_page = 50
    copy_view_enabled = False
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    chooser_viewset_class = ScopedChooserViewSet

    def get_queryset(self, request):
        return scope_to_user(ScheduleItem.objects.select_related("conference", "room__conference"), request.user)


def local_time(row):
    """A row's time in its conference's zone, for the listings."""
    if not row.starts_at:
        return ""
    return describe_time(row.starts_at, row.ends_at, conference_zone(row.conference))


class ProgrammeViewSetGroup(SnippetViewSetGroup):
    items = (
        PresentationViewSet,
        SessionViewSet,
        ScheduleItemViewSet,
        RoomViewSet,
        PersonViewSet,
        PersonDuplicatesViewSet,
        ScheduleGridViewSet,
    )
    menu_icon = "calendar"
    menu_label = "Programmes"
    menu_name = "programmes"


ADMIN_LOGO_RENDITION = "max-120x60"


class LogoColumn(BaseColumn):
    cell_template_name = "conferences/admin/sponsor_logo_cell.html"


class SponsorViewSet(SnippetViewSet):
    """Sponsors, shared by every year's website: not scoped to a conference."""

    model = Sponsor
    icon = "site"
    menu_label = "Sponsors"
    add_to_admin_menu = True
    list_display = ["name", LogoColumn("logo", label="Logo"), "url"]
    list_per_page = 50
    copy_view_enabled = False

    def get_queryset(self, request):
        # Each row's thumbnail, read with the listing rather than one rendition lookup per row.
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=ADMIN_LOGO_RENDITION)
        return Sponsor.objects.select_related("logo").prefetch_related(
            Prefetch("logo__renditions", queryset=renditions, to_attr="prefetched_renditions")
        )
