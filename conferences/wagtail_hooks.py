from django.contrib import messages
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.fields import StreamField
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import conference_actions, next_conference
from .admin_forms import StreamFormField
from .admin_search import ProgrammeSearchArea, ProgrammeSearchViewSet
from .autosave import EveryPageViewSet
from .bulk_actions import SCOPED_BULK_ACTIONS
from .choosers import conference_chooser
from .models import ConferencePage, Presentation, Room, ScheduleItem, Session
from .old_addresses_admin import FolderRedirectViewSet, OldFileAddressViewSet, ProgrammeExportAddressViewSet
from .permissions import ProgrammePermissionPolicy, choosable_pages
from .person_merges import MERGE_ACTION, UNDO_ACTION
from .programme_order import ProgrammeOrderViewSet
from .rich_text_links import PageAddressLinkHandler
from .viewsets import ProgrammeViewSetGroup, SponsorViewSet

# Registered before the viewsets, whose registration would otherwise make Wagtail's unscoped default.
for model in (Session, Presentation, Room, ScheduleItem):
    register_permission_policy(model, ProgrammePermissionPolicy(model))

register_snippet(ProgrammeViewSetGroup)
register_snippet(SponsorViewSet)

# Every admin form's StreamFields: a form missing their inputs gets an error on the field, not a 500.
register_form_field_override(StreamField, override={"form_class": StreamFormField})


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("conferences/admin.css"))


@hooks.register("register_admin_viewset")
def register_page_views():
    # After Wagtail's own viewset for Page (order -1), which this one replaces.
    return EveryPageViewSet("iassist_pages")


for action in SCOPED_BULK_ACTIONS:
    hooks.register("register_bulk_action", action, order=1)


@hooks.register("register_log_actions")
def people_merge_actions(actions):
    actions.register_action(MERGE_ACTION, "Merge people", "Merged a duplicate into this person")
    actions.register_action(UNDO_ACTION, "Undo merge of people", "Undid a merge into this person")


@hooks.register("construct_page_chooser_queryset")
def hide_other_editors_drafts(pages, request):
    return choosable_pages(request.user, pages)


@hooks.register("before_delete_page")
def warn_about_programme_on_delete(request, page):
    """Say how much of the archive goes with a page before it is deleted: its own programme or,
    for the conferences index or any other ancestor, the programmes of every conference below it."""
    if request.method != "GET":
        return None
    conferences = ConferencePage.objects.descendant_of(page, inclusive=True)
    sessions = Session.objects.filter(conference__in=conferences).count()
    presentations = Presentation.objects.filter(conference__in=conferences).count()
    if not (sessions or presentations):
        return None
    counts = f"{_plural(sessions, 'session')} and {_plural(presentations, 'presentation')}"
    if isinstance(page.specific_deferred, ConferencePage):
        message = f"Deleting {page.title} also deletes its programme: {counts}."
    else:
        count = conferences.count()
        message = f"Deleting {page.title} also deletes {_plural(count, 'conference')} with their programmes: {counts}."
    messages.warning(request, message)
    return None


def _plural(count, noun):
    return f"{count} {noun}{'' if count == 1 else 's'}"


@hooks.register("register_admin_urls")
def conference_action_urls():
    return conference_actions.urlpatterns()


@hooks.register("register_page_header_buttons")
def conference_action_buttons(page, user, view_name, next_url=None):
    return conference_actions.header_buttons(page, user)


@hooks.register("register_log_actions")
def conference_log_actions(actions):
    actions.register_action(next_conference.LOG_ACTION)(next_conference.StartedFromFormatter)


@hooks.register("register_admin_viewset")
def register_programme_order():
    return ProgrammeOrderViewSet()


@hooks.register("register_admin_viewset")
def register_programme_search():
    return ProgrammeSearchViewSet()


@hooks.register("register_admin_search_area")
def register_programme_search_area():
    return ProgrammeSearchArea()


@hooks.register("register_admin_viewset")
def register_conference_chooser():
    return conference_chooser


# After Wagtail's own registration of the "page" link type (this app's hooks run first), to replace it.
@hooks.register("register_rich_text_features", order=100)
def read_linked_pages_once(features):
    features.register_link_type(PageAddressLinkHandler)


@hooks.register("register_admin_viewset")
def register_old_address_screens():
    return [FolderRedirectViewSet(), OldFileAddressViewSet(), ProgrammeExportAddressViewSet()]
