"""Find a programme's rows again in a changed source: by title first, then by their place among the others.

The source has no ids. A row is known by the title and the place it had in the source when it was
last imported. Rows whose title is unchanged are found wherever they moved; a row that lost its
title match is paired with a source entry in the same gap between rows that were found, when only
one of each is left there or their titles are still alike. Everything else is a new entry or a row
the source no longer has.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

SIMILAR_TITLES = 0.6


@dataclass(frozen=True)
class Known:
    """A row as the last import left it: its title and place in the source then."""

    label: str
    position: int


def match_rows(known, titles):
    """Pair source entries with known rows: a dict from index in `titles` to index in `known`."""
    pairs = _same_titles(known, titles)
    for gap_titles, gap_known in _gaps(known, titles, pairs):
        pairs.update(_pair_in_gap(known, titles, gap_titles, gap_known))
    return pairs


def _normal(title):
    return re.sub(r"\s+", " ", title).strip().casefold()


def _same_titles(known, titles):
    """Equal titles pair up in order, so that repeated titles ("Poster session") keep their own rows."""
    waiting = {}
    for index in sorted(range(len(known)), key=lambda index: known[index].position):
        waiting.setdefault(_normal(known[index].label), []).append(index)
    pairs = {}
    for index, title in enumerate(titles):
        candidates = waiting.get(_normal(title))
        if candidates:
            pairs[index] = candidates.pop(0)
    return pairs


def _gaps(known, titles, pairs):
    """Runs of unpaired source entries with the unpaired rows that stood between the same neighbours."""
    unpaired_known = sorted((index for index in range(len(known)) if index not in pairs.values()),
                            key=lambda index: known[index].position)  # fmt: skip
    run, before = [], -1
    for index in range(len(titles) + 1):
        if index < len(titles) and index not in pairs:
            run.append(index)
            continue
        if run:
            after = known[pairs[index]].position if index < len(titles) else float("inf")
            yield run, [k for k in unpaired_known if before < known[k].position < after]
            run = []
        if index < len(titles):
            before = known[pairs[index]].position


def _pair_in_gap(known, titles, gap_titles, gap_known):
    if len(gap_titles) == len(gap_known) == 1:
        return {gap_titles[0]: gap_known[0]}
    scored = sorted(
        ((_similarity(titles[t], known[k].label), t, k) for t in gap_titles for k in gap_known),
        key=lambda item: -item[0],
    )
    pairs, used = {}, set()
    for score, title_index, known_index in scored:
        if score >= SIMILAR_TITLES and title_index not in pairs and known_index not in used:
            pairs[title_index] = known_index
            used.add(known_index)
    return pairs


def _similarity(one, other):
    return SequenceMatcher(None, _normal(one), _normal(other)).ratio()
