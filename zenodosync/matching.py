"""Which presentation a Zenodo record is: its title, its creators' family names and its year.

Pure: it takes plain values (ZenodoRecord, PresentationFacts) and decides, with no database.
A record is matched only when all three agree and one presentation stands out. A record whose
title is close to a presentation's but whose creators or year disagree is a near-miss: kept apart,
reported, and never proposed, because a wrong DOI on a talk misleads everyone who cites it.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from conferences.text import fold_accents

TITLE_MATCH = 0.90  # normalised titles this similar are the same title
TITLE_NEAR = 0.70  # this similar, and the record is reported as a near-miss when the rest disagrees
# Slides are deposited during the conference or in the months after it.
YEAR_WINDOW = (-1, 1)
TRUNCATED_MIN_WORDS = 4
# Titles this far apart in their words are not compared letter by letter (most of a programme).
WORDS_NEAR = 0.5

MATCHED, NEAR_MISS, UNMATCHED = "matched", "near-miss", "unmatched"

# The programme marks remote talks in the title ("(Virtual) - ..."); Zenodo's titles do not.
_PROGRAMME_MARKERS = re.compile(r"^\s*\(\s*virtual\s*\)\s*[-–—:]*\s*", re.IGNORECASE)


@dataclass(frozen=True)
class PresentationFacts:
    presentation_id: int
    title: str
    year: int
    presenter_names: tuple


@dataclass(frozen=True)
class Match:
    record: object
    outcome: str
    presentation: PresentationFacts | None = None
    score: float = 0.0
    reason: str = ""


def normalise_title(title):
    """Lower case, no accents, punctuation or programme markers, single spaces."""
    text = _PROGRAMME_MARKERS.sub("", title or "")
    text = fold_accents(text).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def title_similarity(first, second):
    """0 to 1; a title cut short (one the start of the other, four words or more) counts as the same."""
    return _similarity(normalise_title(first), normalise_title(second))


def _similarity(a, b, matcher=None):
    """title_similarity of two normalised titles; `matcher` may hold `b` already (difflib caches its second)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    shorter, longer = sorted((a, b), key=len)
    if longer.startswith(shorter) and len(shorter.split()) >= TRUNCATED_MIN_WORDS:
        return 0.95
    words_a, words_b = set(a.split()), set(b.split())
    if 2 * len(words_a & words_b) / (len(words_a) + len(words_b)) < WORDS_NEAR:
        return 0.0
    if matcher is None:
        matcher = SequenceMatcher(None, b=b, autojunk=False)
    matcher.set_seq1(a)
    return matcher.ratio()


def name_key(name):
    return re.sub(r"[^a-z]", "", fold_accents(name).casefold())


def family_keys_of_presenter(name):
    """A presenter's name is "Given Family" (sometimes "Given Middle Family Family"): the words after the first."""
    words = [name_key(word) for word in re.split(r"[\s,]+", name) if name_key(word)]
    return set(words[1:] or words)


def shared_family_names(creators, presenter_names):
    """How many of the record's creators have a family name among the presenters'."""
    presenters = (
        set().union(*(family_keys_of_presenter(name) for name in presenter_names)) if presenter_names else set()
    )
    count = 0
    for creator in creators:
        words = [name_key(word) for word in re.split(r"[\s-]+", creator.family_name)]
        if name_key(creator.family_name) in presenters or (words and words[-1] in presenters):
            count += 1
    return count


def year_fits(record_year, conference_year):
    if record_year is None:
        return True  # Zenodo always has one; a hand-written file may not, and the community still says which year
    low, high = YEAR_WINDOW
    return conference_year + low <= record_year <= conference_year + high


def match_record(record, presentations, normalised=None):
    """The Match of one record against a conference's presentations (`normalised`: their titles, normalised)."""
    titles = normalised or [normalise_title(facts.title) for facts in presentations]
    own = normalise_title(record.title)
    matcher = SequenceMatcher(None, b=own, autojunk=False)
    scored = sorted(
        ((_similarity(title, own, matcher), facts) for title, facts in zip(titles, presentations, strict=True)),
        key=lambda pair: pair[0],
        reverse=True,
    )
    if not scored or scored[0][0] < TITLE_NEAR:
        return Match(record, UNMATCHED, score=scored[0][0] if scored else 0.0, reason="no presentation has this title")
    agreeing = [(score, facts) for score, facts in scored if score >= TITLE_MATCH and _agrees(record, facts)]
    if len(agreeing) == 1:
        score, facts = agreeing[0]
        return Match(record, MATCHED, facts, score)
    if len(agreeing) > 1:
        return Match(record, NEAR_MISS, agreeing[0][1], agreeing[0][0], "several presentations fit equally")
    score, facts = scored[0]
    return Match(record, NEAR_MISS, facts, score, _why_not(record, facts, score))


def _agrees(record, facts):
    return shared_family_names(record.creators, facts.presenter_names) > 0 and year_fits(record.year, facts.year)


def _why_not(record, facts, score):
    reasons = []
    if score < TITLE_MATCH:
        reasons.append(f"title only {score:.0%} alike")
    if not shared_family_names(record.creators, facts.presenter_names):
        reasons.append("no creator among the presenters")
    if not year_fits(record.year, facts.year):
        reasons.append(f"published {record.year}, conference {facts.year}")
    return "; ".join(reasons)


def match_records(records, presentations):
    """One Match per record; `presentations` is a list of PresentationFacts."""
    presentations = list(presentations)
    titles = [normalise_title(facts.title) for facts in presentations]
    return [match_record(record, presentations, titles) for record in records]
