"""Bulk actions whose confirmation pages name only what the editor may see.

Wagtail's confirmation lists every chosen row, those the editor may act on and, under "you don't
have permission", the others: any id in the address would show its title. These list only rows of
the editor's conferences (sessions, presentations, rooms, schedule items) and pages they may explore;
ids outside answer 404 as unknown ids do. Registered after Wagtail's own (order=1), so these replace them.
"""

from django.shortcuts import get_list_or_404
from wagtail.admin.views.pages import bulk_actions as page_actions
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

from .models import Presentation, Room, ScheduleItem, Session
from .permissions import explorable_pages, scope_to_user


class DeleteProgrammeRows(DeleteBulkAction):
    models = [Session, Presentation, Room, ScheduleItem]

    def get_queryset(self, model, object_ids):
        return get_list_or_404(scope_to_user(model.objects.all(), self.request.user), pk__in=object_ids)


class ExplorablePagesMixin:
    def get_queryset(self, model, object_ids):
        return get_list_or_404(explorable_pages(self.request.user, model.objects.all()), pk__in=object_ids)


class DeletePages(ExplorablePagesMixin, page_actions.DeleteBulkAction):
    pass


class MovePages(ExplorablePagesMixin, page_actions.MoveBulkAction):
    pass


class PublishPages(ExplorablePagesMixin, page_actions.PublishBulkAction):
    pass


class UnpublishPages(ExplorablePagesMixin, page_actions.UnpublishBulkAction):
    pass


SCOPED_BULK_ACTIONS = [DeleteProgrammeRows, DeletePages, MovePages, PublishPages, UnpublishPages]
