"""The choosers of programme rows, scoped like their listings, and the person chooser.

The chooser is a second way into the same rows: its list, its search and its `chosen/<id>/`
answer name only the rows of conferences the editor may change. Creating a session or
presentation from the chooser is turned off: it would skip the conference check and the moderation
workflow of the add view. People are the exception (PersonChooserViewSet).
"""

from django import forms
from django.db.models import Count, F, Max, Min, OuterRef, Subquery
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views import chooser

from .models import Person, Presenter
from .permissions import scope_to_user
from .text import person_name_key


class ScopedListMixin:
    def get_object_list(self):
        return scope_to_user(super().get_object_list(), self.request.user)

    def can_create(self):
        return False


class ChooseView(ScopedListMixin, chooser.ChooseView):
    pass


class ChooseResultsView(ScopedListMixin, chooser.ChooseResultsView):
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
