"""What a presenter's name field holds, read apart: one person or several, their institution, titles.

Over twenty-five years the name field was used for more than a name: "Pascal Heus, Jack Gager,
Carson Hunter", "Deirdre Lungley, UK Data Archive", "Colin Conrad, PhD", "SONIA BARBOSA",
"2019 IASSIST organizing committee". Each reading is noted, so that editors can check it in the
import's warnings. What cannot be decided from the text alone (a surname first, a comma between a
name and its initials) is kept as written and noted as undecided: a wrong guess would merge or
split real people, which is worse than a name shown as the source typed it.

Pure: strings in, plain values out.
"""

import re
from dataclasses import dataclass, field

GROUP_WORDS = re.compile(
    r"\b(committee|organi[sz]ers|organi[sz]ing|team|working group|task force|panel(ists)?|staff|"
    r"members|participants|attendees)\b",
    re.IGNORECASE,
)
ROLES = re.compile(r"\s*\((presenter|co-?author|speaker|moderator|chair|discussant)\)", re.IGNORECASE)
ET_AL = re.compile(r"[\s,]*\b(et\.? al\.?|and others|& others)\s*$", re.IGNORECASE)
TITLES = re.compile(r"^(dr|prof|professor|mr|mrs|ms)\.?\s+", re.IGNORECASE)
# Degrees as people append them; compared without full stops ("Ph.D." is "phd").
DEGREES = {"phd", "dphil", "msc", "ma", "mba", "mls", "mlis", "mlitt", "mphil", "bsc", "ba", "md", "edd", "dr"}
INSTITUTION_WORDS = re.compile(
    r"\b(university|universit[ée]|college|institute|institut|school|archives?|library|libraries|centre|"
    r"center|council|service|foundation|bureau|office|department|ministry|agency|project|data|"
    r"statistics|inc|ltd|gmbh|corporation|association|network|consortium|dataverse|iqss|icpsr)\b",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,9}$")
INITIALS_ONLY = re.compile(r"^(?:[A-Z](?:\.|\b)[\s,-]*)+$")
PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "des", "dos", "das", "la", "le",
             "ten", "ter", "y", "e", "af", "zu"}  # fmt: skip
# "(Sciences Po, CNRS)" may be an institution; "(Bill)" is a name people use.
BRACKETED_INSTITUTION = re.compile(r"\([^)]*(,|\b[A-Z]{2,}\b)[^)]*\)")
SEPARATORS = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*|\s*,\s*")


@dataclass(frozen=True)
class Note:
    """One reading of a name field; `kind` names the rule, for counting in the report."""

    kind: str  # split, institution, degree, capitals, role, et-al, group, undecided
    message: str


@dataclass
class NamedEntry:
    name: str
    institution: str
    is_group: bool = False


@dataclass
class Reading:
    entries: list[NamedEntry]
    notes: list[Note] = field(default_factory=list)


def read_name(name, institution):
    """The presenter entries that one name field (and the institution beside it) stands for."""
    notes = []
    name = _strip_roles(name, notes)
    if GROUP_WORDS.search(name) or re.match(r"^\d{4}\b", name):
        notes.append(Note("group", f"{name!r} names a group, not a person; kept as a group"))
        return Reading([NamedEntry(name, institution, is_group=True)], notes)
    name = _strip_et_al(name, notes)
    people, found_institution, degrees = _parts(name)
    if degrees:
        notes.append(Note("degree", f"{', '.join(degrees)} removed from {name!r}"))
    if people is None:
        notes.append(Note("undecided", f"{name!r} may be written surname first or with initials; kept as written"))
        return Reading([NamedEntry(_tidy(name, notes), institution)], notes)
    if found_institution:
        institution = _with_institution(institution, found_institution, name, notes)
    if any(BRACKETED_INSTITUTION.search(person) for person in people):
        notes.append(Note("undecided", f"{name!r} has an institution in brackets, perhaps; kept as written"))
    if len(people) > 1:
        notes.append(Note("split", f"{name!r} names {len(people)} people; each presents on their own"))
    return Reading([NamedEntry(_tidy(person, notes), institution) for person in people], notes)


