"""No autosave for what has never been saved.

Wagtail (7.3 on) autosaves the create form of a page or snippet too: an editor who opens "Add",
types a title and leaves has made a draft, and the next attempt collides with it ("already the
54th annual conference", "the slug is already in use"). A new page or row is saved when its editor
says so; once saved, its edit view autosaves as Wagtail does.
"""

from wagtail.admin.views.pages.create import CreateView as PageCreateView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page


class NoAutosaveOnCreateMixin:
    """For a snippet's create view."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = False


class NewPageView(PageCreateView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        return context


class EveryPageViewSet(PageViewSet):
    """Every page type's admin views as Wagtail's, but the create view (registered in wagtail_hooks.py).

    A page type with a viewset of its own should use NewPageView as its add_view_class too.
    """

    model = Page
    add_view_class = NewPageView
