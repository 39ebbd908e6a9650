"""The schedule in the admin's programme forms: local times and presenters in two places at once.

Django's forms read and show date-times in the current time zone, the site's UTC unless told
otherwise. Editors type a conference's times as its programme gives them, in the venue's zone, so
each form of a conference's row runs, and renders, in that conference's zone; the database keeps UTC.
"""

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from .models import ConferencePage, Session
from .models.conflicts import conference_zone, presenter_clash
from .permissions import scope_to_user

TIME_FIELDS = ("starts_at", "ends_at")


def row_conference(row):
    if row is None or not row.pk:
        return None
    return row.conference


def row_id(value):
    """`value` as a row's id, or None: a longer number than a database integer holds names no row."""
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None


def posted_conference(request):
    """The conference the form's data names, directly or through its session; only one the user may change."""
    data = request.POST if request.method == "POST" else request.GET
    conference_id, session_id = row_id(data.get("conference", "")), row_id(data.get("session", ""))
    if conference_id:
        conferences = scope_to_user(ConferencePage.objects.defer_streamfields(), request.user, "pk")
        return conferences.filter(pk=conference_id).first()
    if session_id:
        session = scope_to_user(Session.objects.select_related("conference"), request.user).filter(pk=session_id)
        return session.first().conference if session.exists() else None
    return None


class ConferenceTimeZoneMixin:
    """Run a create or edit view, its template included, in the time zone of the row's conference."""

    def dispatch(self, request, *args, **kwargs):
        conference = row_conference(getattr(self, "object", None)) or posted_conference(request)
        self.conference_zone = conference_zone(conference)
        self.zone_known = conference is not None and bool(conference.time_zone)
        with timezone.override(self.conference_zone):
            response = super().dispatch(request, *args, **kwargs)
            # A TemplateResponse renders after the view returns, outside this zone, unless rendered here.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        for name in TIME_FIELDS:
            if name in form.fields:
                form.fields[name].help_text = self.zone_help()
        return form

    def zone_help(self):
        if self.zone_known:
            return f"Local time at the venue: {self.conference_zone.key}."
        return f"In the conference's time zone; {self.conference_zone.key} until the conference names one."


class PresentationForm(WagtailAdminModelForm):
    """Refuses a presenter who presents elsewhere at the same time, on that presenter's line.

    The address may be left empty: the model makes it from the title (Presentation.clean).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields[
                "slug"
            ].help_text = "The last part of this presentation's address. Leave it empty for one made from the title."

    def is_valid(self):
        valid = super().is_valid()
        presenters = self.formsets.get("presenters")
        if not valid or presenters is None or not self._moved_or_recast(presenters):
            return valid
        return self._check_presenters(presenters)

    def _moved_or_recast(self, presenters):
        return presenters.has_changed() or bool({"session", *TIME_FIELDS} & set(self.changed_data))

    def _check_presenters(self, presenters):
        talk = self.instance
        session = talk.session
        starts_at, ends_at = talk.starts_at or session.starts_at, talk.ends_at or session.ends_at
        clear = True
        for entry in presenters.forms:
            person = entry.cleaned_data.get("person")
            if person is None or entry.cleaned_data.get("DELETE"):
                continue
            clash = presenter_clash(session.conference, [person.pk], starts_at, ends_at, session, talk)
            if clash:
                entry.add_error("person", clash)
                clear = False
        return clear