def _strip_roles(name, notes):
    stripped = ROLES.sub("", name).strip()
    if stripped != name:
        notes.append(Note("role", f"role removed from {name!r}"))
    return stripped


def _strip_et_al(name, notes):
    stripped = ET_AL.sub("", name).strip(" ,")
    if stripped != name:
        notes.append(Note("et-al", f"“et al” removed from {name!r}: the co-authors are not named"))
    return stripped or name


def _parts(name):
    """(people, institution, degrees) from a field; people is None when the commas cannot be read safely."""
    pieces = [(piece, start) for piece, start in _split_outside_brackets(name) if piece]
    degrees, people, institution = [], [], ""
    for piece, start in pieces:
        if _is_degree(piece):
            degrees.append(piece)
        elif _looks_like_institution(piece) and people:
            # "The Dataverse Project, IQSS": everything after the first institution is part of it, as written.
            institution = name[start:].strip(" ,;")
            break
        else:
            person, person_degrees = _without_titles(piece)
            degrees += person_degrees
            people.append(person)
    if not people or any(not _is_full_name(person) for person in people):
        return (None, "", degrees) if len(pieces) > 1 else ([name], "", degrees)
    return people, institution, degrees


def _split_outside_brackets(text):
    """(piece, its start) between separators; "(Sciences Po, CNRS)" stays whole."""
    pieces, depth, start = [], 0, 0
    for match in re.finditer(r"[()]|" + SEPARATORS.pattern, text):
        mark = match.group()
        if mark == "(":
            depth += 1
        elif mark == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            pieces.append((text[start : match.start()].strip(), start))
            start = match.end()
    pieces.append((text[start:].strip(), start))
    return pieces


def _is_degree(piece):
    return piece.replace(".", "").replace(" ", "").casefold() in DEGREES


def _without_titles(piece):
    degrees = []
    match = TITLES.match(piece)
    if match:
        degrees.append(match.group().strip())
        piece = piece[match.end() :]
    words = piece.split()
    while len(words) > 2 and _is_degree(words[-1]):
        degrees.append(words.pop())
    return " ".join(words), degrees


def _looks_like_institution(piece):
    return bool(INSTITUTION_WORDS.search(piece) or ACRONYM.match(piece))


def _is_full_name(piece):
    """At least a given name and a surname, not initials alone ("T.E")."""
    words = piece.split()
    return len(words) >= 2 and not INITIALS_ONLY.match(piece)


def _with_institution(given, found, name, notes):
    if not given or found.casefold() in given.casefold():
        notes.append(Note("institution", f"institution {found!r} moved out of the name {name!r}"))
        return given or found
    if given.casefold() in found.casefold():
        notes.append(Note("institution", f"institution {found!r} moved out of the name {name!r}"))
        return found
    notes.append(Note("institution", f"institution {found!r} moved out of the name {name!r}, after {given!r}"))
    return f"{given}; {found}"


def _tidy(name, notes):
    if _all_capitals(name):
        fixed = " ".join(_capitalise(word, first=index == 0) for index, word in enumerate(name.split()))
        notes.append(Note("capitals", f"{name!r} written in capitals; shown as {fixed!r}"))
        return fixed
    return name


def _all_capitals(name):
    letters = [char for char in name if char.isalpha()]
    return len(letters) > 3 and all(char.isupper() for char in letters) and not INITIALS_ONLY.match(name)


def _capitalise(word, first):
    lower = word.lower()
    if not first and lower in PARTICLES:
        return lower
    return "-".join("'".join(_capitalise_part(part) for part in piece.split("'")) for piece in lower.split("-"))


def _capitalise_part(part):
    if len(part) > 3 and part.startswith("mc"):
        return "Mc" + part[2:].capitalize()
    # "Mac" starts a surname only before a consonant that does not make the word Machado or Mack.
    if len(part) > 5 and part.startswith("mac") and part[3] not in "aeiouhky":
        return "Mac" + part[3:].capitalize()
    return part.capitalize()
