"""The conference page's edit form: its important dates checked against the conference's own dates.

The check belongs to the form, not the model: only the form holds the dates as the editor has just
typed them, the conference's and its important dates' together (the inline rows are validated
before they are attached to the page).
"""

from wagtail.admin.forms import WagtailAdminPageForm

from . import important_dates

DATES_FORMSET = "important_date_entries"


class ConferencePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        last_day = important_dates.conference_last_day(cleaned_data.get("start_date"), cleaned_data.get("end_date"))
        if last_day:
            self._check_dates_against(last_day)
        return cleaned_data

    def _check_dates_against(self, last_day):
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
