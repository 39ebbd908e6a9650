"""Edit forms of the pages of a conference website: dates checked against the conference's own dates, the
iassistYYYY address, and errors that say where the other page is.

The date checks belong to the forms, not the models: only a form holds the dates as the editor has
just typed them, the conference's and its important dates' together (the inline rows are validated
before they are attached to the page), and StreamField blocks do not know their page.

An editor who abandons a new page leaves it behind as a draft, and the next attempt then
collides with it ("already the 54th annual conference", "slug already in use"). The errors name
that page, say whether it is a draft, and link to its edit view so that the editor can carry on
there instead of making a third.
"""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm

from . import important_dates
from .choices import ConferenceKind
from .website_blocks import hotel_deadline_errors

DATES_FORMSET = "important_date_entries"

# The code of a ValidationError whose params name the page (`page`) that holds what was asked for.
TAKEN_BY_PAGE = "taken_by_page"
SLUG_HELP = (
    "The last part of the page's address. A new annual conference gets iassistYYYY from its year "
    "unless you type another."
)


def annual_slug(year):
    """The address the old site gave every annual conference: iassist2025, iassist1974."""
    return f"iassist{year}"


def page_label(page):
    """A page as editors know it: its title, and whether visitors see it yet."""
    status = "published" if page.live else "draft"
    return f"{page.get_admin_display_title()} ({status})"


def linked_page_label(page):
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    status = "published" if page.live else "draft"
    return format_html('{} ({}, <a href="{}">edit it here</a>)', page.get_admin_display_title(), status, edit_url)


class WebsitePageForm(WagtailAdminPageForm):
    """A page below a conference: its hotels' booking deadlines may not be after the conference."""

    def clean(self):
        cleaned_data = super().clean()
        last_day = self.conference_last_day(cleaned_data)
        if last_day:
            self.check_dates_against(last_day)
        return cleaned_data

    def conference_last_day(self, cleaned_data):
        page = self.instance if self.instance.pk else self.parent_page
        find = getattr(page.specific if page else None, "website_conference", None)
        conference = find() if callable(find) else None
        return important_dates.conference_last_day(conference.start_date, conference.end_date) if conference else None

    def check_dates_against(self, last_day):
        if "body" in self.cleaned_data and "body" not in self.errors:
            error = hotel_deadline_errors(self.cleaned_data["body"], last_day)
            if error:
                self.add_error("body", error)


class ConferencePageForm(WebsitePageForm):
    """The conference itself: its important dates and hotels, against the dates on this same form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._say_the_publishing_time_zone()
        if "slug" in self.fields and not self.instance.pk:
            # Left empty, the address comes from the year (below) or, for other events, from the title (Wagtail).
            self.fields["slug"].required = False
            self.fields["slug"].help_text = SLUG_HELP

    def _say_the_publishing_time_zone(self):
        # The admin reads these times in the editor's zone (their account's, else the site's),
        # not the venue's: the conference's own zone applies to its schedule only.
        zone = timezone.get_current_timezone_name()
        for name, what in (("go_live_at", "goes live"), ("expire_at", "expires")):
            if name in self.fields:
                self.fields[name].help_text = f"When the page {what}, in {zone} (your time zone in the admin)."

    def clean(self):
        if not self.instance.pk and self._slug_left_to_us():
            self.cleaned_data["slug"] = annual_slug(self.cleaned_data["year"])
        slug = self.cleaned_data.get("slug")
        cleaned_data = super().clean()
        self._name_the_page_with_this_slug(slug)
        return cleaned_data

    def _slug_left_to_us(self):
        """Empty, or what the admin's script made of the title (IASSIST 2028 -> iassist-2028)."""
        data = self.cleaned_data
        if data.get("kind") != ConferenceKind.ANNUAL or not data.get("year"):
            return False
        slug = data.get("slug") or ""
        return not slug or slug == slugify(data.get("title") or "")

    def _name_the_page_with_this_slug(self, slug):
        if "slug" not in self.errors or not slug or self.parent_page is None:
            return
        sibling = self.parent_page.get_children().filter(slug=slug).exclude(pk=self.instance.pk).first()
        if sibling is not None:
            message = format_html("The address {} is taken by {}.", slug, linked_page_label(sibling))
            self.errors["slug"] = self.error_class([message])

    def _post_clean(self):
        super()._post_clean()
        # The model's own checks name the clashing page in words (the importer prints them);
        # here, in the admin, the name also links to the page.
        for field, errors in list(self.errors.as_data().items()):
            if any(error.code == TAKEN_BY_PAGE for error in errors):
                self.errors[field] = self.error_class([linked_message(error) for error in errors])

    def conference_last_day(self, cleaned_data):
        return important_dates.conference_last_day(cleaned_data.get("start_date"), cleaned_data.get("end_date"))

    def check_dates_against(self, last_day):
        super().check_dates_against(last_day)
        formset = self.formsets.get(DATES_FORMSET)
        if formset is None or not formset.is_bound:
            return
        for form in formset.forms:
            # Rows with errors of their own already say so; deleted rows no longer matter.
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            message = important_dates.entry_after_conference_error(form.instance, last_day)
            if message:
                form.add_error("date", message)


def linked_message(error):
    if error.code != TAKEN_BY_PAGE:
        return " ".join(error.messages)
    page = error.params["page"]
    return format_html("{} {}", linked_page_label(page), error.params["rest"])


def taken_by_page(page, rest):
    """A ValidationError saying that `page` already holds something: '<page> <rest>'."""
    # Django formats a message that has params with %, so a % in a title must be doubled.
    message = f"{page_label(page)} {rest}".replace("%", "%%")
    return ValidationError(message, code=TAKEN_BY_PAGE, params={"page": page, "rest": rest})
