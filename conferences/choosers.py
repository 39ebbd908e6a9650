"""The choosers of sessions and presentations, scoped like their listings.

The chooser is a second way into the same rows: its list, its search and its `chosen/<id>/`
answer name only the rows of conferences the editor may change. Creating a row from the chooser
is turned off: it would skip the conference check and the moderation workflow of the add view.
"""

from wagtail.snippets.views import chooser

from .permissions import scope_to_user


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
