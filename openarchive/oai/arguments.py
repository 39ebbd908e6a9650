"""The arguments of an OAI-PMH request, checked against what each verb allows (spec section 4)."""

import datetime
import re
from dataclasses import dataclass

from .errors import OAIError, bad_argument

VERBS = {
    # verb: (required, optional, exclusive)
    "Identify": ((), (), None),
    "ListMetadataFormats": ((), ("identifier",), None),
    "ListSets": ((), (), "resumptionToken"),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
    "GetRecord": (("identifier", "metadataPrefix"), (), None),
}
# No argument of a real request comes near this; a longer one is refused before any work.
MAX_ARGUMENT_LENGTH = 2000
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SECONDS = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def read_verb(query):
    verbs = query.getlist("verb")
    if not verbs:
        raise OAIError("badVerb", "The request has no verb.")
    if len(verbs) > 1:
        raise OAIError("badVerb", "The verb is repeated.")
    if verbs[0] not in VERBS:
        raise OAIError("badVerb", "This is not an OAI-PMH verb.")
    return verbs[0]


def read_arguments(verb, query):
    """{name: value} of the verb's arguments; badArgument for any unknown, repeated, missing or oversized one."""
    required, optional, exclusive = VERBS[verb]
    arguments = {}
    for name in query:
        if name == "verb":
            continue
        values = query.getlist(name)
        if name not in (*required, *optional, exclusive):
            raise bad_argument(f"{verb} takes no argument of this name.")
        if len(values) > 1:
            raise bad_argument(f"The argument {name} is repeated.")
        if len(values[0]) > MAX_ARGUMENT_LENGTH:
            raise bad_argument(f"The argument {name} is too long.")
        arguments[name] = values[0]
    if exclusive and exclusive in arguments:
        if len(arguments) > 1:
            raise bad_argument(f"{exclusive} is an exclusive argument: send it alone with the verb.")
        return arguments
    missing = [name for name in required if not arguments.get(name)]
    if missing:
        raise bad_argument(f"{verb} needs the argument {missing[0]}.")
    return arguments


@dataclass(frozen=True)
class Window:
    """The from/until of a list request as a half-open range of datestamps: start <= datestamp < end."""

    start: datetime.datetime | None = None
    end: datetime.datetime | None = None


def read_window(arguments):
    start = _moment(arguments.get("from"), "from")
    until = _moment(arguments.get("until"), "until")
    if start and until and start[1] != until[1]:
        raise bad_argument("from and until must have the same granularity.")
    if start and until and start[0] > until[0]:
        raise bad_argument("from is later than until.")
    end = until[0] + until[1] if until else None
    return Window(start[0] if start else None, end)


def _moment(value, name):
    """(the moment, the step of its granularity: a day or a second), or None when the argument is absent."""
    if value is None:
        return None
    try:
        if DAY.fullmatch(value):
            day = datetime.datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=datetime.UTC)
            return day, datetime.timedelta(days=1)
        if SECONDS.fullmatch(value):
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
            return moment, datetime.timedelta(seconds=1)
    except ValueError:
        pass
    raise bad_argument(f"{name} must be a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDThh:mm:ssZ).")
