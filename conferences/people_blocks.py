"""Blocks for the people and organisations of a conference website: sponsors, speakers, committees,
and its workshops and social programme.

Editors fill in fields; the templates do the formatting. Blocks are read in bulk: a page's
sponsors with their logos, its speakers' photos and sessions, each in one query for the page
however many there are, and their renditions in one more.
"""

import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.snippets.blocks import SnippetChooserBlock

from . import paths
from .choices import SessionType
from .schedule_extract import entries_zone_label, entry_href, schedule_slots
from .time_zones import conference_zone, day_heading, zone_label
from .web_links import web_address

LOGO_RENDITION = "max-360x160"
PHOTO_RENDITION = "fill-240x240"
BIO_FEATURES = ["bold", "italic", "link"]


def _renditions(spec):
    return get_image_model().get_rendition_model().objects.filter(filter_spec=spec)


def prefetch_renditions(images, spec):
    """One query for the renditions of all `images` (Wagtail then looks no further for them)."""
    images = [image for image in images if image is not None]
    prefetch_related_objects(
        images, Prefetch("renditions", queryset=_renditions(spec), to_attr="prefetched_renditions")
    )


def image_tag(image, spec, alt, **attributes):
    """The `<img>` of a rendition with its width and height, so that the page does not shift as it loads."""
    rendition = get_renditions_or_not_found(image, [spec])[spec]
    return rendition.img_tag({"alt": alt, "loading": "lazy", "decoding": "async", **attributes})


class WebAddressBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=500, validators=[web_address], **kwargs)


class InBulkChooserMixin:
    """A chooser whose rows for a whole page are read in one query, with what the template needs."""

    def chosen_queryset(self):
        return self.model_class.objects.all()

    def bulk_to_python(self, values):
        values = list(values)
        found = self.chosen_queryset().in_bulk([pk for pk in values if pk is not None])
        return [found.get(pk) for pk in values]


class SponsorChooserBlock(InBulkChooserMixin, SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("conferences.Sponsor", **kwargs)

    def chosen_queryset(self):
        logo_renditions = Prefetch(
            "logo__renditions", queryset=_renditions(LOGO_RENDITION), to_attr="prefetched_renditions"
        )
        return self.model_class.objects.select_related("logo").prefetch_related(logo_renditions)


class SessionChooserBlock(InBulkChooserMixin, SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("conferences.Session", **kwargs)

    def chosen_queryset(self):
        return self.model_class.objects.select_related("conference")


class PersonChooserBlock(InBulkChooserMixin, SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("conferences.Person", **kwargs)


# -- sponsors -----------------------------------------------------------------


class SponsorTierBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=100, help_text="The tier's name, e.g. “Platinum”, “Gold” or “Supporters”.")
    sponsors = blocks.ListBlock(
        SponsorChooserBlock(help_text="A sponsor from the Sponsors list; add new ones there."),
        help_text="In the order they are shown.",
    )

    class Meta:
        icon = "site"
        label_format = "{name}"

    def clean(self, value):
        value = super().clean(value)
        if not [sponsor for sponsor in value["sponsors"] if sponsor is not None]:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "sponsors": ValidationError(
                        f"Choose at least one sponsor for the “{value['name']}” tier, or remove the tier."
                    )
                }
            )
        return value


def sponsors_preview():
    """The first sponsors with logos from the Sponsors list, so that the editor sees real logos."""
    sponsors = apps.get_model("conferences", "Sponsor").objects.exclude(logo=None).select_related("logo")
    return {"heading": "Our sponsors", "tiers": [{"name": "Gold", "sponsors": list(sponsors[:4])}]}


class SponsorsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=150, required=False, help_text="Shown above the logos. Leave empty for “Sponsors”."
    )
    tiers = blocks.ListBlock(SponsorTierBlock(), min_num=1, help_text="The highest tier first.")

    class Meta:
        icon = "site"
        template = "components/blocks/sponsors.html"
        help_text = "The conference's sponsors by tier, as logos that lead to their websites."
        description = "Sponsors' logos grouped by tier."
        preview_value = staticmethod(sponsors_preview)

    def clean(self, value):
        value = super().clean(value)
        tier_of = {}
        for tier in value["tiers"]:
            for sponsor in tier["sponsors"]:
                if sponsor is None:
                    continue
                if sponsor.pk in tier_of:
                    raise ValidationError(
                        f"{sponsor.name} is listed twice (in “{tier_of[sponsor.pk]}” and “{tier['name']}”)."
                    )
                tier_of[sponsor.pk] = tier["name"]
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["tiers"] = [
            {"name": tier["name"], "sponsors": [_sponsor_card(s) for s in tier["sponsors"] if s is not None]}
            for tier in value["tiers"]
        ]
        return context


def _sponsor_card(sponsor):
    logo = sponsor.logo
    alt = sponsor.logo_alt_text or (logo.description if logo else "") or sponsor.name
    return {
        "sponsor": sponsor,
        "logo": image_tag(logo, LOGO_RENDITION, alt) if logo else "",
        # Rows written past the admin's checks (a script, a shell) must not put a script into a link.
        "href": sponsor.url if sponsor.url.startswith(("https://", "http://")) else "",
    }


