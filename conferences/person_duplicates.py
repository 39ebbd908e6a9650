"""People who are likely one person written two ways, grouped for a curator to decide.

The import keeps people apart unless their names fold to the same key (`text.person_name_key`),
because a wrong merge loses more than a duplicate. Here the net is wider: initials, titles and
degrees, and the short names people go by ("Steve McEachern", "Steven McEachern", "Dr. Steve
McEachern", "S. McEachern"). A shared institution is shown as support, never as a reason alone.
Nothing is merged here; the curator chooses.
"""

import re
from dataclasses import dataclass, field

from .models import Person, Presenter
from .text import fold_accents

# Short names and the full name they stand for. Ambiguous ones (Chris, Sam, Alex, Pat, Jon) are
# left out: they would group people who only share a short name.
NICKNAMES = {
    "steve": "stephen", "steven": "stephen", "stephan": "stephen",
    "bill": "william", "will": "william", "billy": "william", "willy": "william",
    "bob": "robert", "rob": "robert", "bobby": "robert", "robbie": "robert",
    "jim": "james", "jimmy": "james", "jamie": "james",
    "kate": "katherine", "katie": "katherine", "kathy": "katherine", "cathy": "katherine",
    "catherine": "katherine", "kathryn": "katherine", "kathleen": "katherine",
    "chuck": "charles", "charlie": "charles",
    "mike": "michael", "mick": "michael", "dave": "david", "tom": "thomas", "tony": "anthony",
    "liz": "elizabeth", "beth": "elizabeth", "betsy": "elizabeth", "libby": "elizabeth",
    "jen": "jennifer", "jenny": "jennifer", "dan": "daniel", "danny": "daniel", "joe": "joseph",
    "ed": "edward", "ted": "edward", "rich": "richard", "rick": "richard", "dick": "richard",
    "andy": "andrew", "matt": "matthew", "nick": "nicholas", "peggy": "margaret", "meg": "margaret",
    "maggie": "margaret", "sue": "susan", "larry": "lawrence", "ron": "ronald", "greg": "gregory",
    "jeff": "jeffrey", "ben": "benjamin", "tim": "timothy", "fred": "frederick", "ken": "kenneth",
}  # fmt: skip
TITLES_AND_DEGREES = {"dr", "prof", "professor", "mr", "mrs", "ms", "phd", "dphil", "msc", "ma", "mba", "mls",
                      "mlis", "mphil", "bsc", "ba", "md"}  # fmt: skip
# Not a surname: "Plato Smith II" and "Plato Smitt II" must not meet on "II".
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}

SAME_SPELLING = "same name apart from accents, case or punctuation"
TITLES = "a title or degree in one name"
NICKNAME = "the same given name and surname, short names (Steve, Steven, Stephen) and middle names aside"
INITIALS = "initials for a given name"
SAME_INSTITUTION = "the same institution"


@dataclass
class NameShape:
    tokens: list[str]
    had_title: bool

    @property
    def given(self):
        return self.tokens[0] if len(self.tokens) > 1 else ""

    @property
    def surname(self):
        return self.tokens[-1] if self.tokens else ""


@dataclass
class Candidate:
    person: Person
    talks: int = 0
    years: set = field(default_factory=set)
    institutions: dict = field(default_factory=dict)  # folded -> as written

    @property
    def year_list(self):
        return ", ".join(str(year) for year in sorted(self.years))


@dataclass
class DuplicateGroup:
    members: list[Candidate]
    reasons: list[str]

    @property
    def shares_institution(self):
        return SAME_INSTITUTION in self.reasons


def name_shape(name):
    """The words of a name, folded, without brackets, titles or degrees."""
    text = re.sub(r"\([^)]*\)", " ", fold_accents(name).casefold())
    words = [word.strip(".'’") for word in re.split(r"[\s.,]+", text)]
    words = [word for word in words if word]
    kept = [word for word in words if word not in TITLES_AND_DEGREES]
    had_title = len(kept) != len(words)
    kept = [word for word in kept if word not in SUFFIXES] or kept
    return NameShape(kept or words, had_title=had_title)


