"""The curators' admin for duplicate people: likely duplicates, a merge after confirmation, the history with undo.

Open to whoever may change people (`conferences.change_person`): the web team and conference
editors; a year's organisers may only add people, so they cannot merge them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.views.generic import TemplateView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from .models import Person, PersonMerge
from .person_duplicates import candidates_with_talks, likely_duplicates
from .person_merges import MergeError, merge_people, undo_merge

PERMISSION = "conferences.change_person"
NAMESPACE = "person_duplicates"
HISTORY_LENGTH = 100


def may_curate(user):
    return user.is_active and user.has_perm(PERMISSION)


class CuratorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_curate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DuplicatesView(CuratorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "conferences/admin/person_duplicates.html"
    page_title = "Duplicate people"
    header_icon = "user"

    def get_context_data(self, **kwargs):
        groups = likely_duplicates(candidates_with_talks())
        to_check = Person.objects.filter(is_group=True).order_by("name")
        return super().get_context_data(groups=groups, groups_to_check=to_check, **kwargs)


class MergeView(CuratorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET: what the merge will do, to confirm; POST: the merge."""

    template_name = "conferences/admin/person_merge_confirm.html"
    page_title = "Merge people"
    header_icon = "user"

    def get(self, request):
        try:
            kept, others = self._chosen(request.GET)
        except MergeError as error:
            messages.error(request, str(error))
            return redirect(f"{NAMESPACE}:index")
        return self.render_to_response(self.get_context_data(kept=kept, others=others))

    def post(self, request):
        try:
            kept, others = self._chosen(request.POST)
            merges = merge_people(kept, others, user=request.user)
        except MergeError as error:
            messages.error(request, str(error))
            return redirect(f"{NAMESPACE}:index")
        names = ", ".join(merge.merged_name for merge in merges)
        messages.success(request, f"Merged {names} into {kept.name}; their old addresses lead to {kept.name}.")
        return redirect(f"{NAMESPACE}:history")

    def _chosen(self, data):
        kept_id, other_ids = data.get("keep", ""), data.getlist("merge")
        if not kept_id.isdigit() or not all(pk.isdigit() for pk in other_ids):
            raise MergeError("Choose the person to keep and the people to merge into them.")
        if kept_id in other_ids:
            raise MergeError("A person cannot be merged with itself: keep one and merge the others.")
        if not other_ids:
            raise MergeError("Choose at least one person to merge into the one you keep.")
        people = {person.pk: person for person in Person.objects.filter(pk__in=[kept_id, *other_ids])}
        kept = people.get(int(kept_id))
        others = [people[int(pk)] for pk in dict.fromkeys(other_ids) if int(pk) in people]
        if kept is None or len(others) != len(set(other_ids)):
            raise MergeError("One of these people no longer exists: they may have been merged already.")
        for person in [kept, *others]:
            person.talk_count = person.presenter_entries.count()
        return kept, others


class HistoryView(CuratorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "conferences/admin/person_merge_history.html"
    page_title = "Merges of people"
    header_icon = "history"

    def get_context_data(self, **kwargs):
        merges = PersonMerge.objects.select_related("kept", "merged_by", "undone_by")[:HISTORY_LENGTH]
        return super().get_context_data(merges=merges, **kwargs)


class UndoView(CuratorsOnlyMixin, View):
    http_method_names = ["post"]

    def post(self, request, merge_id):
        merge = PersonMerge.objects.select_related("kept").filter(pk=merge_id).first()
        try:
            if merge is None:
                raise MergeError("This merge no longer exists.")
            restored = undo_merge(merge, user=request.user)
        except MergeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{restored.name} is back, with the presentations they had before the merge.")
        return redirect(f"{NAMESPACE}:history")


class CuratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_curate(request.user)


class PersonDuplicatesViewSet(ViewSet):
    name = NAMESPACE
    url_prefix = "people-duplicates"
    icon = "user"
    menu_label = "Duplicate people"
    menu_item_class = CuratorsMenuItem

    def get_urlpatterns(self):
        return [
            path("", DuplicatesView.as_view(), name="index"),
            path("merge/", MergeView.as_view(), name="merge"),
            path("history/", HistoryView.as_view(), name="history"),
            path("history/<int:merge_id>/undo/", UndoView.as_view(), name="undo"),
        ]