# -- speakers -----------------------------------------------------------------


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200, help_text="The speaker's name as it should be shown.")
    photo = ImageBlock(required=False, help_text="A portrait; it is cropped to a square around its focal point.")
    affiliation = blocks.CharBlock(max_length=300, required=False, help_text="Their institution or organisation.")
    bio = blocks.RichTextBlock(features=BIO_FEATURES, required=False, help_text="A short biography.")
    session = SessionChooserBlock(
        required=False, help_text="Their session in the programme, if it is there; the page links to it."
    )

    class Meta:
        icon = "user"
        label_format = "{name}"


class SpeakersBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=150, required=False, help_text="Shown above the speakers. Leave empty for “Keynote speakers”."
    )
    speakers = blocks.ListBlock(SpeakerBlock(), min_num=1)

    class Meta:
        icon = "user"
        template = "components/blocks/speakers.html"
        help_text = "Keynote and plenary speakers with their photos, affiliations and biographies."
        description = "Keynote or plenary speakers."
        preview_value = {
            "heading": "Keynote speakers",
            "speakers": [
                {
                    "name": "Ann Lee",
                    "affiliation": "University of Bristol",
                    "bio": "<p>Ann leads the data rescue programme of the university library.</p>",
                }
            ],
        }

    def bulk_to_python(self, values):
        speakers_blocks = super().bulk_to_python(values)
        photos = [speaker.get("photo") for block in speakers_blocks for speaker in block["speakers"]]
        prefetch_renditions(photos, PHOTO_RENDITION)
        return speakers_blocks

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = context.get("request")
        context["speakers"] = [_speaker_card(speaker, request) for speaker in value["speakers"]]
        return context


def _speaker_card(speaker, request):
    photo = speaker.get("photo")
    return {
        "speaker": speaker,
        "photo": image_tag(photo, PHOTO_RENDITION, photo.contextual_alt_text or "") if photo else "",
        "session_url": session_url(speaker.get("session"), request),
    }


def session_url(session, request=None):
    """The session's place in its conference's programme, while visitors can see both."""
    if session is None or not session.live or not session.conference.live:
        return ""
    conference_url = session.conference.get_url(request)
    return f"{conference_url}#{paths.session_anchor(session.pk)}" if conference_url else ""


# -- committees ---------------------------------------------------------------

COMMITTEE_ROLES = [
    ("chair", "Chair"),
    ("co_chair", "Co-chair"),
    ("member", "Member"),
    ("ex_officio", "Ex officio"),
]
ROLE_LABELS = dict(COMMITTEE_ROLES)


class CommitteeMemberBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        max_length=200, required=False, help_text="Leave empty to show the name of the person chosen below."
    )
    person = PersonChooserBlock(
        required=False, help_text="Their page among IASSIST's presenters, if they have one: the name links to it."
    )
    role = blocks.ChoiceBlock(choices=COMMITTEE_ROLES, default="member")
    institution = blocks.CharBlock(max_length=300, required=False)

    class Meta:
        icon = "user"
        label_format = "{name}"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("name") and value.get("person") is None:
            raise blocks.StructBlockValidationError(
                block_errors={"name": ValidationError("Enter the member's name or choose their person page.")}
            )
        return value


class CommitteeBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200, help_text="E.g. “Programme Committee” or “Local Arrangements Committee”.")
    years = blocks.CharBlock(
        max_length=40, required=False, help_text="The year or years it served, e.g. 2026 or 2025–2026."
    )
    members = blocks.ListBlock(CommitteeMemberBlock(), min_num=1, help_text="In the order they are shown.")

    class Meta:
        icon = "group"
        template = "components/blocks/committee.html"
        help_text = "A committee and its members, with their roles and institutions."
        description = "A committee's members."
        preview_value = {
            "name": "Programme Committee",
            "years": "2026",
            "members": [
                {"name": "Jane Fry", "role": "chair", "institution": "Carleton University"},
                {"name": "Bo Chen", "role": "member", "institution": "UK Data Service"},
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        years = value.get("years") or ""
        if years and not _is_years(years):
            raise blocks.StructBlockValidationError(
                block_errors={"years": ValidationError("Enter a year such as 2026, or two such as 2025–2026.")}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = context.get("request")
        chosen = any(member.get("person") for member in value["members"])
        people_index = _people_index(request) if chosen else None
        context["members"] = [_member_card(member, people_index, request) for member in value["members"]]
        return context


def _is_years(text):
    parts = text.replace("–", "-").replace(" ", "").split("-")
    return len(parts) <= 2 and all(len(part) == 4 and part.isdigit() for part in parts)


def _people_index(request):
    return apps.get_model("conferences", "ConferenceIndexPage").for_request(request)


def _member_card(member, people_index, request):
    person = member.get("person")
    return {
        "name": member.get("name") or (person.name if person else ""),
        "role": ROLE_LABELS.get(member.get("role"), ""),
        "institution": member.get("institution", ""),
        "url": people_index.person_url(person.slug, request) if person and people_index else "",
    }


# -- workshops and the social programme ---------------------------------------


class ProgrammeEntryBlock(blocks.StructBlock):
    """A workshop or social event typed in, for a conference whose schedule does not list it."""

    title = blocks.CharBlock(max_length=300)
    date = blocks.DateBlock(required=False)
    start = blocks.TimeBlock(required=False, label="Start time", help_text="The venue's local time.")
    end = blocks.TimeBlock(required=False, label="End time")
    place = blocks.CharBlock(max_length=300, required=False, help_text="Room, building or venue.")
    description = blocks.TextBlock(max_length=2000, required=False)
    link = WebAddressBlock(required=False, help_text="Its page on another site, e.g. for booking (https://…).")

    class Meta:
        icon = "date"
        label_format = "{title}"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if (value.get("start") or value.get("end")) and not value.get("date"):
            errors["date"] = ValidationError("Enter the date as well as the time.")
        if value.get("end") and not value.get("start"):
            errors["start"] = ValidationError("Enter the start time as well as the end time.")
        elif value.get("start") and value.get("end") and value["end"] <= value["start"]:
            errors["end"] = ValidationError("The end is not after the start.")
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class ScheduleExtractBlock(blocks.StructBlock):
    """The conference's slots of some kinds, from its schedule when it lists them, else as typed in."""

    slot_types = frozenset()
    default_heading = ""

    heading = blocks.CharBlock(max_length=150, required=False, help_text="Leave empty for the usual heading.")
    entries = blocks.ListBlock(
        ProgrammeEntryBlock(),
        help_text="Shown only while the conference's schedule lists none: once it does, the page shows those.",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        conference, slots = schedule_slots(context, self.slot_types)
        context["heading"] = value.get("heading") or self.default_heading
        if slots:
            conference_url = conference.get_url(context.get("request"))
            context["entries"] = [_slot_card(slot, conference_url) for slot in slots]
            context["zone_label"] = entries_zone_label(slots)
        else:
            zone = conference_zone(conference.time_zone) if conference and conference.time_zone else None
            context["entries"] = [_typed_card(entry, zone) for entry in value["entries"]]
            context["zone_label"] = _typed_zone_label(value["entries"], zone)
        return context


def _slot_card(slot, conference_url):
    times = f"{slot.start_text}–{slot.end_text}" if slot.end_text else slot.start_text
    return {
        "title": slot.heading,
        "when": f"{slot.day_heading}, {times}",
        "datetime": slot.local_start.isoformat(),
        "place": slot.location,
        "description": slot.description,
        "url": entry_href(slot, conference_url),
    }


def _typed_card(entry, zone):
    date, start, end = entry.get("date"), entry.get("start"), entry.get("end")
    when, stamp = "", ""
    if date:
        when, stamp = day_heading(date), date.isoformat()
        if start:
            when += f", {start:%H:%M}" + (f"–{end:%H:%M}" if end else "")
            stamp = datetime.datetime.combine(date, start, zone).isoformat(timespec="minutes")
    return {
        "title": entry["title"],
        "when": when,
        "datetime": stamp,
        "place": entry.get("place", ""),
        "description": entry.get("description", ""),
        "url": entry.get("link", ""),
    }


def _typed_zone_label(entries, zone):
    moments = [
        datetime.datetime.combine(e["date"], e["start"], zone) for e in entries if e.get("date") and e.get("start")
    ]
    if not moments:
        return ""
    return zone_label(zone, moments) if zone else "the venue’s local time"


class WorkshopsBlock(ScheduleExtractBlock):
    slot_types = frozenset({SessionType.WORKSHOP})
    default_heading = "Workshops"

    class Meta:
        icon = "clipboard-list"
        template = "components/blocks/schedule_extract.html"
        help_text = "The conference's workshops: from its schedule once it lists them, until then as entered here."
        description = "The workshops, with times and rooms."
        preview_value = {
            "entries": [
                {
                    "title": "R for survey data",
                    "date": datetime.date(2026, 6, 2),
                    "start": datetime.time(9, 0),
                    "end": datetime.time(12, 0),
                    "place": "Lab 3, Gelman Library",
                }
            ]
        }


class SocialProgrammeBlock(ScheduleExtractBlock):
    slot_types = frozenset({SessionType.RECEPTION, SessionType.BANQUET, SessionType.SOCIAL})
    default_heading = "Social programme"

    class Meta:
        icon = "calendar-check"
        template = "components/blocks/schedule_extract.html"
        help_text = (
            "The conference's receptions, banquet and social events: from its schedule once it lists them, "
            "until then as entered here."
        )
        description = "The social events, with times and places."
        preview_value = {
            "entries": [
                {
                    "title": "Welcome reception",
                    "date": datetime.date(2026, 6, 2),
                    "start": datetime.time(18, 0),
                    "end": datetime.time(20, 0),
                    "place": "M Shed",
                }
            ]
        }