def likely_duplicates(candidates):
    """Groups of two or more candidates that may be one person, largest first."""
    shapes = {candidate.person.pk: name_shape(candidate.person.name) for candidate in candidates}
    joined = _Union()
    for key, reason in ((_exact_key, SAME_SPELLING), (_full_name_key, NICKNAME)):
        _join_by(candidates, shapes, key, reason, joined)
    _join_initials(candidates, shapes, joined)
    by_pk = {candidate.person.pk: candidate for candidate in candidates}
    groups = []
    for pks, reasons in joined.groups():
        members = sorted((by_pk[pk] for pk in pks), key=lambda member: (-member.talks, member.person.name))
        if any(shapes[pk].had_title for pk in pks):
            reasons.add(TITLES)
        if _share_institution(members):
            reasons.add(SAME_INSTITUTION)
        groups.append(DuplicateGroup(members, sorted(reasons)))
    return sorted(groups, key=lambda group: (-len(group.members), group.members[0].person.name))


def candidates_with_talks():
    """Every person (not groups) with their talks, years and institutions: two queries."""
    candidates = {person.pk: Candidate(person) for person in Person.objects.filter(is_group=False).order_by("pk")}
    entries = Presenter.objects.values_list("person_id", "institution", "presentation__conference__year")
    for person_id, institution, year in entries:
        candidate = candidates.get(person_id)
        if candidate is None:
            continue
        candidate.talks += 1
        candidate.years.add(year)
        if institution:
            candidate.institutions.setdefault(fold_accents(institution).casefold().strip(), institution)
    return list(candidates.values())


def _exact_key(shape):
    return " ".join(shape.tokens) if len(shape.tokens) > 1 else None


def _full_name_key(shape):
    if len(shape.given) < 2:
        return None
    return (NICKNAMES.get(shape.given, shape.given), shape.surname)


def _join_by(candidates, shapes, key, reason, joined):
    seen = {}
    for candidate in candidates:
        value = key(shapes[candidate.person.pk])
        if value is None:
            continue
        if value in seen:
            joined.join(seen[value], candidate.person.pk, reason)
        else:
            seen[value] = candidate.person.pk


def _join_initials(candidates, shapes, joined):
    """ "S. McEachern" joins every Steven or Sarah McEachern: which one it is, the curator sees."""
    full = {}
    for candidate in candidates:
        shape = shapes[candidate.person.pk]
        if len(shape.given) >= 2:
            full.setdefault((shape.given[0], shape.surname), []).append(candidate.person.pk)
    for candidate in candidates:
        shape = shapes[candidate.person.pk]
        if len(shape.given) == 1:
            for other in full.get((shape.given, shape.surname), []):
                joined.join(candidate.person.pk, other, INITIALS)


def _share_institution(members):
    seen = set()
    for member in members:
        if seen & member.institutions.keys():
            return True
        seen |= member.institutions.keys()
    return False


class _Union:
    """Union-find over person ids, with the reasons that joined each group."""

    def __init__(self):
        self.parent, self.reasons = {}, {}

    def find(self, pk):
        self.parent.setdefault(pk, pk)
        while self.parent[pk] != pk:
            self.parent[pk] = self.parent[self.parent[pk]]
            pk = self.parent[pk]
        return pk

    def join(self, one, other, reason):
        root, other_root = self.find(one), self.find(other)
        reasons = self.reasons.pop(other_root, set()) | self.reasons.get(root, set()) | {reason}
        if root != other_root:
            self.parent[other_root] = root
        self.reasons[root] = reasons

    def groups(self):
        members = {}
        for pk in self.parent:
            members.setdefault(self.find(pk), []).append(pk)
        return [(pks, set(self.reasons.get(root, set()))) for root, pks in members.items() if len(pks) > 1]
