"""Page types of the conferences section."""

import datetime
from collections import OrderedDict

from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q, Subquery
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from home.descriptions import description
from home.models import route_in_one_query
from home.view_restrictions import KnownViewRestrictions

from .. import paths
from ..blocks import ConferenceIndexStreamBlock, ConferenceStreamBlock, EventButtonsBlock, MenuBlock, figure_image_ids
from ..choices import AttendanceMode, ConferenceKind, DatePrecision
from ..citations import bibtex
from ..descriptions import ARCHIVE, INDEX, conference_description, stream_text
from ..facts import ConferenceFacts
from ..important_dates import soonest_first
from ..listing import conference_rows, person_entries
from ..page_forms import ConferencePageForm, WebsitePageForm, taken_by_page
from ..programme_panel import ProgrammePanel
from ..structured_data import conference_event
from ..text import unaccented
from ..zenodo import NotAZenodoTarget, parse_zenodo
from .landing import ConferenceIndexForm, LandingChoice
from .landing_panel import build_panel, earliest_last_day
from .people import merged_into
from .programme import Person, Presentation, Presenter
from .programme_query import conference_programme
from .related import related_presentations
from .schedule import validate_time_zone
from .schedule_query import conference_schedule
from .schedule_routes import ConferenceScheduleRoutes, programme_days, schedule_links

INTRO_FEATURES = ["bold", "italic", "link", "document-link"]
# A conference's few words on the Conferences page: no headings or lists to break the panel's outline.
LANDING_SUMMARY_FEATURES = ["bold", "italic", "link"]
# Two thousand presenters on one page is slow to load and to read with a screen reader.
PEOPLE_PER_PAGE = 200


# The header, the page and search all ask for the conference index during one request.
_INDEX_ON_REQUEST = "_iassist_conference_index"


class ConferencesFirst:
    """Routing to a child that is a conference, the commonest, in one query rather than two.

    Wagtail reads the child as a plain page, then again as its own type. Placed after
    RoutablePageMixin, so that the page's own routes (people/…) still come first; a child of
    another type, or none, is routed as Wagtail would.
    """

    def route(self, request, path_components):
        if path_components:
            child = ConferencePage.objects.child_of(self).filter(slug=path_components[0]).first()
            if child is not None:
                # As Wagtail does: the parent is kept on the child, so that get_parent() costs no query.
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)


