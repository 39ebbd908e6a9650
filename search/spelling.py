"""Typos: a query's words that the archive never uses, corrected to the nearest words it does use.

"gothenberg" finds nothing, since no title, place or name holds it; the archive's vocabulary
(``SearchTerm``, search/terms.py) holds "gothenburg", one edit away. A word is only corrected when
the vocabulary does not hold it, to the word within a few edits (letters added, dropped, replaced or
two swapped: the optimal string alignment distance) that the archive uses most; the same words and
the same rows give the same answer on every database, since the choice is made here.

A lookup is two statements whatever the query: the query's words that the vocabulary holds, then
the candidates of the others, narrowed by the table's indexes to words of about the same length that
share their first two letters or their last two (one or two edits rarely change both ends).
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Q

from . import engine
from .models import SearchTerm
from .query import ParsedQuery
from .text import STOPWORDS, WORD, fold

# Words shorter than this are left as typed: one edit away from "gis" are "gss", "bis", "gig".
MIN_CORRECTED_LENGTH = 4
# How many unknown words of one query are looked up; a query of thirty-two unknown words is hostile.
MAX_CORRECTED_WORDS = 4
# A word the archive holds this rarely may be a typo in it, if a near word is this many times as common.
RARE_FREQUENCY = 2
OUTNUMBERED = 20
# A search with fewer results than this may be a typo's: a corrected query that finds more is offered.
FEW_RESULTS = 3


def allowed_edits(length):
    """Edits a typed word may be away from the word meant: one up to six letters, two from seven."""
    if length < MIN_CORRECTED_LENGTH:
        return 0
    return 1 if length < 7 else 2


def edit_distance(typed, word, limit):
    """The optimal string alignment distance of two words, or limit + 1 once it must exceed `limit`.

    Counts letters inserted, deleted or replaced and two neighbours swapped ("metdata" -> "metadata"
    is 1, "gothenberg" -> "gothenburg" is 1, "reserach" -> "research" is 1). Only the cells within
    `limit` of the diagonal are worked out: the others are further than `limit` anyway.
    """
    if abs(len(typed) - len(word)) > limit:
        return limit + 1
    over = limit + 1
    before, previous = None, [min(j, over) for j in range(len(word) + 1)]
    for i in range(1, len(typed) + 1):
        current = [over] * (len(word) + 1)
        current[0] = min(i, over)
        low, high = max(1, i - limit), min(len(word), i + limit)
        for j in range(low, high + 1):
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (typed[i - 1] != word[j - 1]))
            if i > 1 and j > 1 and typed[i - 1] == word[j - 2] and typed[i - 2] == word[j - 1]:
                best = min(best, before[j - 2] + 1)
            current[j] = min(best, over)
        if min(current[low - 1 : high + 1]) > limit:
            return over
        before, previous = previous, current
    return previous[-1]


def _letters_apart(typed_letters, word):
    """How many letters two words differ by, counted as bags: each edit changes it by at most two."""
    counted = Counter(word)
    counted.subtract(typed_letters)
    return sum(abs(count) for count in counted.values())


@dataclass(frozen=True)
class Correction:
    """A query with its unknown words corrected: `text` as the visitor would have typed it."""

    text: str
    words: tuple  # (typed, corrected) pairs, in the query's order


def correctable(token):
    """The folded form of a query's word if it is one that may be corrected, else None."""
    term = fold(token)
    if len(term) < MIN_CORRECTED_LENGTH or len(term) > SearchTerm._meta.get_field("term").max_length:
        return None
    if term in STOPWORDS or not term.isalpha():
        return None
    return term


