"""From matched Zenodo records to proposals in the editors' review queue; nothing in the programme is changed here.

A matched record may propose:
- its DOI, for a presentation that has none (and only if no other presentation has that DOI);
- a creator's ORCID iD, for the presenter of the same family name who has none (checked as the
  person form checks it, and only if no other person has it already);
- its title, when the programme's is clearly the worse copy: all capitals, or cut short.
ROR ids are not proposed: Zenodo's JSON gives a creator's affiliation by name only, and the
programme has no field for one yet.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch

from conferences.models import Person, Presentation, PresentationDOI, Presenter
from conferences.orcid import normalise_orcid, validate_orcid
from conferences.zenodo import NotAZenodoTarget, parse_zenodo

from . import matching
from .models import ProposalKind, ZenodoProposal

_MARKER = re.compile(r"^\s*\(\s*virtual\s*\)\s*[-–—:]*\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    kind: str
    presentation: Presentation
    current_value: str
    proposed_value: str
    match: matching.Match
    person: Person | None = None


@dataclass
class SyncResult:
    conference: object
    community: str
    records: int = 0
    skipped: list = field(default_factory=list)
    matches: list = field(default_factory=list)
    new: Counter = field(default_factory=Counter)
    known: int = 0
    notes: Counter = field(default_factory=Counter)
    capped: bool = False

    def count(self, outcome):
        return sum(1 for match in self.matches if match.outcome == outcome)


def community_of(conference):
    """The Zenodo community a conference page links (its identifier, e.g. iassist-2022), or ""."""
    try:
        target = parse_zenodo(conference.zenodo_community) if conference.zenodo_community else None
    except NotAZenodoTarget:
        return ""
    return target.identifier if target and target.kind == "community" else ""


def programme_of(conference):
    """The conference's presentations with their presenters, people and DOIs, in three queries."""
    presenters = Presenter.objects.select_related("person").order_by("sort_order", "pk")
    return list(
        Presentation.objects.filter(conference=conference).prefetch_related(
            Prefetch("presenters", queryset=presenters), "dois"
        )
    )


def facts_of(presentation, year):
    names = tuple(entry.person.name for entry in presentation.presenters.all())
    return matching.PresentationFacts(presentation.pk, presentation.title, year, names)


def sync_conference(conference, fetched):
    """Match `fetched` (client.CommunityRecords) against the conference's programme and queue the proposals."""
    result = SyncResult(conference, fetched.community, len(fetched.records), list(fetched.skipped))
    result.capped = fetched.capped
    programme = {presentation.pk: presentation for presentation in programme_of(conference)}
    facts = [facts_of(presentation, conference.year) for presentation in programme.values()]
    result.matches = matching.match_records(fetched.records, facts)
    found = [match for match in result.matches if match.outcome == matching.MATCHED]
    candidates = list(_candidates(found, programme, result.notes))
    with transaction.atomic():
        for candidate in candidates:
            if _queue(conference, candidate):
                result.new[candidate.kind] += 1
            else:
                result.known += 1
    return result


def _candidates(found, programme, notes):
    dois_in_use = _dois_in_use([match.record.doi for match in found])
    orcids_in_use = _orcids_in_use(found)
    for match in found:
        presentation = programme[match.presentation.presentation_id]
        yield from _doi_candidate(match, presentation, dois_in_use, notes)
        yield from _title_candidate(match, presentation)
        yield from _orcid_candidates(match, presentation, orcids_in_use, notes)


def _dois_in_use(dois):
    on_presentations = PresentationDOI.objects.filter(doi__in=dois).values_list("doi", flat=True)
    on_presenters = Presenter.objects.filter(doi__in=dois).values_list("doi", flat=True)
    return set(on_presentations) | set(on_presenters)


def _orcids_in_use(found):
    orcids = {normalise_orcid(creator.orcid) for match in found for creator in match.record.creators if creator.orcid}
    return set(Person.objects.filter(orcid__in=orcids - {None}).values_list("orcid", flat=True))


def _doi_candidate(match, presentation, dois_in_use, notes):
    if presentation.dois.all():
        return
    if match.record.doi in dois_in_use:
        notes["DOI already on another presentation"] += 1
        return
    yield Candidate(ProposalKind.DOI, presentation, "", match.record.doi, match)


def _title_candidate(match, presentation):
    proposed = better_title(presentation.title, match.record.title)
    if proposed:
        yield Candidate(ProposalKind.TITLE, presentation, presentation.title, proposed, match)


def better_title(current, zenodo_title):
    """Zenodo's title when it is clearly better than the programme's, else None.

    Clearly better: the programme's is in capitals and Zenodo's is not, or the programme's is cut
    short (Zenodo's starts with it, or it ends in an ellipsis Zenodo's fills). A programme's
    "(Virtual) -" is kept in front.
    """
    marker = (_MARKER.match(current) or [""])[0]
    bare = current[len(marker) :].strip()
    if re.sub(r"\s+", " ", bare).casefold() == re.sub(r"\s+", " ", zenodo_title).casefold():
        return _capitals_fixed(bare, zenodo_title, marker)
    cut = bare.rstrip(".… ").strip() if bare.endswith(("...", "…")) else bare
    short, full = matching.normalise_title(cut), matching.normalise_title(zenodo_title)
    if short and full.startswith(short) and len(full) > len(short):
        return f"{marker}{zenodo_title}"
    return None


def _capitals_fixed(bare, zenodo_title, marker):
    letters = [char for char in bare if char.isalpha()]
    if letters and all(char.isupper() for char in letters) and not zenodo_title.isupper():
        return f"{marker}{zenodo_title}"
    return None


def _orcid_candidates(match, presentation, orcids_in_use, notes):
    entries = list(presentation.presenters.all())
    for creator in match.record.creators:
        if not creator.orcid:
            continue
        orcid = normalise_orcid(creator.orcid)
        try:
            validate_orcid(orcid or creator.orcid)
        except ValidationError:
            notes["ORCID iD not valid"] += 1
            continue
        person = presenter_for(creator, entries)
        if person is None or person.orcid:
            continue
        if orcid in orcids_in_use:
            notes["ORCID iD already on another person"] += 1
            continue
        yield Candidate(ProposalKind.ORCID, presentation, "", orcid, match, person)


def presenter_for(creator, entries):
    """The one presenter whose family name is the creator's and whose first initial does not differ."""
    family = matching.name_key(creator.family_name)
    given = matching.name_key(creator.given_name)
    people = [
        entry.person
        for entry in entries
        if family and family in matching.family_keys_of_presenter(entry.person.name)
        and (not given or matching.name_key(entry.person.name)[:1] == given[:1])
    ]  # fmt: skip
    return people[0] if len({person.pk for person in people}) == 1 else None


def _queue(conference, candidate):
    """Add the candidate to the queue unless it was proposed before (whatever became of it); True if added."""
    key = {"kind": candidate.kind, "proposed_value": candidate.proposed_value}
    if candidate.person is not None:
        key["person"] = candidate.person
    else:
        key.update(presentation=candidate.presentation, person=None)
    _, created = ZenodoProposal.objects.get_or_create(
        **key,
        defaults={
            "conference": conference,
            "presentation": candidate.presentation,
            "current_value": candidate.current_value,
            "record_id": candidate.match.record.record_id,
            "record_url": candidate.match.record.url,
            "score": round(candidate.match.score, 3),
        },
    )
    return created
