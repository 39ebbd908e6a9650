"""Which of the archive's sessions and presentations an export's sessions and submissions are.

Carefully, because merging two different talks is worse than leaving one unmatched (and warned):
titles are compared by tiers, the strictest first, and every tier assigns one to one, leaving out
a title that more than one candidate shares unless their authors tell them apart.

1. Sessions by title ("Panel A1", "Concurrent Session A.1"; "Lightning Talks" begins "Lightning
   Talks & Closing Ceremony"), then the submissions of each such pair by title.
2. The remaining submissions against the remaining presentations of the whole programme: the JSON
   groups sessions its own way (one "Pre-Conference Workshops" session for five workshops).
3. A session of the export without submissions (a plenary) against a remaining presentation, when
   they share a title, or when the export names all its presenters and the kinds agree.
"""

import re
from dataclasses import dataclass, field

from conferences.text import fold_accents

from .kinds import title_kind
from .titles import similarity, starts_with_words, title_key, title_variants

SIMILAR = 0.9  # titles this alike are the same talk
SIMILAR_WITH_AUTHORS = 0.75  # ... and these too, when they share an author
HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "dame"}


@dataclass
class Matching:
    """Slots and presentations by index: `presentations` maps (session, presentation) to (slot, submission)."""

    session_of_slot: dict = field(default_factory=dict)  # slot index -> session index, when titles agree
    presentations: dict = field(default_factory=dict)  # (session, presentation) -> (slot, submission or None)

    def slots_of(self, key):
        return self.presentations.get(key, (None, None))[0]


def match_programme(sessions, slots):
    matching = Matching()
    matching.session_of_slot = _sessions_by_title(sessions, slots)
    for slot_index, session_index in matching.session_of_slot.items():
        _assign(matching, _submissions(slots, [slot_index]), _presentations(sessions, [session_index], matching))
    _assign(matching, _submissions(slots, range(len(slots)), matching), _presentations(sessions, None, matching))
    _plenaries(matching, sessions, slots)
    return matching


def _sessions_by_title(sessions, slots):
    pairs = _pairs(
        [(index, slot.title) for index, slot in enumerate(slots)],
        [(index, session.title) for index, session in enumerate(sessions)],
        tiers=(_same_key, _same_variant, _word_prefix),
    )
    return dict(pairs)


def _submissions(slots, indexes, matching=None):
    """((slot, position), submission) of the slots at `indexes` that no presentation has yet."""
    taken = {id(submission) for _, submission in matching.presentations.values()} if matching else set()
    return [
        ((index, position), submission)
        for index in indexes
        for position, submission in enumerate(slots[index].submissions)
        if id(submission) not in taken
    ]


def _presentations(sessions, indexes, matching):
    indexes = range(len(sessions)) if indexes is None else indexes
    return [
        ((index, order), presentation)
        for index in indexes
        for order, presentation in enumerate(sessions[index].presentations)
        if (index, order) not in matching.presentations
    ]


def _assign(matching, submissions, presentations):
    pairs = _pairs(
        [(key, submission.title) for key, submission in submissions],
        [(key, presentation.title) for key, presentation in presentations],
        tiers=(_same_key, _same_variant, _similar),
        authors=(
            {key: _names(author.name for author in submission.authors) for key, submission in submissions},
            {key: _names(person.name for person in presentation.presenters) for key, presentation in presentations},
        ),
    )
    by_key = dict(submissions)
    for submission_key, presentation_key in pairs:
        matching.presentations[presentation_key] = (submission_key[0], by_key[submission_key])


def _plenaries(matching, sessions, slots):
    taken = {slot for slot, _ in matching.presentations.values()} | set(matching.session_of_slot)
    open_slots = [index for index, slot in enumerate(slots) if not slot.submissions and index not in taken]
    candidates = {}
    for key, presentation in _presentations(sessions, None, matching):
        for index in open_slots:
            if _names_the_talk(slots[index], presentation, sessions[key[0]]):
                candidates.setdefault(key, []).append(index)
    claimed = [index for indexes in candidates.values() for index in indexes]
    for key, indexes in candidates.items():
        if len(indexes) == 1 and claimed.count(indexes[0]) == 1:
            matching.presentations[key] = (indexes[0], None)


def _names_the_talk(slot, presentation, session):
    if set(title_variants(slot.title)) & set(title_variants(presentation.title)):
        return True
    names = _names(person.name for person in presentation.presenters)
    text = f" {_folded(slot.title + ' ' + slot.description)} "
    if not names or not all(f" {name} " in text for name in names):
        return False
    related = starts_with_words(slot.title, presentation.title) or starts_with_words(presentation.title, slot.title)
    kind = title_kind(presentation.title) or title_kind(session.title)
    return related or (kind is not None and kind.value == slot.kind)


# -- assignment -------------------------------------------------------------------------


def _pairs(left, right, tiers, authors=None):
    """One-to-one pairs of keys from `left` and `right` ((key, title) lists), tier by tier."""
    pairs, used_left, used_right = [], set(), set()
    for tier in tiers:
        scored = []
        for left_key, left_title in left:
            if left_key in used_left:
                continue
            for right_key, right_title in right:
                if right_key not in used_right:
                    shared = _shared_authors(authors, left_key, right_key)
                    score = tier(left_title, right_title, shared)
                    if score:
                        scored.append((score, shared, left_key, right_key))
        for left_key, right_key in _unambiguous(scored):
            pairs.append((left_key, right_key))
            used_left.add(left_key)
            used_right.add(right_key)
    return pairs


def _unambiguous(scored):
    """The pairs of a tier, best first; a key with two equally good partners pairs only if authors settle it."""
    chosen, used_left, used_right = [], set(), set()
    scored.sort(key=lambda item: (-item[0], -item[1]))
    for score, shared, left_key, right_key in scored:
        if left_key in used_left or right_key in used_right:
            continue
        rivals = [
            other
            for other in scored
            if other[0] == score
            and (other[2] == left_key) != (other[3] == right_key)
            and other[2] not in used_left
            and other[3] not in used_right
        ]
        if any(other[1] >= shared for other in rivals):
            continue
        chosen.append((left_key, right_key))
        used_left.add(left_key)
        used_right.add(right_key)
    return chosen


def _same_key(first, second, shared):
    return 1.0 if title_key(first) and title_key(first) == title_key(second) else 0


def _same_variant(first, second, shared):
    return 1.0 if set(title_variants(first)) & set(title_variants(second)) else 0


def _word_prefix(first, second, shared):
    shorter = min(title_key(first), title_key(second), key=len)
    if len(shorter.split()) < 2:
        return 0
    return 1.0 if starts_with_words(first, second) or starts_with_words(second, first) else 0


def _similar(first, second, shared):
    score = similarity(first, second)
    return round(score, 3) if score >= SIMILAR or (shared and score >= SIMILAR_WITH_AUTHORS) else 0


# -- people -------------------------------------------------------------------------------


def _shared_authors(authors, left_key, right_key):
    if authors is None:
        return 0
    return len(_surnames(authors[0].get(left_key, ())) & _surnames(authors[1].get(right_key, ())))


def _surnames(names):
    return {name.split()[-1] for name in names if name}


def _names(names):
    return [key for key in (names_key(name) for name in names) if key]


def names_key(name):
    """A name folded for finding it in text and comparing it: "Dr. Shawn Sobers," -> "shawn sobers"."""
    return " ".join(word for word in _folded(name).split() if word not in HONORIFICS)


def _folded(text):
    return " ".join(re.findall(r"[^\W_]+", fold_accents(text or "").casefold()))
