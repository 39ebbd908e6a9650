"""Text helpers shared by query parsing, ranking and snippets.

Matching in Python (the ranking rules and the highlighting) has to agree with
itself whatever the database: words are folded (accents removed, case folded)
and reduced by a deliberately small English stemmer, so that "Censuses" in a
query finds "census" in a title and "José" finds "Jose".
"""

import re
from functools import lru_cache

from conferences.text import fold_accents

WORD = re.compile(r"\w+(?:['’]\w+)*")

# Words that carry no meaning for matching; kept in the full-text query (the
# database decides), ignored when Python decides whether a title "covers" a query.
STOPWORDS = frozenset(
    """
    a an and are as at be but by de des du for from has have in into is it its la le les of on or
    our over s than that the their this to under up was we were what when where which who why will with
    """.split()
)

# Words that name the association or events in general: a query for
# "IASSIST 2022 conference" names the 2022 conference as much as "2022" does.
EVENT_WORDS = frozenset({"iassist", "conference", "conferences", "annual", "meeting"})


def fold(text):
    """Lower-case `text` and strip accents: "José GARCÍA" -> "jose garcia"."""
    return fold_accents(text).replace("’", "'").casefold()


def words(text):
    """The folded words of `text`, in order."""
    return WORD.findall(fold(text))


# Remembered: the ranking stems the query's words again for every candidate it scores.
@lru_cache(maxsize=100_000)
def stem(word):
    """A light English stemmer: plural and common verb endings only.

    Aggressive enough that "curation"/"curations" and "dataset"/"datasets"
    meet, cautious enough never to merge unrelated words in titles.
    """
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or word.isdigit():
        return word
    # Latin plurals in -us ("censuses", "statuses", "campuses"); "causes" and "houses" keep their "e".
    endings = (("suses", "sus"), ("tuses", "tus"), ("ruses", "rus"), ("puses", "pus"))
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), *endings):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word


def stems(text):
    return [stem(word) for word in words(text)]


def content_stems(text):
    """The stems of `text` without stop words."""
    return [stem(word) for word in words(text) if word not in STOPWORDS]


@lru_cache(maxsize=50_000)
def analyse(text):
    """(words, stems, content stems) of `text`, remembered: titles are analysed on every search."""
    text_words = tuple(words(text))
    all_stems = tuple(stem(word) for word in text_words)
    content = frozenset(stem(word) for word in text_words if word not in STOPWORDS)
    return text_words, all_stems, content
