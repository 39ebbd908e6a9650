"""Text helpers that the programme, the importer and search share, so that they fold and count alike."""

import re
import unicodedata


def fold_accents(text):
    """`text` with its accents removed ("Québec" -> "Quebec"); case and everything else kept."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    # Combining marks are never ASCII: most of the archive's text has nothing to drop, and looking at it
    # character by character was a third of building the related presentations' word index.
    if decomposed.isascii():
        return decomposed
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def unaccented(text):
    """`text` without its accents, or "" when it has none.

    Indexed beside the original, so that a search without accents finds accented names on every
    backend: PostgreSQL's english configuration keeps accents, SQLite's tokenizer drops them.
    """
    folded = fold_accents(text)
    return folded if folded != unicodedata.normalize("NFKD", text or "") else ""


def ordinal(number):
    """`number` as an English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st, 112th."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def person_name_key(name):
    """The key under which two spellings of one person's name meet.

    Case, accents, spacing and full stops differ between years ("José  García",
    "jose garcia"); anything else (initials against full names, other letters)
    keeps people apart, because merging two different people loses more than
    listing one person twice.
    """
    text = fold_accents(name).replace(".", " ").casefold()
    return re.sub(r"\s+", " ", text).strip()
