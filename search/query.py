"""Turn what a visitor typed into something every search backend accepts.

Raw input never reaches the search backend: SQLite FTS5 fails on an
unbalanced double quote, PostgreSQL on a NUL character, and both parse their
own operators. The text is cleaned (control characters out, whitespace
collapsed, length and number of words capped), cut into plain words and
balanced "phrases", and only then handed to Wagtail's ``parse_query_string``.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from wagtail.search.utils import parse_query_string

from conferences.text import person_name_key
from conferences.zenodo import normalise_doi

from .text import STOPWORDS, WORD, words

# Limits no real query reaches, so that what a search costs is bounded: each word is one more scan of the
# index entries that hold it ("a " typed 100 times took 1.6 s). The longest presentation title in the archive
# is 207 characters and 29 words, so a title pasted whole is still searched whole (and found first).
MAX_QUERY_LENGTH = 256
MAX_QUERY_TERMS = 32

YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
ORDINAL = re.compile(r"^(\d{1,3})(st|nd|rd|th)$")
DOI_IN_TEXT = re.compile(r"(?:doi:\s*|https?://(?:dx\.|www\.)?doi\.org/)?(10\.\d{4,9}/[^\s\"'<>]+)", re.IGNORECASE)
ZENODO_RECORD = re.compile(r"(?:zenodo\.org/records?/|\bzenodo\.)(\d{4,10})\b", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def clean_query(raw):
    """Return (text, truncated): printable, single-spaced, at most MAX_QUERY_LENGTH characters."""
    text = unicodedata.normalize("NFC", str(raw or ""))
    text = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in text)
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[:MAX_QUERY_LENGTH]
    space = cut.rfind(" ")
    if space > MAX_QUERY_LENGTH * 3 // 4:
        cut = cut[:space]
    return cut.strip(), True


def limit_terms(text):
    """Return (text, truncated): `text` up to the end of its MAX_QUERY_TERMS-th word.

    The words are counted as the query's segments count them (quotes are not part of words), so the
    query parsed from the result has at most MAX_QUERY_TERMS terms.
    """
    found = WORD.finditer(text)
    for number, match in enumerate(found, 1):
        if number == MAX_QUERY_TERMS:
            if next(found, None) is None:
                return text, False
            return text[: match.end()].strip(), True
    return text, False


def _segments(text):
    """Split on double quotes into (is_phrase, words); an unbalanced quote is ignored."""
    parts = text.split('"')
    if len(parts) % 2 == 0:  # an odd number of quotes: the last one opens nothing
        parts = [*parts[:-2], parts[-2] + " " + parts[-1]]
    for number, part in enumerate(parts):
        tokens = WORD.findall(part.replace("’", "'"))
        if tokens:
            yield number % 2 == 1, tokens


def find_doi(text):
    """The DOI that `text` mentions (bare, doi: form, doi.org link or Zenodo record), lower-cased."""
    if match := DOI_IN_TEXT.search(text):
        doi = normalise_doi(match.group(1))
        if doi:
            return doi
    if match := ZENODO_RECORD.search(text):
        return f"10.5281/zenodo.{match.group(1)}"
    return None


def _bounded(raw):
    """(text, what it was shortened to): cleaned, then at most MAX_QUERY_TERMS words."""
    text, cut = clean_query(raw)
    text, cut_words = limit_terms(text)
    if cut_words:
        return text, f"{MAX_QUERY_TERMS} words"
    return text, f"{MAX_QUERY_LENGTH} characters" if cut else ""


@dataclass(frozen=True)
class ParsedQuery:
    """A cleaned query and everything the ranking rules need to know about it."""

    text: str
    # What the query was shortened to, in words a visitor reads ("32 words"), or "" when it was not.
    shortened_to: str = ""
    segments: tuple = ()
    folded_words: tuple = ()
    years: tuple = ()
    ordinals: tuple = ()
    doi: str | None = None
    name_key: str = ""
    filters: dict = field(default_factory=dict)

    @classmethod
    def parse(cls, raw):
        text, shortened_to = _bounded(raw)
        segments = tuple((is_phrase, tuple(tokens)) for is_phrase, tokens in _segments(text))
        folded = tuple(words(text))
        years = tuple(int(word) for word in folded if YEAR.match(word))
        ordinals = tuple(int(match.group(1)) for word in folded if (match := ORDINAL.match(word)))
        return cls(
            text=text,
            shortened_to=shortened_to,
            segments=segments,
            folded_words=folded,
            years=years,
            ordinals=ordinals,
            doi=find_doi(text),
            name_key=person_name_key(text.replace('"', " ")),
        )

    @property
    def truncated(self):
        return bool(self.shortened_to)

    @property
    def is_empty(self):
        return not self.segments

    @property
    def normal_form(self):
        """What the search's answer depends on, as one string: the key under which it may be kept.

        Queries that differ only in case, spacing or punctuation share it ("Data, curation!" and
        "data curation"): every backend matches without case, and Python reads the folded words.
        """
        segments = tuple((is_phrase, tuple(token.lower() for token in tokens)) for is_phrase, tokens in self.segments)
        return repr((segments, self.folded_words, self.doi))

    @property
    def term_count(self):
        return sum(len(tokens) for _, tokens in self.segments)

    @property
    def content_words(self):
        return tuple(word for word in self.folded_words if word not in STOPWORDS)

    @property
    def words_besides_years(self):
        return tuple(word for word in self.folded_words if not YEAR.match(word))

    @property
    def folded_text(self):
        return " ".join(self.folded_words)

    @property
    def has_words_besides_years(self):
        return any(not YEAR.match(word) for word in self.folded_words)

    def _segments_for_backend(self, drop_years):
        for is_phrase, tokens in self.segments:
            if drop_years and not is_phrase:
                tokens = tuple(token for token in tokens if not YEAR.match(token))
            if tokens:
                yield is_phrase, tokens

    def backend_string(self, drop_years=False):
        """The query rebuilt from safe words only: `word word "phrase words"`."""
        parts = []
        for is_phrase, tokens in self._segments_for_backend(drop_years):
            joined = " ".join(tokens)
            parts.append(f'"{joined}"' if is_phrase and len(tokens) > 1 else joined)
        return " ".join(parts)

    def plain_words(self, drop_years=False):
        """Every word of the query, quotes dropped (for autocomplete, which takes no phrases)."""
        return " ".join(token for _, tokens in self._segments_for_backend(drop_years) for token in tokens)

    def search_query(self, operator="and", drop_years=False):
        """A wagtail.search query object for `operator` ("and" or "or"), or None if there is nothing to find.

        With `drop_years`, years are left out: the caller filters by them instead.
        """
        text = self.backend_string(drop_years)
        if not text:
            return None
        _filters, query = parse_query_string(text, operator=operator)
        return query

    def highlight_words(self):
        """The folded words worth highlighting: the query's words without stop words."""
        return {word for word in self.folded_words if word not in STOPWORDS}
