"""A conference's programme as relational data: sessions, presentations, presenters.

Programmes run to 170 presentations; kept out of StreamField so that the editor
stays usable, pages render in a fixed number of queries, and one person can be
followed across fifty years of conferences.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.db.models.functions import Upper
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, Page, RevisionMixin, WorkflowMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from ..choices import MaterialKind, SessionType
from ..orcid import OrcidField, normalise_orcid, orcid_url
from ..ror import RorField, ror_url, stored_ror
from ..text import person_name_key, unaccented
from ..youtube import youtube_watch_url
from ..zenodo import doi_url, normalise_doi
from . import conflicts
from .labels import ReviewLabelMixin


def validate_video_id(value):
    if value and not re.fullmatch(r"[A-Za-z0-9_-]{11}", value):
        raise ValidationError("Enter the 11-character YouTube video id, e.g. R7mH1L2ODDM.")


def validate_doi(value):
    if not normalise_doi(value):
        raise ValidationError("Enter a DOI such as 10.5281/zenodo.123456 or its https://doi.org/ link.")


class SessionQuerySet(models.QuerySet):
    def live(self):
        """The sessions visitors see: published ones (a new session saved as a draft is not live)."""
        return self.filter(live=True)


# Wagtail requires this order of its mixins: workflow, draft state, locking, revisions.
class Session(ReviewLabelMixin, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    conference = models.ForeignKey("conferences.ConferencePage", on_delete=models.CASCADE, related_name="sessions")
    sort_order = models.PositiveIntegerField(default=0, help_text="Sessions are shown in this order.")
    title = models.CharField(max_length=500)
    day = models.CharField(
        max_length=100, blank=True, help_text="As the programme gives it, e.g. “Wednesday, June 8”."
    )
    chair = models.CharField(max_length=300, blank=True)
    moderator = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    video_id = models.CharField("YouTube video id", max_length=11, blank=True, validators=[validate_video_id])
    session_type = models.CharField("type", max_length=20, choices=SessionType.choices, blank=True)
    starts_at = models.DateTimeField(null=True, blank=True, help_text="In the conference's time zone.")
    ends_at = models.DateTimeField(null=True, blank=True)
    room = models.ForeignKey(
        "conferences.Room", null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    code = models.CharField(
        max_length=40, blank=True, help_text="The programme's own code for the session, e.g. “A1” or “W3”."
    )

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("conference"),
        FieldPanel("sort_order"),
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("session_type"), FieldPanel("code")]),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("room"),
                FieldPanel("day"),
            ],
            heading="Schedule",
        ),
        MultiFieldPanel([FieldPanel("chair"), FieldPanel("moderator")], heading="People"),
        FieldPanel("description"),
        FieldPanel("video_id"),
    ]

    class Meta:
        ordering = ["conference", "sort_order", "pk"]
        indexes = [models.Index(fields=["conference", "sort_order"])]

    def __str__(self):
        return f"{self.title} ({self.conference.year})" if self.conference_id else self.title

    @property
    def video_url(self):
        return youtube_watch_url(self.video_id) if self.video_id else ""

    def clean(self):
        super().clean()
        if self.room_id and self.conference_id and self.room.conference_id != self.conference_id:
            raise ValidationError({"room": "The room belongs to another conference."})
        if self.conference_id:
            conflicts.check_slot(self, self.conference)


class PersonQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class Person(index.Indexed, models.Model):
    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=200, unique=True, editable=False, help_text="The name folded for matching.")
    slug = models.SlugField(max_length=220, unique=True, editable=False)
    orcid = OrcidField(
        "ORCID iD", blank=True, help_text="E.g. 0000-0002-1825-0097; the https://orcid.org/ address works too."
    )
    is_group = models.BooleanField(
        "a group", default=False, help_text="A committee or team named as a presenter, not one person."
    )

    objects = PersonQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("orcid"), FieldPanel("is_group")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        # The folded key ("jose garcia", "a j million") finds names typed without accents or full stops.
        index.SearchField("name_key"),
        index.AutocompleteField("name_key"),
        index.FilterField("name_key"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def clean(self):
        key = person_name_key(self.name)
        if not key:
            raise ValidationError({"name": "Enter the person's name."})
        if Person.objects.filter(name_key=key).exclude(pk=self.pk).exists():
            raise ValidationError({"name": "A person with this name already exists."})

    @property
    def orcid_url(self):
        return orcid_url(self.orcid)

    def save(self, *args, **kwargs):
        self.name = re.sub(r"\s+", " ", self.name).strip()
        self.orcid = normalise_orcid(self.orcid) or self.orcid.strip()
        self.name_key = person_name_key(self.name)
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.name_key)[:200] or "person"
        slug, number = base, 2
        while Person.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug


class PresentationQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def live(self):
        """The presentations visitors see: published ones in a published session.

        Drafts of a published presentation live in its revisions, so the row itself is always
        what visitors should see; only rows created as drafts, and never approved, have live=False.
        """
        return self.filter(live=True, session_id__in=Session.objects.live().values_list("pk", flat=True))

    def public(self):
        """The presentations that anyone may see wherever they are listed across conferences.

        Live, in a live session, of a conference page that is live and has no view restriction
        (a password, signed-in users or groups) on itself or a page above it. Person pages and
        their counts, the sitemap, search, feeds and exports list these; a conference's own
        pages show live() rows, since Wagtail has already checked that the visitor may see it.
        """
        return self.live().filter(conference_id__in=Page.objects.live().public().values("pk"))

    def with_programme_details(self):
        """Presenters, their people, DOIs and materials (with their documents) in a fixed number of queries."""
        return self.prefetch_related(
            "dois",
            Prefetch("presenters", queryset=Presenter.objects.select_related("person")),
            "materials__document",
        )


class Presentation(
    ReviewLabelMixin, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    conference = models.ForeignKey(
        "conferences.ConferencePage", on_delete=models.CASCADE, related_name="presentations"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="presentations")
    sort_order = models.PositiveIntegerField(default=0, help_text="Order within the session.")
    title = models.CharField(max_length=1000)
    slug = models.SlugField(max_length=120, help_text="The last part of this presentation's address.")
    abstract = models.TextField(blank=True)
    video_id = models.CharField("YouTube video id", max_length=11, blank=True, validators=[validate_video_id])
    starts_at = models.DateTimeField(
        null=True, blank=True, help_text="Only when the presentation has its own time within the session."
    )
    ends_at = models.DateTimeField(null=True, blank=True)

    objects = PresentationQuerySet.as_manager()

    panels = [
        FieldPanel("session"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading="Own time"),
        FieldPanel("abstract"),
        FieldPanel("video_id"),
        InlinePanel("presenters", label="Presenter", heading="Presenters"),
        InlinePanel("dois", label="DOI", heading="DOIs"),
        InlinePanel("materials", label="Material", heading="Slides and materials"),
    ]

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("abstract"),
        index.SearchField("doi_text"),
        index.SearchField("presenter_text", boost=2),
        # The admin's listing searches autocomplete fields only: editors look presentations up by presenter.
        index.AutocompleteField("presenter_text"),
        index.SearchField("unaccented_text"),
        index.AutocompleteField("unaccented_text"),
        index.FilterField("conference_id"),
        index.FilterField("session_id"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["conference", "session__sort_order", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "slug"], name="unique_presentation_slug_per_conference")
        ]
        # What the search filters each match by, for published presentations: on PostgreSQL the search finds
        # whether a match may be shown from this index alone, without reading the presentation's row
        # (search/retrieval.py, `_run_bounded`); other databases keep only the key.
        indexes = [
            models.Index(
                fields=["id"],
                include=["conference", "session"],
                condition=models.Q(live=True),
                name="presentation_live_placement",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.session_id and self.conference_id and self.session.conference_id != self.conference_id:
            raise ValidationError({"session": "The session belongs to another conference."})
        conflicts.check_order(self)
        if self.session_id and self.starts_at:
            conflicts.check_within_dates(self, self.session.conference)
        self._fill_or_check_slug()

    def _fill_or_check_slug(self):
        conference_id = self.conference_id or (self.session.conference_id if self.session_id else None)
        if conference_id is None:
            return
        if not self.slug:
            self.slug = unique_presentation_slug(conference_id, self.title, self.pk)
            return
        clash = Presentation.objects.filter(conference_id=conference_id, slug=self.slug).exclude(pk=self.pk).first()
        if clash is not None:
            raise ValidationError(
                {"slug": f"“{clash.title}” has this address already; leave it empty for one made from the title."}
            )

    def save(self, *args, **kwargs):
        if self.session_id and not self.conference_id:
            self.conference_id = self.session.conference_id
        if not self.slug:
            self.slug = unique_presentation_slug(self.conference_id, self.title, self.pk)
        super().save(*args, **kwargs)

    @property
    def doi_text(self):
        return " ".join(doi.doi for doi in self.dois.all())

    @property
    def presenter_text(self):
        return " ".join(f"{entry.person.name} {entry.institution}" for entry in self.presenters.all())

    @property
    def unaccented_text(self):
        """The title without accents, and the presenters' names folded as people's keys are."""
        names = " ".join(entry.person.name_key for entry in self.presenters.all())
        return f"{unaccented(self.title)} {names}".strip()

    @property
    def video_url(self):
        return youtube_watch_url(self.video_id) if self.video_id else ""

    def presenter_names(self):
        return ", ".join(entry.person.name for entry in self.presenters.all())

    def get_url(self, request=None):
        return self.conference.presentation_url(self.slug, request)


def unique_presentation_slug(conference_id, title, pk=None):
    """The title as an address, numbered (-2, -3...) past the conference's other presentations."""
    base = slugify(title)[:100].strip("-") or "presentation"
    others = Presentation.objects.filter(conference_id=conference_id, slug__startswith=base).exclude(pk=pk)
    taken = set(others.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


class PresentationDOI(Orderable):
    presentation = ParentalKey(Presentation, on_delete=models.CASCADE, related_name="dois")
    doi = models.CharField("DOI", max_length=200, validators=[validate_doi])
    kind = models.CharField(
        max_length=20,
        choices=MaterialKind.choices,
        blank=True,
        help_text="What the DOI holds. Left empty, a Zenodo DOI is shown as the slides: "
        "IASSIST's presenters deposit their presentation files there.",
    )

    panels = [FieldRowPanel([FieldPanel("doi"), FieldPanel("kind")])]

    class Meta(Orderable.Meta):
        verbose_name = "DOI"
        # Search answers a DOI typed or pasted by a visitor, and Zenodo's review checks each record's DOI.
        indexes = [models.Index(fields=["doi"], name="presentation_doi")]

    def __str__(self):
        return self.doi

    def save(self, *args, **kwargs):
        self.doi = normalise_doi(self.doi) or self.doi.strip()
        super().save(*args, **kwargs)

    @property
    def url(self):
        return doi_url(self.doi)


class Presenter(Orderable):
    """One person presenting one presentation, with the institution they had then."""

    presentation = ParentalKey(Presentation, on_delete=models.CASCADE, related_name="presenters")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="presenter_entries")
    institution = models.CharField(max_length=500, blank=True)
    ror_id = RorField(
        "ROR ID of the institution",
        blank=True,
        help_text="From ror.org, e.g. 03yrm5c26; the https://ror.org/ address works too. Leave empty when unsure.",
    )
    doi = models.CharField(
        "DOI of this presenter's part",
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text="For panels where each presenter's contribution has its own DOI.",
    )

    country = models.CharField(max_length=100, blank=True, help_text="The country of the institution, as given.")

    panels = [
        FieldPanel("person"),
        FieldPanel("institution"),
        FieldPanel("ror_id"),
        FieldPanel("country"),
        FieldPanel("doi"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "presenter"
        # Search compares a presenter's DOI case-insensitively (DOIs are); an index of the upper-cased DOI
        # answers it without reading every presenter.
        indexes = [models.Index(Upper("doi"), name="presenter_doi_upper")]

    def __str__(self):
        return f"{self.person} ({self.institution})" if self.institution else str(self.person)

    @property
    def ror_url(self):
        return ror_url(self.ror_id)

    def save(self, *args, **kwargs):
        self.ror_id = stored_ror(self.ror_id)
        super().save(*args, **kwargs)
