"""One OAI-PMH record per public presentation: its header and its Dublin Core (oai_dc) metadata."""

import re
from urllib.parse import quote, unquote

from django.conf import settings
from django.db.models.functions import Coalesce

from conferences.citations import conference_title
from conferences.models import ConferencePage, Presentation
from conferences.zenodo import doi_url

from .xml import DC, OAI_DC, OAI_DC_SCHEMA, XSI, element, oai

METADATA_FORMATS = {"oai_dc": (OAI_DC_SCHEMA, OAI_DC)}
# The OAI-PMH's own vocabulary, and OpenAIRE's, which European aggregators read.
DC_TYPES = ("Text", "info:eu-repo/semantics/conferenceObject")
SET_SPEC = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")


def repository_identifier():
    return getattr(settings, "OAI_REPOSITORY_IDENTIFIER", "conferences.iassistdata.org")


def public_presentations():
    """Public presentations with the datestamp they are harvested by: their publication, else their conference's."""
    return Presentation.objects.public().annotate(
        datestamp=Coalesce("last_published_at", "conference__last_published_at", "conference__first_published_at")
    )


def for_records(queryset):
    return queryset.select_related("conference").with_programme_details()


def set_spec(conference):
    """The conference's slug when OAI-PMH's set syntax allows it (Wagtail allows Unicode slugs), else its number."""
    return conference.slug if SET_SPEC.fullmatch(conference.slug) else f"conference-{conference.pk}"


def conferences_for_set(spec):
    conferences = ConferencePage.objects.live().public()
    if match := re.fullmatch(r"conference-(\d{1,18})", spec):
        return conferences.filter(pk=int(match[1]))
    return conferences.filter(slug=spec)


def oai_identifier(presentation):
    local = f"{quote(presentation.conference.slug, safe='')}/{quote(presentation.slug, safe='')}"
    return f"oai:{repository_identifier()}:{local}"


def find(identifier):
    """The public presentation that an identifier names, or None."""
    prefix = f"oai:{repository_identifier()}:"
    if not identifier.startswith(prefix) or identifier.count("/") != 1:
        return None
    conference_slug, slug = (unquote(part) for part in identifier[len(prefix) :].split("/"))
    found = public_presentations().filter(conference__slug=conference_slug, slug=slug)
    return for_records(found).first()


def datestamp(presentation):
    return presentation.datestamp.strftime("%Y-%m-%dT%H:%M:%SZ") if presentation.datestamp else "1970-01-01T00:00:00Z"


def add_header(parent, presentation):
    header = element(parent, oai("header"))
    element(header, oai("identifier"), oai_identifier(presentation))
    element(header, oai("datestamp"), datestamp(presentation))
    element(header, oai("setSpec"), set_spec(presentation.conference))
    return header


def add_record(parent, presentation, request):
    record = element(parent, oai("record"))
    add_header(record, presentation)
    metadata = element(record, oai("metadata"))
    add_dublin_core(metadata, presentation, request)
    return record


def add_dublin_core(parent, presentation, request):
    dc = element(parent, f"{{{OAI_DC}}}dc", **{f"{{{XSI}}}schemaLocation": f"{OAI_DC} {OAI_DC_SCHEMA}"})
    for name, value in dublin_core(presentation, request):
        if value:
            element(dc, f"{{{DC}}}{name}", value)
    return dc


def dublin_core(presentation, request):
    """(element, value) pairs in the order oai_dc lists them."""
    conference = presentation.conference
    url = presentation.get_url(request) or ""
    if url.startswith("/"):
        url = request.build_absolute_uri(url)
    pairs = [("title", presentation.title)]
    pairs += [("creator", entry.person.name) for entry in presentation.presenters.all()]
    pairs += [("description", presentation.abstract), ("publisher", "IASSIST"), ("date", _date(conference))]
    pairs += [("type", dc_type) for dc_type in DC_TYPES]
    pairs += [("identifier", url)]
    pairs += [("identifier", doi_url(doi.doi)) for doi in presentation.dois.all()]
    pairs += [("source", conference_title(conference)), ("coverage", conference.location)]
    # oai_dc has no place for a creator's identifier: their ORCID iDs are related resources.
    pairs += [("relation", entry.person.orcid_url) for entry in presentation.presenters.all()]
    return pairs


def _date(conference):
    return conference.start_date.isoformat() if conference.start_date else str(conference.year)
