"""A conference page's own admin actions: start next year's conference; add the standard pages.

Each is a header button of an annual conference page (its edit view and its explorer listing), shown
to those allowed to use it, and a small confirmation form that creates nothing until it is sent.
Registered in wagtail_hooks.py.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button

from .choices import ConferenceKind
from .models import ConferencePage
from .next_conference import NextConferenceForm, may_start_next_conference, start_next_conference
from .standard_pages import add_standard_pages, code_of_conduct, may_add_standard_pages, missing_standard_pages

NEXT_YEAR = "conference_next_year"
STANDARD_PAGES = "conference_standard_pages"


class ConferenceActionView(WagtailAdminTemplateMixin, FormView):
    """An action on one annual conference page, refused with a 403 and its reason to whom `allowed` says no.

    Wagtail's admin would turn a PermissionDenied into a redirect to the dashboard; the refusal
    here says what permission the action takes.
    """

    header_icon = "calendar"
    url_name = ""
    refusal = ""
    subtitle = "{conference}"

    def allowed(self, user, conference):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        queryset = ConferencePage.objects.filter(kind=ConferenceKind.ANNUAL)
        self.conference = get_object_or_404(queryset, pk=kwargs["page_id"])
        self.refused = not self.allowed(request.user, self.conference)
        if self.refused:
            # Nothing of the page is shown: it may be a draft that this user may not see.
            context = WagtailAdminTemplateMixin.get_context_data(self, form=None, refusal=self.refusal)
            return TemplateResponse(request, "conferences/admin/action_refused.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        if self.refused:
            return ""
        return self.subtitle.format(conference=self.conference.get_admin_display_title())

    def get_breadcrumbs_items(self):
        if self.refused:
            return super().get_breadcrumbs_items()
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.conference.pk])
        conference = {"url": edit_url, "label": self.conference.get_admin_display_title()}
        return [*super().get_breadcrumbs_items(), conference, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            conference=self.conference,
            action_url=reverse(self.url_name, args=[self.conference.pk]),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.conference.pk]),
            **kwargs,
        )


class StartNextConferenceView(ConferenceActionView):
    template_name = "conferences/admin/next_conference.html"
    page_title = "Start next year's conference"
    url_name = NEXT_YEAR
    subtitle = "Start next year's conference from {conference}"
    form_class = NextConferenceForm
    refusal = (
        "Starting next year's conference takes permission to add and edit pages in the conferences section; "
        "ask the web team."
    )

    def allowed(self, user, conference):
        return may_start_next_conference(user, conference)

    def get_form_kwargs(self):
        return {"conference": self.conference, **super().get_form_kwargs()}

    def form_valid(self, form):
        facts = form.next_conference()
        try:
            page, pages_below = start_next_conference(self.conference, facts, self.request.user)
        except ValidationError as error:  # another editor took the year or address meanwhile
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, created_message(page.title, pages_below))
        return redirect("wagtailadmin_pages:edit", page.pk)


def created_message(title, pages_below):
    if not pages_below:
        return f"{title} created as a draft."
    return f"{title} and {pages_below} page{'' if pages_below == 1 else 's'} created as drafts."


class AddStandardPagesView(ConferenceActionView):
    template_name = "conferences/admin/standard_pages.html"
    page_title = "Add the standard pages"
    url_name = STANDARD_PAGES
    subtitle = "Add the standard pages to {conference}"
    refusal = "Adding the standard pages takes permission to add pages below the conference; ask the web team."

    def allowed(self, user, conference):
        return may_add_standard_pages(user, conference)

    form_class = forms.Form  # nothing to choose: the form only confirms

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            missing=missing_standard_pages(self.conference), code_of_conduct=code_of_conduct(), **kwargs
        )

    def form_valid(self, form):
        created, links = add_standard_pages(self.conference, self.request.user)
        if created or links:
            messages.success(self.request, standard_pages_message(self.conference.title, created, links))
        else:
            messages.info(self.request, f"{self.conference.title} has the standard pages and menu already.")
        return redirect("wagtailadmin_pages:edit", self.conference.pk)


def standard_pages_message(title, created, links):
    parts = []
    if created:
        parts.append(f"{len(created)} page{'' if len(created) == 1 else 's'} created as drafts")
    if links:
        parts.append(f"{links} menu link{'' if links == 1 else 's'} added to the draft of {title}")
    return " and ".join(parts).capitalize() + "."


def urlpatterns():
    return [
        path("conference-pages/<int:page_id>/next-year/", StartNextConferenceView.as_view(), name=NEXT_YEAR),
        path("conference-pages/<int:page_id>/standard-pages/", AddStandardPagesView.as_view(), name=STANDARD_PAGES),
    ]


def header_buttons(page, user):
    """The buttons of these actions among `page`'s header buttons, where `user` may use them."""
    if not issubclass(page.specific_class or type(page), ConferencePage):
        return []
    conference = page.specific_deferred
    buttons = []
    if may_start_next_conference(user, conference):
        url = reverse(NEXT_YEAR, args=[conference.pk])
        buttons.append(Button("Start next year's conference", url, icon_name="copy", priority=35))
    if may_add_standard_pages(user, conference) and not conference.get_children().exists():
        url = reverse(STANDARD_PAGES, args=[conference.pk])
        buttons.append(Button("Add the standard pages", url, icon_name="doc-empty-inverse", priority=36))
    return buttons
