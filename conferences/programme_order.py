"""The order of a conference's programme: move a session, or a presentation within its session, up or down.

A page of its own, reached from the conference's Programme tab: that tab sits inside the page's
edit form, where a form of its own cannot. Like Wagtail's own reordering of snippets, a move
changes the rows at once, without a revision.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from .models import ConferencePage, Presentation, Session
from .permissions import scope_to_user

MOVES = {"up": -1, "down": 1}


def move(row, siblings, direction):
    """Swap `row` with its neighbour among `siblings`, numbering them 0, 1, 2… so that ties end."""
    rows = list(siblings.order_by("sort_order", "pk"))
    here = next(index for index, sibling in enumerate(rows) if sibling.pk == row.pk)
    there = here + MOVES[direction]
    if not 0 <= there < len(rows):
        return False
    rows[here], rows[there] = rows[there], rows[here]
    for number, sibling in enumerate(rows):
        if sibling.sort_order != number:
            sibling.sort_order = number
            sibling.save(update_fields=["sort_order"])
    return True


class ProgrammeOrderView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "conferences/admin/programme_order.html"
    header_icon = "order"

    def dispatch(self, request, conference_id):
        pages = scope_to_user(ConferencePage.objects.defer_streamfields(), request.user, "pk")
        self.conference = pages.filter(pk=conference_id).first()
        if self.conference is None:
            raise Http404("No conference you may edit has this id.")
        if not policy_registry.get_by_type(Session).user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request)

    def get_page_title(self):
        return f"Order of the programme of {self.conference.title}"

    def back_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(
            "wagtailadmin_pages:edit", args=[self.conference.pk]
        )

    def get_context_data(self, **kwargs):
        sessions = self.conference.sessions.order_by("sort_order", "pk").prefetch_related("presentations")
        return super().get_context_data(
            conference=self.conference, sessions=sessions, back_url=self.back_url(), **kwargs
        )

    def post(self, request):
        kind, pk, direction = request.POST.get("kind"), request.POST.get("pk", ""), request.POST.get("direction")
        if kind not in ("session", "presentation") or direction not in MOVES or not pk.isdigit():
            messages.error(request, "That move is not one this page offers.")
        else:
            self._move(kind, int(pk), direction)
        return redirect(f"{request.path}?{urlencode({'next': self.back_url()})}")

    def _move(self, kind, pk, direction):
        model = Session if kind == "session" else Presentation
        row = model.objects.filter(conference=self.conference, pk=pk).first()
        if row is None:
            messages.error(self.request, f"This conference has no such {kind}.")
            return
        if not policy_registry.get_by_type(model).user_has_permission_for_instance(self.request.user, "change", row):
            raise PermissionDenied
        siblings = self.conference.sessions.all() if kind == "session" else row.session.presentations.all()
        if move(row, siblings, direction):
            messages.success(self.request, f"Moved “{row.title}” {direction}.")


class ProgrammeOrderViewSet(ViewSet):
    name = "programme_order"
    url_prefix = "programme-order"

    def get_urlpatterns(self):
        return [path("<int:conference_id>/", ProgrammeOrderView.as_view(), name="order")]
