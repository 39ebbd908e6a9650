"""What each OAI-PMH verb answers (spec section 4), appended to the response's tree."""

import datetime

from django.conf import settings
from django.db.models import Min

from conferences.models import ConferencePage, Presentation

from . import tokens
from .arguments import read_window
from .errors import OAIError
from .records import (
    METADATA_FORMATS,
    add_header,
    add_record,
    conferences_for_set,
    find,
    for_records,
    public_presentations,
    set_spec,
)
from .xml import element, oai

# Records per response (OAI_PAGE_SIZE): the biggest programme's 166 presentations take two; the whole archive 23.
PAGE_SIZE = 100
# Presentations are deleted outright (an import replaces a changed programme), so no trace is kept.
DELETED_RECORD = "no"


def identify(root, arguments, request, now):
    node = element(root, oai("Identify"))
    earliest = public_presentations().aggregate(first=Min("datestamp"))["first"]
    for name, value in (
        ("repositoryName", "IASSIST conference archive"),
        ("baseURL", root.find(oai("request")).text),
        ("protocolVersion", "2.0"),
        ("adminEmail", getattr(settings, "OAI_ADMIN_EMAIL", "web@iassistdata.org")),
        ("earliestDatestamp", earliest.strftime("%Y-%m-%dT%H:%M:%SZ") if earliest else "1970-01-01T00:00:00Z"),
        ("deletedRecord", DELETED_RECORD),
        ("granularity", "YYYY-MM-DDThh:mm:ssZ"),
    ):
        element(node, oai(name), value)


def list_metadata_formats(root, arguments, request, now):
    if "identifier" in arguments and find(arguments["identifier"]) is None:
        raise OAIError("idDoesNotExist", "No public presentation has this identifier.")
    node = element(root, oai("ListMetadataFormats"))
    for prefix, (schema, namespace) in METADATA_FORMATS.items():
        format_node = element(node, oai("metadataFormat"))
        element(format_node, oai("metadataPrefix"), prefix)
        element(format_node, oai("schema"), schema)
        element(format_node, oai("metadataNamespace"), namespace)


def list_sets(root, arguments, request, now):
    if "resumptionToken" in arguments:
        raise OAIError("badResumptionToken", "The list of sets comes whole: it has no resumption tokens.")
    with_programmes = Presentation.objects.public().values("conference_id")
    conferences = conferences_for_set_listing().filter(pk__in=with_programmes)
    node = element(root, oai("ListSets"))
    for conference in conferences:
        set_node = element(node, oai("set"))
        element(set_node, oai("setSpec"), set_spec(conference))
        element(set_node, oai("setName"), conference.title)


def conferences_for_set_listing():
    return ConferencePage.objects.live().public().defer_streamfields().order_by("year", "pk")


def get_record(root, arguments, request, now):
    _check_format(arguments["metadataPrefix"])
    presentation = find(arguments["identifier"])
    if presentation is None:
        raise OAIError("idDoesNotExist", "No public presentation has this identifier.")
    add_record(element(root, oai("GetRecord")), presentation, request)


def list_identifiers(root, arguments, request, now):
    _list(root, "ListIdentifiers", arguments, now, lambda parent, item: add_header(parent, item))


def list_records(root, arguments, request, now):
    _list(root, "ListRecords", arguments, now, lambda parent, item: add_record(parent, item, request))


def page_size():
    return getattr(settings, "OAI_PAGE_SIZE", PAGE_SIZE)


def _list(root, verb, arguments, now, add):
    size = page_size()
    state = _list_state(arguments)
    matching = _matching(state)
    page = list(for_records(matching.filter(pk__gt=state["after"]).order_by("pk"))[: size + 1])
    if not page:
        if "resumptionToken" in arguments:  # the list ended while being harvested: say so, politely
            raise OAIError("badResumptionToken", "Nothing is left of this list: start again without a token.")
        raise OAIError("noRecordsMatch", "No public presentation matches these arguments.")
    node = element(root, oai(verb))
    for item in page[:size]:
        add(node, item)
    _add_token(node, state, page, size, matching.count(), now)


def _list_state(arguments):
    if "resumptionToken" in arguments:
        state = tokens.redeem(arguments["resumptionToken"])
        if not _well_formed(state):
            raise OAIError(
                "badResumptionToken", "This resumption token is invalid or has expired: start the list again."
            )
        return state
    _check_format(arguments["metadataPrefix"])
    window = read_window(arguments)
    return {
        "prefix": arguments["metadataPrefix"],
        "set": arguments.get("set"),
        "start": window.start.isoformat() if window.start else None,
        "end": window.end.isoformat() if window.end else None,
        "after": 0,
        "cursor": 0,
    }


def _well_formed(state):
    keys = {"prefix", "set", "start", "end", "after", "cursor"}
    return isinstance(state, dict) and set(state) == keys and isinstance(state["after"], int)


def _matching(state):
    presentations = public_presentations()
    if state["set"] is not None:
        presentations = presentations.filter(conference__in=conferences_for_set(state["set"]))
    if state["start"]:
        presentations = presentations.filter(datestamp__gte=datetime.datetime.fromisoformat(state["start"]))
    if state["end"]:
        presentations = presentations.filter(datestamp__lt=datetime.datetime.fromisoformat(state["end"]))
    return presentations


def _add_token(node, state, page, size, total, now):
    if len(page) <= size:
        if state["cursor"]:  # the last page of a list given in several: an empty token closes it
            element(node, oai("resumptionToken"), completeListSize=str(total), cursor=str(state["cursor"]))
        return
    following = {**state, "after": page[size - 1].pk, "cursor": state["cursor"] + size}
    element(
        node,
        oai("resumptionToken"),
        tokens.issue(following),
        completeListSize=str(total),
        cursor=str(state["cursor"]),
        expirationDate=tokens.expiry(now).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )


def _check_format(prefix):
    if prefix not in METADATA_FORMATS:
        raise OAIError("cannotDisseminateFormat", "This repository gives oai_dc only.")


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
