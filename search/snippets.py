"""Snippets with the query's words highlighted, built from escaped text only.

Every piece of text is escaped before it is joined with the <mark> tags; the
only markup in the result is the <mark> and </mark> this module writes.
"""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import WORD, fold, stem

_SPACE = re.compile(r"\s+")
# A snippet shows one window of text: past this, a long page is not searched for the first match.
MAX_SCANNED = 20_000


@lru_cache(maxsize=100_000)
def _folded_stem(word):
    folded = fold(word)
    return folded, stem(folded)


def _wanted(query, prefix_last=False):
    stems = {stem(word) for word in query.highlight_words()}
    # A tuple, as str.startswith takes it: empty unless the last word is a prefix being typed.
    prefixes = (query.folded_words[-1],) if prefix_last and query.folded_words else ()
    return stems, prefixes


def _matches(text, stems, prefixes, width=None):
    """(start, end) of each word of `text` that the query asks for, up to `width` past the first."""
    spans = []
    for match in WORD.finditer(text):
        if width and spans and match.start() > spans[0][0] + width:
            break
        folded, stemmed = _folded_stem(match.group())
        if stemmed in stems or (prefixes and folded.startswith(prefixes)):
            spans.append(match.span())
    return spans


def contains_match(text, query):
    """Whether `text` has a word that the query asks for."""
    stems, prefixes = _wanted(query)
    return bool(stems) and bool(_matches(str(text or ""), stems, prefixes, width=1))


def _window(text, spans, width):
    """The part of `text` to show: about `width` characters around the first match."""
    if len(text) <= width:
        return 0, len(text)
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def highlight(text, query, width=None, prefix_last=False):
    """`text` escaped, cut to about `width` characters around the first match, matches in <mark>."""
    text = _SPACE.sub(" ", str(text or "")[: MAX_SCANNED if width else None]).strip()
    if not text:
        return SafeString("")
    stems, prefixes = _wanted(query, prefix_last)
    spans = _matches(text, stems, prefixes, width) if stems or prefixes else []
    start, end = _window(text, spans, width) if width else (0, len(text))
    pieces = ["…" if start > 0 else ""]
    position = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(escape(text[position:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append("…")
    # Safe: every piece above is escaped, and the only markup added is <mark>.
    return mark_safe("".join(pieces))
