"""Start next year's conference: a draft copy of an annual conference's website, without its year.

The copy has the conference page and every page below it with their bodies, all drafts, and the
conference's menu pointing at the copies. What belongs to one year stays behind: the facts in
DATED_FIELDS, the programme and schedule (rows of the old conference, which a page copy does not
take), and the blocks that declare themselves dated (carry_over.py).

The copy is taken from the pages as they are in the database, the published versions of live pages,
as Wagtail's own Copy action takes them.
"""

from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page

from .carry_over import carry_over_stream
from .choices import ConferenceKind, DatePrecision
from .models import ConferencePage
from .text import ordinal as english_ordinal

LOG_ACTION = "conferences.start_next_conference"
# How far ahead a conference can be planned; beyond it a year is more likely a typing error.
YEARS_AHEAD = 10
MAX_ORDINAL = 32767  # the ordinal column's limit

DATED_FIELDS = {
    "theme": "",
    "start_date": None,
    "end_date": None,
    "date_precision": DatePrecision.DAY,
    "city": "",
    "country": "",
    "host": "",
    "time_zone": "",
    "website_url": "",
    "zenodo_community": "",
    "recordings_url": "",
    "image": None,
    "seo_title": "",
    "search_description": "",
}


@dataclass(frozen=True)
class NextConference:
    year: int
    title: str
    slug: str
    ordinal: int | None


def proposal(conference, today=None):
    """What the next conference after `conference` is called: the first year after it that no annual conference
    holds yet, never a past year; its ordinal the next one, unless another conference holds that too (then none)."""
    today = today or timezone.localdate()
    annual = ConferencePage.objects.filter(kind=ConferenceKind.ANNUAL).exclude(pk=conference.pk)
    taken = set(annual.values_list("year", flat=True))
    year = max(conference.year + 1, today.year)
    while year in taken:
        year += 1
    ordinal = conference.ordinal + 1 if conference.ordinal else None
    if ordinal and annual.filter(ordinal=ordinal).exists():
        ordinal = None
    return NextConference(year=year, title=f"IASSIST {year}", slug=f"iassist{year}", ordinal=ordinal)


def may_start_next_conference(user, conference):
    """Whether `user` may start the conference after `conference`: they may add pages beside it."""
    if conference.kind != ConferenceKind.ANNUAL:
        return False
    index = conference.get_parent()
    return index is not None and conference.permissions_for_user(user).can_copy_to(index, recursive=True)


class NextConferenceForm(forms.Form):
    year = forms.IntegerField(help_text="The year of the new conference.")
    title = forms.CharField(max_length=255, help_text="The new conference page's title.")
    slug = forms.SlugField(
        max_length=255, label="Address", help_text="The last part of its address, e.g. iassist2027."
    )
    ordinal = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_ORDINAL,
        help_text="Which annual conference it is: 53 for the 53rd. Leave empty if unknown.",
    )

    def __init__(self, conference, *args, today=None, **kwargs):
        self.conference = conference
        self.index = conference.get_parent()
        self.today = today or timezone.localdate()
        proposed = proposal(conference, self.today)
        kwargs["initial"] = {**proposed.__dict__, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year < self.today.year:
            raise forms.ValidationError(f"{year} is in the past: the new conference is this year or later.")
        if year > self.today.year + YEARS_AHEAD:
            raise forms.ValidationError(f"{year} is more than {YEARS_AHEAD} years ahead: check the year.")
        clash = _annual_conferences().filter(year=year).first()
        if clash:
            raise forms.ValidationError(f"{clash.title} is already the {year} conference.")
        return year

    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if not Page._slug_is_available(slug, self.index):
            raise forms.ValidationError(f"Another page in {self.index.title} has the address “{slug}”.")
        return slug

    def clean_ordinal(self):
        ordinal = self.cleaned_data["ordinal"]
        clash = _annual_conferences().filter(ordinal=ordinal).first() if ordinal else None
        if clash:
            raise forms.ValidationError(
                f"{clash.title} ({clash.year}) is already the {english_ordinal(ordinal)} annual conference."
            )
        return ordinal

    def next_conference(self):
        data = self.cleaned_data
        return NextConference(year=data["year"], title=data["title"], slug=data["slug"], ordinal=data["ordinal"])


def _annual_conferences():
    return ConferencePage.objects.filter(kind=ConferenceKind.ANNUAL).defer_streamfields().order_by("pk")


@transaction.atomic
def start_next_conference(conference, facts, user):
    """Create the draft website of the conference `facts` describe from `conference`'s; return (page, pages below)."""
    index = conference.get_parent()
    facts_update = {"title": facts.title, "slug": facts.slug, "year": facts.year, "ordinal": facts.ordinal}
    copied_root = conference.copy(
        recursive=True,
        to=index,
        update_attrs={**DATED_FIELDS, **facts_update},
        copy_revisions=False,
        keep_live=False,
        user=user,
    )
    copies = _copies_by_old_id(conference, copied_root)
    for copy in copies.values():
        _carry_over_content(copy, copies, user)
    new_page = copies[conference.pk]
    pages_below = len(copies) - 1
    log(
        instance=new_page,
        action=LOG_ACTION,
        user=user,
        data={"source": {"id": conference.pk, "title": conference.title}, "pages_below": pages_below},
    )
    return new_page, pages_below


class StartedFromFormatter(LogFormatter):
    """The new conference's history names the website it started from."""

    label = "Start next year's conference"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        source = (data.get("source") or {}).get("title") or "an earlier conference"
        return f"Started from the website of {source}, with {data.get('pages_below', 0)} pages below it"


def _copies_by_old_id(old_root, new_root):
    """{old page id: its copy}, matched by their address below each website's root."""
    old_pages = Page.objects.descendant_of(old_root, inclusive=True).values_list("pk", "url_path")
    new_pages = {
        page.url_path[len(new_root.url_path) :]: page
        for page in Page.objects.descendant_of(new_root, inclusive=True).specific()
    }
    copies = {}
    for pk, url_path in old_pages:
        copy = new_pages.get(url_path[len(old_root.url_path) :])
        if copy is not None:
            copies[pk] = copy
    return copies


def _carry_over_content(page, copies, user):
    """Empty `page`'s StreamFields of dated blocks and point their page links at the copies."""
    new_ids = {old: copy.pk for old, copy in copies.items()}
    changed = []
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        raw = getattr(page, field.name).get_prep_value()
        carried = carry_over_stream(field.stream_block, raw, new_ids)
        if carried != raw:
            setattr(page, field.name, carried)
            changed.append(field.name)
    if changed:
        page.save(clean=False, update_fields=changed)
        page.save_revision(user=user, changed=True, clean=False)