@route_in_one_query
class ConferenceIndexPage(RoutablePageMixin, ConferencesFirst, KnownViewRestrictions, Page):
    """The “Conferences” page: editorial notices and buttons, then generated lists."""

    intro = RichTextField(blank=True, features=INTRO_FEATURES, help_text="Shown under the title.")
    body = StreamField(
        ConferenceIndexStreamBlock(),
        blank=True,
        help_text="Notices, event buttons, Zenodo links and text; “Forthcoming and recent conferences” places the "
        "computed panel.",
    )
    show_upcoming = models.BooleanField(
        "List upcoming events",
        default=True,
        help_text="Below the body, list the conferences and workshops that have not ended yet.",
    )
    show_archive_link = models.BooleanField(
        "Link to the archive", default=True, help_text="Below the body, link to the conference archive."
    )
    landing_panel = models.BooleanField(
        "Compute the panel of forthcoming and recent conferences",
        default=False,
        help_text="Below the body, list the conferences by year from their dates: forthcoming, happening now and "
        "recent, each with its summary and buttons (set on each conference's page). It replaces the list of "
        "upcoming events. Leave off while the body holds a panel written by hand.",
    )
    landing_heading = models.CharField(
        "Panel heading", max_length=200, default="Forthcoming and Recent Conferences", blank=False
    )
    recent_years = models.PositiveSmallIntegerField(
        "Years a conference stays recent",
        default=2,
        validators=[MaxValueValidator(50)],
        help_text="A conference stays in the panel for this many years after its last day; 0 to show only "
        "forthcoming and current ones. Pinned conferences always show.",
    )
    menu = StreamField(
        MenuBlock(),
        blank=True,
        help_text="The Conferences section's menu, beside this page and every page below it that has no menu "
        "of its own (a conference website has its own). Leave empty for no menu.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("show_upcoming"), FieldPanel("show_archive_link")], heading="Generated lists"),
        MultiFieldPanel(
            [
                FieldPanel("landing_panel"),
                FieldRowPanel([FieldPanel("landing_heading"), FieldPanel("recent_years")]),
                InlinePanel("landing_pins", heading="Pinned and hidden conferences", label="Conference"),
            ],
            heading="Forthcoming and recent conferences",
        ),
        FieldPanel("menu", heading="Section menu"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    base_form_class = ConferenceIndexForm

    parent_page_types = ["home.HomePage"]
    subpage_types = ["conferences.ConferencePage", "conferences.ConferenceArchivePage", "conferences.ContentPage"]
    max_count = 1

    class Meta:
        verbose_name = "conference index page"

    @property
    def meta_description(self):
        return description(self.intro, stream_text(self.body), INDEX)

    @classmethod
    def for_request(cls, request=None):
        """The live conference index of the site serving `request` (of the default site without one), or None.

        One query, remembered on the request.
        """
        if request is not None and hasattr(request, _INDEX_ON_REQUEST):
            return getattr(request, _INDEX_ON_REQUEST)
        site = Site.find_for_request(request) if request is not None else None
        if site is not None:
            root = Page.objects.filter(pk=site.root_page_id)
        else:
            root = Page.objects.filter(pk__in=Site.objects.filter(is_default_site=True).values("root_page_id"))
        index_page = (
            cls.objects.live()
            .filter(path__startswith=Subquery(root.values("path")[:1]))
            .defer_streamfields()
            .order_by("path")
            .first()
        )
        if request is not None:
            setattr(request, _INDEX_ON_REQUEST, index_page)
        return index_page

    @classmethod
    def remember_for_request(cls, request, index_page):
        """Keep `index_page`, reached by routing `request` from its site's root, as for_request's answer.

        Only a live one: for_request answers None for a draft. There is at most one (max_count).
        """
        if request is not None and index_page.live and not hasattr(request, _INDEX_ON_REQUEST):
            setattr(request, _INDEX_ON_REQUEST, index_page)

    def routed_from_home(self, request):
        """Reached by routing `request` from the home page (home.models.HomePage.route): keep it for for_request."""
        self.remember_for_request(request, self)

    def upcoming_conferences(self):
        today = timezone.localdate()
        return (
            ConferencePage.objects.child_of(self)
            .live()
            .filter(
                Q(end_date__gte=today)
                | Q(end_date__isnull=True, start_date__gte=today)
                | Q(start_date__isnull=True, year__gte=today.year)
            )
            .order_by("start_date", "year", "title")
            .defer_streamfields()
        )

    def archive_page(self):
        return ConferenceArchivePage.objects.child_of(self).live().first()

    def landing_sections(self, request=None, now=None):
        """The computed panel's year sections (models/landing_panel.py), pins and hides applied."""
        now = now or timezone.now()
        choices = [(pin.conference_id, pin.choice) for pin in self.landing_pins.all()]
        hidden = {pk for pk, choice in choices if choice == LandingChoice.HIDE}
        # The first choice for a conference counts, should the editor have listed it twice.
        pinned = list(dict.fromkeys(pk for pk, choice in choices if choice == LandingChoice.PIN and pk not in hidden))
        since = earliest_last_day(now, self.recent_years)
        conferences = (
            ConferencePage.objects.child_of(self)
            .live()
            .filter(
                Q(end_date__gte=since)
                | Q(end_date__isnull=True, start_date__gte=since - datetime.timedelta(days=366))
                | Q(start_date__isnull=True, year__gte=since.year)
                | Q(pk__in=pinned)
            )
            .exclude(pk__in=hidden)
            .defer("body", "menu")
        )
        return build_panel(conferences, pinned, now, self.recent_years, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.landing_panel:
            context["landing_sections"] = self.landing_sections(request)
            context["landing_panel_in_body"] = any(block.block_type == "landing_panel" for block in self.body)
        elif self.show_upcoming:
            context["upcoming_conferences"] = conference_rows(self.upcoming_conferences(), self.get_url(request))
        if self.show_archive_link:
            context["archive_page"] = self.archive_page()
        return context

    def people_url(self, request=None):
        return paths.people_url(self.get_url(request))

    def person_url(self, slug, request=None):
        return paths.person_url(self.get_url(request), slug)

    @path(paths.PEOPLE)
    def people(self, request):
        # People are not moderated, but their count of talks counts only presentations visitors can see.
        published = Q(presenter_entries__presentation__in=Presentation.objects.public())
        people = Person.objects.annotate(talks=models.Count("presenter_entries", filter=published)).order_by(
            "name", "pk"
        )
        try:
            people_page = Paginator(people, PEOPLE_PER_PAGE).page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404("There is no such page of presenters.") from error
        return TemplateResponse(
            request,
            "conferences/person_index.html",
            {"page": self, "people": people_page.object_list, "page_obj": people_page},
        )

    @path(paths.PEOPLE + "<slug:slug>/")
    def person(self, request, slug):
        person = Person.objects.filter(slug=slug).first()
        if person is None:
            kept = merged_into(slug)
            if kept is None:
                raise Http404("No person has this address.")
            return HttpResponsePermanentRedirect(self.person_url(kept.slug, request))
        entries = person_entries(
            Presenter.objects.filter(person=person, presentation__in=Presentation.objects.public()).order_by(
                "-presentation__conference__year", "presentation__session__sort_order", "presentation__sort_order"
            ),
            self.get_url(request),
        )
        return TemplateResponse(
            request,
            "conferences/person_page.html",
            {"page": self, "person": person, "entries": entries},
        )


class ConferenceArchivePage(KnownViewRestrictions, Page):
    """Every annual conference since the first, newest first, grouped by decade."""

    intro = RichTextField(blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["conferences.ConferenceIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "conference archive page"

    @property
    def meta_description(self):
        return description(self.intro, ARCHIVE)

    def conferences(self):
        index_page = self.get_parent()
        return (
            ConferencePage.objects.child_of(index_page)
            .live()
            .defer_streamfields()
            .order_by("-year", "-start_date", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        conferences = conference_rows(self.conferences(), self.get_parent().get_url(request))
        decades = OrderedDict()
        for conference in conferences:
            if conference.kind == ConferenceKind.ANNUAL:
                decades.setdefault(conference.year // 10 * 10, []).append(conference)
        context["decades"] = [{"decade": decade, "conferences": items} for decade, items in decades.items()]
        context["workshops"] = [c for c in conferences if c.kind != ConferenceKind.ANNUAL]
        return context


class ContentPage(KnownViewRestrictions, Page):
    """An ordinary page of the section: code of conduct, guidelines, committees, sub-pages."""

    body = StreamField(ConferenceStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    base_form_class = WebsitePageForm
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = [
        "conferences.ConferenceIndexPage",
        "conferences.ConferencePage",
        "conferences.ContentPage",
        "home.HomePage",
    ]
    subpage_types = ["conferences.ContentPage"]

    class Meta:
        verbose_name = "content page"

    @property
    def meta_description(self):
        return description(stream_text(self.body))

    def website_conference(self):
        """The conference this page belongs to (its nearest conference ancestor), or None: one query, remembered."""
        if not hasattr(self, "_website_conference"):
            ancestors = ConferencePage.objects.ancestor_of(self).defer_streamfields() if self.path else None
            self._website_conference = ancestors.order_by("-depth").first() if ancestors is not None else None
        return self._website_conference


class ConferencePage(ConferenceFacts, ConferenceScheduleRoutes, RoutablePageMixin, KnownViewRestrictions, Page):
    """One conference or workshop: its facts, an editorial body, its programme and schedule (schedule_routes.py)."""

    kind = models.CharField(max_length=20, choices=ConferenceKind.choices, default=ConferenceKind.ANNUAL)
    ordinal = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Which annual conference this is: 47 for the 47th."
    )
    year = models.PositiveSmallIntegerField(help_text="The year the event took place.")
    theme = models.CharField(max_length=300, blank=True, help_text="The conference theme, without “IASSIST 2022:”.")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="For early events where only the month or the year is known, store the first day "
        "of that month or year and say so here; only what is known is shown.",
    )
    city = models.CharField(max_length=120, blank=True)
    country = models.CharField(max_length=120, blank=True)
    host = models.CharField("host institution(s)", max_length=500, blank=True)
    attendance_mode = models.CharField(max_length=20, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON)
    website_url = models.URLField("official website", max_length=500, blank=True)
    zenodo_community = models.CharField(
        "Zenodo community",
        max_length=500,
        blank=True,
        help_text="The Zenodo community or record holding the presentations, e.g. "
        "https://zenodo.org/communities/iassist-2022.",
    )
    recordings_url = models.URLField("recordings playlist", max_length=500, blank=True)
    time_zone = models.CharField(
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text="The venue's time zone by its IANA name, e.g. Europe/London: the schedule's times are in it.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(ConferenceStreamBlock(), blank=True)
    menu = StreamField(
        MenuBlock(),
        blank=True,
        help_text="The menu of this conference's website, beside this page and every page below it, in this "
        "order. Leave empty to use the Conferences section's menu.",
    )
    landing_summary = RichTextField(
        "summary",
        blank=True,
        features=LANDING_SUMMARY_FEATURES,
        help_text="A sentence or two for the Conferences page, e.g. “The conference will be hybrid, in Bristol "
        "and online.”",
    )
    landing_buttons = StreamField(
        [("event_buttons", EventButtonsBlock())],
        blank=True,
        max_num=1,
        verbose_name="buttons",
        help_text="The buttons under the summary. Leave empty for one button to this page.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("ordinal"), FieldPanel("year")]),
                FieldPanel("theme"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("date_precision")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("host"),
                FieldRowPanel([FieldPanel("attendance_mode"), FieldPanel("time_zone")]),
            ],
            heading="Facts",
        ),
        MultiFieldPanel(
            [FieldPanel("website_url"), FieldPanel("zenodo_community"), FieldPanel("recordings_url")],
            heading="Links",
        ),
        FieldPanel("image"),
        InlinePanel(
            "important_date_entries",
            heading="Important dates",
            label="Important date",
            help_text="Deadlines and days that the website's blocks (important dates, call for proposals, "
            "registration) show.",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("landing_summary"), FieldPanel("landing_buttons")],
            heading="Conferences page",
            help_text="What the Conferences page's panel shows for this event while it is forthcoming, under way "
            "or recent.",
        ),
        FieldPanel("menu", heading="Website menu"),
    ]
    base_form_class = ConferencePageForm
    # Wagtail's three tabs, then the conference's programme, so that editors reach it from the conference.
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
            ObjectList([ProgrammePanel()], heading="Programme"),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("theme", boost=2),
        index.SearchField("city", boost=2),
        index.SearchField("country"),
        index.SearchField("host"),
        index.SearchField("year_text", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("city"),
        index.SearchField("unaccented_facts"),
        index.AutocompleteField("unaccented_city"),
        index.FilterField("year"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["conferences.ConferenceIndexPage"]
    subpage_types = ["conferences.ContentPage"]
    base_form_class = ConferencePageForm

    class Meta:
        verbose_name = "conference page"
        indexes = [models.Index(fields=["kind", "year"])]

    # -- facts -------------------------------------------------------------

    @property
    def meta_description(self):
        return conference_description(self)

    @property
    def unaccented_facts(self):
        return unaccented(" ".join(filter(None, (self.title, self.city, self.country, self.host, self.theme))))

    @property
    def unaccented_city(self):
        return unaccented(self.city)

    @property
    def is_upcoming(self):
        today = timezone.localdate()
        last_day = self.end_date or self.start_date
        if last_day:
            return last_day >= today
        return self.year >= today.year

    # -- important dates -----------------------------------------------------

    def website_conference(self):
        """The conference whose website this page is part of: blocks ask pages this, without importing them."""
        return self

    def important_dates(self):
        """The conference's important dates, soonest first: one query (none if prefetched), remembered on the page."""
        if getattr(self, "_important_dates", None) is None:
            self._important_dates = soonest_first(self.important_date_entries.all())
        return self._important_dates

    def date_of(self, kind):
        """The first important date of `kind` (an ImportantDateKind), or None."""
        return next((entry for entry in self.important_dates() if entry.kind == kind), None)

    @property
    def zenodo_url(self):
        try:
            return parse_zenodo(self.zenodo_community).url if self.zenodo_community else ""
        except NotAZenodoTarget:
            return ""

    # -- validation --------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date is before the start date."
        if self.start_date and self.year and self.start_date.year != self.year:
            errors["start_date"] = f"The start date is not in {self.year}."
        if self.end_date and not self.start_date:
            errors["start_date"] = "Enter the start date as well as the end date."
        if self.zenodo_community:
            try:
                self.zenodo_community = parse_zenodo(self.zenodo_community).url
            except NotAZenodoTarget as error:
                errors["zenodo_community"] = str(error)
        if self.ordinal and self.kind == ConferenceKind.ANNUAL:
            clash = (
                ConferencePage.objects.filter(kind=ConferenceKind.ANNUAL, ordinal=self.ordinal)
                .exclude(pk=self.pk)
                .exclude(translation_key=self.translation_key)
                .first()
            )
            if clash:
                errors["ordinal"] = taken_by_page(clash, f"is already the {self.ordinal_text} annual conference.")
        if errors:
            raise ValidationError(errors)

    # -- rendering ---------------------------------------------------------

    @property
    def lead_image(self):
        """The page's image, shown above the body, unless the body shows it as a figure already."""
        if self.image_id is None or self.image_id in figure_image_ids(self.body.raw_data):
            return None
        return self.image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programme = conference_programme(self)
        schedule = conference_schedule(self, programme)
        context["sessions"] = programme
        context["programme_days"] = programme_days(programme, schedule)
        context["schedule"] = schedule
        context["schedule_links"] = schedule_links(self, request) if schedule else None
        context["people_url"] = self._people_url(request)
        return context

    def _people_url(self, request):
        index_page = self.get_parent()
        return paths.people_url(index_page.get_url(request)) if index_page else None

    def presentation_url(self, slug, request=None):
        base = self.get_url(request)
        return paths.presentation_url(base, slug) if base else None

    def schema_org(self, request=None):
        return conference_event(self, request)

    @path("")
    def conference(self, request):
        return self.render(request)

    @path(paths.PRESENTATIONS + "<slug:slug>/")
    def presentation(self, request, slug):
        presentation = self._get_presentation(slug)
        return TemplateResponse(
            request,
            "conferences/presentation_page.html",
            {
                "page": self,
                "presentation": presentation,
                "people_url": self._people_url(request),
                "related_presentations": related_presentations(presentation, request),
            },
        )

    # Wagtail serves only paths that end in a slash, so file downloads get a folder-style URL.
    @path(paths.PRESENTATIONS + "<slug:slug>/" + paths.BIBTEX)
    def presentation_bibtex(self, request, slug):
        presentation = self._get_presentation(slug)
        response = HttpResponse(bibtex(presentation, request), content_type="application/x-bibtex; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{presentation.slug}.bib"'
        return response

    def _get_presentation(self, slug):
        queryset = (
            Presentation.objects.live().filter(conference=self).select_related("session").with_programme_details()
        )
        return get_object_or_404(queryset, slug=slug)
