"""The admin's site history, without other conferences' programme rows.

Wagtail shows a user every log entry of a model they hold any permission on, so an organiser
would read the titles of every conference's sessions and presentations there. This view leaves
out the entries of rows outside the user's conferences; it answers at Wagtail's own address
(mounted before the admin's URLs in iassist_site/urls.py), so menus and links need no change.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry

from .models import Presentation, Session
from .permissions import editable_conference_ids, scope_to_user


def other_conferences_entries(user):
    """A filter on log entries: those of sessions and presentations outside `user`'s conferences."""
    hidden = Q(pk__in=[])
    for model in (Session, Presentation):
        own = scope_to_user(model.objects.all(), user).annotate(key=Cast("pk", CharField())).values("key")
        hidden |= Q(content_type=ContentType.objects.get_for_model(model)) & ~Q(object_id__in=own)
    return hidden


class SiteHistoryView(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is ModelLogEntry and editable_conference_ids(self.request.user) is not None:
            queryset = queryset.exclude(other_conferences_entries(self.request.user))
        return queryset


urlpatterns = [
    path("admin/reports/site-history/", require_admin_access(SiteHistoryView.as_view())),
    path("admin/reports/site-history/results/", require_admin_access(SiteHistoryView.as_view(results_only=True))),
]
