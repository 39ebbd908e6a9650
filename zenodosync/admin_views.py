"""The editors' review queue of Zenodo proposals: filter, compare, approve or reject, one by one or selected.

Open to whoever may change presentations or people; each sees the proposals of the conferences
they may edit, and may decide only those whose presentation (or, for an ORCID iD, people) they
may change. Decisions are POSTs with Django's CSRF check; GET only lists.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import TemplateView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from conferences.models import ConferencePage
from conferences.permissions import scope_to_user

from . import review
from .models import ProposalKind, ProposalStatus, ZenodoProposal

NAMESPACE = "zenodo_proposals"
PER_PAGE = 50
MAX_SELECTED = 500
FILTER_KEYS = ("conference", "kind", "status")
REVIEWER_PERMISSIONS = ("conferences.change_presentation", "conferences.change_person")


def may_open_queue(user):
    return user.is_active and any(user.has_perm(permission) for permission in REVIEWER_PERMISSIONS)


class ReviewersOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_open_queue(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class QueueFilterForm(forms.Form):
    conference = forms.ModelChoiceField(queryset=ConferencePage.objects.none(), required=False)
    kind = forms.ChoiceField(choices=[("", "Any kind"), *ProposalKind.choices], required=False)
    status = forms.ChoiceField(choices=[("", "Any status"), *ProposalStatus.choices], required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        proposed = ConferencePage.objects.filter(pk__in=ZenodoProposal.objects.values("conference_id"))
        conferences = scope_to_user(proposed.defer_streamfields().order_by("-year", "title"), user, "pk")
        self.fields["conference"].queryset = conferences
        self.fields["conference"].empty_label = "Any conference"

    def filter(self, proposals):
        data = self.cleaned_data
        if data["conference"]:
            proposals = proposals.filter(conference=data["conference"])
        for name in ("kind", "status"):
            if data[name]:
                proposals = proposals.filter(**{name: data[name]})
        return proposals


def filter_query(data, keys=FILTER_KEYS):
    """The listing's filters from `data` (a GET or the POST's copy), and nothing else, as a query string."""
    kept = QueryDict(mutable=True)
    for key in keys:
        value = data.get(key, "")
        if value and len(value) <= 40:
            kept[key] = value
    return kept.urlencode()


class QueueView(ReviewersOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "zenodosync/admin/queue.html"
    page_title = "Zenodo proposals"
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        data = self.request.GET.copy()
        data.setdefault("status", ProposalStatus.PENDING)
        form = QueueFilterForm(data, user=self.request.user)
        proposals = scope_to_user(
            ZenodoProposal.objects.select_related("conference", "presentation", "person", "reviewed_by"),
            self.request.user,
        )
        proposals = form.filter(proposals) if form.is_valid() else proposals.none()
        page = Paginator(proposals, PER_PAGE).get_page(self.request.GET.get("p"))
        return super().get_context_data(
            form=form, page=page, query=filter_query(data), review_url=reverse(f"{NAMESPACE}:review"), **kwargs
        )


class ReviewView(ReviewersOnlyMixin, View):
    """POST: `approve` or `reject` names one proposal; `bulk` (approve or reject) applies to those `selected`."""

    http_method_names = ["post"]

    def post(self, request):
        try:
            decide, ids = self._decision(request.POST)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            self._decide_each(request, decide, ids)
        query = filter_query(QueryDict(request.POST.get("query", "")[:500]), (*FILTER_KEYS, "p"))
        return redirect(f"{reverse(f'{NAMESPACE}:index')}{'?' if query else ''}{query}")

    def _decision(self, data):
        for action in ("approve", "reject"):
            if data.get(action):
                return action, _ids([data[action]])
        if data.get("bulk") in ("approve", "reject"):
            ids = _ids(data.getlist("selected"))
            if not ids:
                raise ValueError("Select the proposals to decide on first.")
            return data["bulk"], ids
        raise ValueError("Choose Approve or Reject.")

    def _decide_each(self, request, action, ids):
        decide = review.approve if action == "approve" else review.reject
        done, refused = [], []
        for proposal_id in ids:
            try:
                done.append(decide(proposal_id, request.user))
            except review.ReviewError as error:
                refused.append(str(error))
        if done:
            messages.success(request, _summary(action, done))
        for reason in refused[:10]:
            messages.error(request, reason)
        if len(refused) > 10:
            messages.error(request, f"… and {len(refused) - 10} more could not be decided.")


def _ids(values):
    if len(values) > MAX_SELECTED:
        raise ValueError(f"Select at most {MAX_SELECTED} proposals at a time.")
    if not all(value.isdigit() and len(value) < 19 for value in values):
        raise ValueError("That selection is not a list of proposals.")
    return list(dict.fromkeys(int(value) for value in values))


def _summary(action, proposals):
    if action == "reject":
        return f"Rejected {len(proposals)} proposal{'s' if len(proposals) != 1 else ''}; nothing was changed."
    drafts = sum(1 for proposal in proposals if proposal.applied_as == review.DRAFT)
    text = f"Approved {len(proposals)} proposal{'s' if len(proposals) != 1 else ''}"
    if drafts:
        text += f"; {drafts} saved as drafts for the web team to publish"
    return f"{text}."


class ReviewersMenuItem(MenuItem):
    def is_shown(self, request):
        return may_open_queue(request.user)


class ZenodoProposalViewSet(ViewSet):
    name = NAMESPACE
    url_prefix = "zenodo-proposals"
    icon = "doc-full"
    menu_label = "Zenodo proposals"
    menu_item_class = ReviewersMenuItem
    add_to_admin_menu = True

    def get_urlpatterns(self):
        return [
            path("", QueueView.as_view(), name="index"),
            path("review/", ReviewView.as_view(), name="review"),
        ]
