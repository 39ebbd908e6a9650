"""Presenters of a presentation: names and institutions as typed over twenty-five years."""

import re

from .person_names import read_name
from .records import PresenterRecord
from .text import clean_line, is_placeholder
from .values import read_doi

SURNAME_FIRST = re.compile(r"^[^,]+,\s*[^,]+$")
SURNAME_FIRST_SHARE = 0.8
SURNAME_FIRST_MINIMUM = 10
PRESENTER_KEYS = {"name", "institution", "doix"}


def uses_surname_first(names):
    """True when a file writes nearly every name "Surname, Given" (as 2019 does).

    Decided per file, because elsewhere a comma separates several people or an
    affiliation ("Bill Block, University of Minnesota"), which must not be turned round.
    """
    names = [clean_line(name) for name in names if clean_line(name)]
    if len(names) < SURNAME_FIRST_MINIMUM:
        return False
    return sum(1 for name in names if SURNAME_FIRST.match(name)) >= SURNAME_FIRST_SHARE * len(names)


def presenter_records(items, where, reader):
    records = []
    for item in items:
        reader.check_keys(item, PRESENTER_KEYS, "a presenter")
        institution = clean_line(item.get("institution"))
        name = _name(item.get("name"), institution, reader.surname_first)
        if not name:
            reader.warn(f"{where}: a presenter without a name dropped")
            continue
        if institution and is_placeholder(institution):
            reader.warn(f"{where}: institution {institution!r} of presenter {name!r} is a placeholder; left empty")
            institution = ""
        doi = read_doi(item.get("doix"), f"{where}, presenter {name!r}", reader.warn)
        reading = read_name(name, institution)
        for note in reading.notes:
            reader.warn(f"{where}: {note.message}")
        records += [
            PresenterRecord(name=entry.name, institution=entry.institution, doi=doi, is_group=entry.is_group)
            for entry in reading.entries
        ]
    return records


def _name(value, institution, surname_first):
    name = clean_line(value).strip(", ")
    if institution and name.endswith(f", {institution}"):
        # "Bill Block, University of Minnesota" repeats the institution given beside it.
        name = name[: -len(institution) - 2].strip(", ")
    if surname_first and SURNAME_FIRST.match(name):
        surname, given = (part.strip() for part in name.split(",", 1))
        name = f"{given} {surname}"
    return name