def nearest_terms(words):
    """{word: (term, label)} for each of `words` (folded) that has a nearer term the archive uses more.

    A word the vocabulary lacks takes the nearest term; a word it holds only once or twice (a typo
    in a title: "reserach") takes a near term only if the archive uses that one far more often.
    """
    words = list(dict.fromkeys(words))
    known = dict(SearchTerm.objects.filter(term__in=words).values_list("term", "frequency"))
    doubtful = [word for word in words if known.get(word, 0) <= RARE_FREQUENCY][:MAX_CORRECTED_WORDS]
    if not doubtful:
        return {}
    narrowed = Q()
    for word in doubtful:
        lengths = (len(word) - allowed_edits(len(word)), len(word) + allowed_edits(len(word)))
        narrowed |= Q(head=word[:2], length__range=lengths) | Q(tail=word[-2:], length__range=lengths)
    candidates = list(SearchTerm.objects.filter(narrowed).values_list("term", "label", "frequency"))
    found = {}
    for word in doubtful:
        least = known[word] * OUTNUMBERED if word in known else 1
        if nearest := _nearest(word, [item for item in candidates if item[0] != word and item[2] >= least]):
            found[word] = nearest
    return found


def _nearest(word, candidates):
    """The candidate fewest edits from `word`, the archive's commonest among those, then the first by name."""
    edits = allowed_edits(len(word))
    typed_letters = Counter(word)
    best = None
    for term, label, frequency in candidates:
        # Cheaper than the distance, and it rules out most candidates.
        if abs(len(term) - len(word)) > edits or _letters_apart(typed_letters, term) > 2 * edits:
            continue
        distance = edit_distance(word, term, edits)
        if distance <= edits:
            rank = (distance, -frequency, term)
            if best is None or rank < best[0]:
                best = (rank, term, label)
    return (best[1], best[2]) if best else None


def _as_typed(typed, label):
    """The correction written as the visitor wrote the word: "Gothenberg" -> "Gothenburg", "METDATA" -> "METADATA"."""
    if typed.isupper() and len(typed) > 1:
        return label.upper()
    if typed[:1].isupper() and label[:1].islower():
        return label[:1].upper() + label[1:]
    return label


def correct(query):
    """The `ParsedQuery`'s text with its unknown words corrected, or None when there is nothing to correct."""
    if query.is_empty or query.doi:
        return None
    tokens = list(WORD.finditer(query.text.replace("’", "'")))
    folded = {match.group(): term for match in tokens if (term := correctable(match.group()))}
    nearest = nearest_terms(folded.values())
    if not nearest:
        return None
    pieces, pairs, end = [], [], 0
    for match in tokens:
        term = folded.get(match.group())
        if term in nearest:
            corrected = _as_typed(match.group(), nearest[term][1])
            pieces += [query.text[end : match.start()], corrected]
            pairs.append((match.group(), corrected))
            end = match.end()
    pieces.append(query.text[end:])
    return Correction("".join(pieces), tuple(pairs))


@dataclass(frozen=True)
class Spelling:
    """What the search says of the query's spelling: the results are for `corrected`, or it offers `suggestion`."""

    corrected: str = ""
    suggestion: str = ""


AS_TYPED = Spelling()


def search_as_meant(query, *, as_typed=False, **options):
    """(outcome, Spelling): `engine.run_search`, and a corrected query when this one finds little.

    A corrected query is only used when it finds results with all of its words. Its results are
    shown (and the page offers the query as typed) when the query as typed finds nothing, or no
    result with all of its words, or a few results where the corrected query finds many times more;
    it is offered ("Did you mean") when it finds more than the few found. Otherwise, and with
    `as_typed`, it is one search.
    """
    outcome = engine.run_search(query, **options)
    found = sum(outcome.counts.values())
    if as_typed or (found >= FEW_RESULTS and not outcome.relaxed):
        return outcome, AS_TYPED
    correction = correct(query)
    if correction is None:
        return outcome, AS_TYPED
    corrected = engine.run_search(ParsedQuery.parse(correction.text), **options)
    found_corrected = sum(corrected.counts.values())
    if not found_corrected:
        return outcome, AS_TYPED
    if corrected.relaxed:
        return outcome, AS_TYPED
    # "Mary Vardigna" has no result with all its words; "metdata" is once in an abstract and
    # "metadata" in hundreds of titles: the visitor meant the corrected query.
    if not found or outcome.relaxed or found_corrected >= found * OUTNUMBERED:
        return corrected, Spelling(corrected=correction.text)
    if found_corrected > found:
        return outcome, Spelling(suggestion=correction.text)
    return outcome, AS_TYPED
