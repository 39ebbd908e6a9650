"""Settings screens for the old site's addresses that are not pages (conferences.old_addresses).

The import fills them from the Hugo tree; these screens let the web team see what each old address
answers with, and add or correct a rule when an old link is reported broken, without a developer.
Wagtail's own Redirects screen stays the place for one address leading to one page.
"""

from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import FolderRedirect, OldFileAddress, ProgrammeExportAddress

# Just after Wagtail's Redirects (800) in the Settings menu.
MENU_ORDER = 801


def _leads_to(rule):
    if rule.redirect_page_id:
        return format_html("page “{}”", rule.redirect_page.title)
    return rule.redirect_link


def _file(address):
    if address.image_id:
        return format_html("image “{}”", address.image.title)
    if address.document_id:
        return format_html("document “{}”", address.document.title)
    return "nothing"


def _export_target(address):
    if address.presentation_id:
        return format_html("presentation “{}”", address.presentation.title)
    if address.session_id:
        return format_html("session “{}”", address.session.title)
    return "the conference's schedule"


class OldAddressViewSet(ModelViewSet):
    """Forms with Wagtail's choosers (panels, not form_fields); a listing that reads what each row leads to
    in its one query."""

    add_to_settings_menu = True
    copy_view_enabled = False
    list_select_related = ()

    def get_index_view_kwargs(self, **kwargs):
        queryset = self.model.objects.select_related(*self.list_select_related)
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class FolderRedirectViewSet(OldAddressViewSet):
    model = FolderRedirect
    icon = "redirect"
    menu_label = "Folder redirects"
    menu_order = MENU_ORDER
    name = "folder_redirects"
    panels = [
        FieldPanel("folder"),
        FieldPanel("redirect_page", heading="Leads to a page"),
        FieldPanel("redirect_link", heading="Or leads to an address"),
        FieldPanel(
            "is_permanent",
            heading="Permanent (301)",
            help_text="Untick while the folder may come back: browsers and search engines then keep the old address.",
        ),
    ]
    list_display = [
        "folder",
        Column("leads_to", accessor=_leads_to, label="Leads to"),
        BooleanColumn("is_permanent", label="Permanent (301)"),
    ]
    search_fields = ["folder", "redirect_link"]
    ordering = ["folder"]
    list_select_related = ["redirect_page"]


class OldFileAddressViewSet(OldAddressViewSet):
    model = OldFileAddress
    icon = "doc-full"
    menu_label = "Old file addresses"
    menu_order = MENU_ORDER + 1
    name = "old_file_addresses"
    panels = [FieldPanel(name) for name in ("path", "image", "document")]
    list_display = ["path", Column("file", accessor=_file, label="Answered with")]
    search_fields = ["path"]
    ordering = ["path"]
    list_select_related = ["image", "document"]


class ProgrammeExportAddressViewSet(OldAddressViewSet):
    model = ProgrammeExportAddress
    icon = "date"
    menu_label = "Programme export addresses"
    menu_order = MENU_ORDER + 2
    name = "programme_export_addresses"
    panels = [FieldPanel(name) for name in ("path", "conference", "session", "presentation")]
    list_display = [
        "path",
        Column("conference", accessor="conference.title", label="Conference"),
        Column("target", accessor=_export_target, label="Leads to"),
    ]
    search_fields = ["path"]
    ordering = ["path"]
    list_select_related = ["conference", "session", "presentation"]
