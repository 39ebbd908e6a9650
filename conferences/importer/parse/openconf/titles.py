"""Titles compared as IASSIST's two sources write them.

The archive JSON and OpenConf spell the same talk differently: "Workshop 3: Analyzing donations..."
against "Analyzing donations...", curly against straight quotes, "FAIR to Care?" against "FAIR to
care?", a subtitle kept in one and dropped in the other. `title_key` folds what never tells two
talks apart (case, accents, quotes, dashes, punctuation, spacing); `title_variants` adds the title
without a leading label ("Workshop 3:", "Plenary 1 (Wednesday):") and without its subtitle.
"""

import difflib
import html
import re
import unicodedata

from conferences.text import fold_accents

LABEL = re.compile(
    r"^\s*(?:pre-conference\s+)?(?:workshops?|panel|discussion panel|plenary|keynote|posters?|lightning talks?|"
    r"session|concurrent session|bof|birds of a feather)\s*(?:\d+[a-z]?|[a-z]\.?\d*)?\s*(?:\([^)]*\))?\s*"
    r"(?::|-|–|—)\s+",
    re.IGNORECASE,
)
SUBTITLE = re.compile(r"\s*(?::|\s-\s|\s–\s|\s—\s|\?)\s*")
FEWEST_WORDS = 3  # a title shortened to fewer words than this says too little to match on


def title_key(title):
    text = unicodedata.normalize("NFKC", html.unescape(title or ""))
    text = fold_accents(text).casefold().replace("&", " and ")
    return " ".join(re.findall(r"[^\W_]+", text))


def title_variants(title):
    """The title's key, and the keys of the title without its label and without its subtitle."""
    variants = [title_key(title)]
    unlabelled = LABEL.sub("", title or "", count=1)
    for text in (unlabelled, SUBTITLE.split(unlabelled, maxsplit=1)[0]):
        key = title_key(text)
        if len(key.split()) >= FEWEST_WORDS and key not in variants:
            variants.append(key)
    return variants


def similarity(first, second):
    """How alike two titles are, from 0 to 1, on their keys."""
    return difflib.SequenceMatcher(None, title_key(first), title_key(second), autojunk=False).ratio()


def starts_with_words(longer, shorter):
    """Whether `shorter`'s key begins `longer`'s, word for word: "Lightning Talks" begins "Lightning Talks & ..."."""
    long_words, short_words = title_key(longer).split(), title_key(shorter).split()
    return 0 < len(short_words) < len(long_words) and long_words[: len(short_words)] == short_words
