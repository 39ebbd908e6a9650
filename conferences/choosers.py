"""The choosers of conferences and programme rows, scoped like their listings, and the person chooser.

The chooser is a second way into the same rows: its list, its search and its `chosen/<id>/`
answer name only the rows of conferences the editor may change. Creating a session or
presentation from the chooser is turned off: it would skip the conference check and the moderation
workflow of the add view. People are the exception (PersonChooserViewSet).

Conferences and sessions are searched word by word with the database's own lookups, newest
conference first: there are a few hundred rows at most, and a title like "IASSIST 2024" is found by
its year on SQLite and PostgreSQL alike.
"""

import functools
import operator

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Max, Min, OuterRef, Q, Subquery
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as generic_chooser
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.snippets.views import chooser
from wagtail.snippets.widgets import AdminSnippetChooser

from .models import ConferencePage, Person, Presenter
from .permissions import scope_to_user
from .text import person_name_key

# Enough for any title; a longer query is cut here rather than refused.
MAX_QUERY_LENGTH = 200


def matching_words(objects, query, fields, year_field):
    """`objects` with each word of `query` in one of `fields`; a four-digit word may be the year instead."""
    for word in query[:MAX_QUERY_LENGTH].split():
        in_any = [Q(**{f"{name}__icontains": word}) for name in fields]
        if len(word) == 4 and word.isascii() and word.isdigit():
            in_any.append(Q(**{year_field: int(word)}))
        objects = objects.filter(functools.reduce(operator.or_, in_any))
    return objects


class WordSearchForm(BaseFilterForm):
    searched_fields = ()
    # A workshop's title rarely has its year in it: "6th IASSIST Africa Regional Workshop".
    year_field = "conference__year"

    q = forms.CharField(label="Search term", widget=forms.TextInput(attrs={"placeholder": "Search"}), required=False)

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            objects = matching_words(objects, query, self.searched_fields, self.year_field)
        return objects


def editable_conferences(user):
    return scope_to_user(ConferencePage.objects.defer_streamfields(), user, "pk").order_by("-year", "title")


class ConferenceChoiceField(forms.ModelChoiceField):
    def prepare_value(self, value):
        # What the widget shows: a chooser looks the value up by itself, so a value typed into the address
        # that is not among this editor's choices (another conference's draft) is shown as no choice.
        if value in (None, "") or hasattr(value, "_meta"):
            return super().prepare_value(value)
        try:
            return value if self.queryset.filter(pk=value).exists() else None
        except (ValueError, TypeError, OverflowError, ValidationError):
            return None

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError as error:  # SQLite's integers stop at 2**63; a longer number names no conference
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from error


