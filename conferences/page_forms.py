"""Edit forms of the pages of a conference website: dates checked against the conference's own dates.

The checks belong to the forms, not the models: only a form holds the dates as the editor has
just typed them, the conference's and its important dates' together (the inline rows are validated
before they are attached to the page), and StreamField blocks do not know their page.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from . import important_dates
from .website_blocks import hotel_deadline_errors

DATES_FORMSET = "important_date_entries"


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