class SessionSearchForm(WordSearchForm):
    searched_fields = ("title", "code", "chair", "conference__title")

    conference = ConferenceChoiceField(
        queryset=ConferencePage.objects.none(),
        required=False,
        empty_label="All conferences",
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["conference"].queryset = editable_conferences(user)

    def filter(self, objects):
        objects = super().filter(objects)
        if self.cleaned_data.get("conference"):
            objects = objects.filter(conference=self.cleaned_data["conference"])
        return objects


class ScopedListMixin:
    def get_object_list(self):
        return scope_to_user(super().get_object_list(), self.request.user)

    def can_create(self):
        return False


class ChooseView(ScopedListMixin, chooser.ChooseView):
    pass


class ChooseResultsView(ScopedListMixin, chooser.ChooseResultsView):
    pass


class SessionListMixin(ScopedListMixin):
    """Sessions newest conference first, searched by title and filtered by conference."""

    filter_form_class = SessionSearchForm
    ordering = ("-conference__year", "conference__title", "sort_order", "pk")

    def get_object_list(self):
        return super().get_object_list().select_related("conference")

    def get_filter_form(self):
        return self.filter_form_class(self.request.GET, user=self.request.user)


class SessionChooseView(SessionListMixin, chooser.ChooseView):
    pass


class SessionChooseResultsView(SessionListMixin, chooser.ChooseResultsView):
    pass


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return scope_to_user(self.model_class.objects.all(), self.request.user).get(pk=pk)


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return scope_to_user(super().get_objects(pks), self.request.user)


class CreateView(chooser.SnippetCreateView):
    def can_create(self):
        return False


class ScopedChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


class SessionChooserViewSet(ScopedChooserViewSet):
    choose_view_class = SessionChooseView
    choose_results_view_class = SessionChooseResultsView


class PersonFilterForm(BaseFilterForm):
    """Find a person by any part of the name, accents and full stops aside; newest activity or A–Z."""

    q = forms.CharField(
        label="Search by name",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Search by name"}),
    )
    order = forms.ChoiceField(
        label="Order",
        required=False,
        choices=[("recent", "Newest activity first"), ("name", "By name")],
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def filter(self, people):
        # The folded key, not the search index: it keeps this listing's order and annotations, and
        # no quote or operator typed into the box can break the query.
        words = person_name_key((self.cleaned_data.get("q") or "")[:200]).split()
        for word in words:
            people = people.filter(name_key__contains=word)
        if words:
            self.is_searching, self.search_query = True, self.cleaned_data["q"]
        if self.cleaned_data.get("order") == "name":
            return people.order_by("name_key", "pk")
        return people.order_by(F("last_year").desc(nulls_last=True), "name_key", "pk")


class PersonCreationForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "orcid"]


class PersonListMixin:
    filter_form_class = PersonFilterForm

    def get_object_list(self):
        return people_with_activity(Person.objects.all())

    @property
    def columns(self):
        return [
            self.title_column,
            Column("years", label="Years", accessor=years_active),
            Column("talk_count", label="Talks"),
            Column("last_institution", label="Last institution"),
        ]


class PersonChooseView(PersonListMixin, chooser.ChooseView):
    pass


class PersonChooseResultsView(PersonListMixin, chooser.ChooseResultsView):
    pass


class PersonChooserViewSet(chooser.SnippetChooserViewSet):
    """People are the one programme model an editor may create from the chooser.

    A person belongs to no conference, so the scoping that made the choosers above refuse
    creation does not apply, and people are not moderated. The form is the model's own, so a
    name that folds to an existing person's is refused as it is on People > Add.
    """

    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    creation_form_class = PersonCreationForm
    create_action_label = "Add this person"
    creation_tab_label = "New person"


def people_with_activity(people):
    """People with their first and last conference year, their talk count and last institution (one query)."""
    latest_entry = Presenter.objects.filter(person=OuterRef("pk")).exclude(institution="")
    latest_entry = latest_entry.order_by("-presentation__conference__year", "-pk").values("institution")[:1]
    return people.annotate(
        talk_count=Count("presenter_entries"),
        first_year=Min("presenter_entries__presentation__conference__year"),
        last_year=Max("presenter_entries__presentation__conference__year"),
        last_institution=Subquery(latest_entry),
    )


def years_active(person):
    if person.first_year is None:
        return ""
    if person.first_year == person.last_year:
        return str(person.first_year)
    return f"{person.first_year}–{person.last_year}"


# -- conferences ----------------------------------------------------------------


class ConferenceSearchForm(WordSearchForm):
    searched_fields = ("title", "city", "country", "theme")
    year_field = "year"


class ConferenceListMixin:
    """The conferences the editor may change, newest first, with their year and place."""

    filter_form_class = ConferenceSearchForm
    per_page = 25

    def get_object_list(self):
        return editable_conferences(self.request.user)

    @property
    def columns(self):
        return [*super().columns, Column("year", label="Year"), Column("city", label="City")]


class ConferenceChooseView(ConferenceListMixin, generic_chooser.ChooseView):
    pass


class ConferenceChooseResultsView(ConferenceListMixin, generic_chooser.ChooseResultsView):
    pass


class ConferenceChosenView(generic_chooser.ChosenView):
    def get_object(self, pk):
        return editable_conferences(self.request.user).get(pk=pk)


class FilterChooserMixin:
    """For a listing's filter: a value that names nothing (a typed address, `?conference=abc`) shows
    as no choice, and the filter reports it."""

    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, TypeError, OverflowError, ValidationError):
            return None


class ConferenceChooserWidget(FilterChooserMixin, BaseChooser):
    """The widget of the listings' conference filter."""


class SessionFilterChooser(FilterChooserMixin, AdminSnippetChooser):
    """The widget of the presentations listing's session filter."""


class ConferenceChooserViewSet(ChooserViewSet):
    model = ConferencePage
    icon = "date"
    choose_one_text = "Choose a conference"
    choose_another_text = "Choose another conference"
    base_widget_class = ConferenceChooserWidget
    choose_view_class = ConferenceChooseView
    choose_results_view_class = ConferenceChooseResultsView
    chosen_view_class = ConferenceChosenView
    register_widget = False


conference_chooser = ConferenceChooserViewSet("conference_chooser", url_prefix="conference-chooser")
