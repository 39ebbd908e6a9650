"""The ranking rules, layered on top of the backend's full-text relevance.

The database backends disagree about relevance (SQLite ranks with BM25 and no
stemming, PostgreSQL with ts_rank and English stemming, Elasticsearch with
its own BM25), so what a visitor can rely on is decided here, in Python, the
same way on every backend. Each candidate gets a *tier* from the rules below;
within a tier, candidates are ordered by how well their title covers the
query, and only then by the backend's own order.

Rules, strongest first:

1. DOI: the query contains a DOI (bare, ``doi:``, a doi.org link or a Zenodo
   record) of a presentation, or of one presenter's part of it -> that presentation.
2. Exact title: the query's words are exactly a presentation's or page's
   title (case, accents and punctuation aside) -> that item.
3. Conference named: the query is made of facts of one conference -- its year,
   ordinal ("47th"), city, country, a word of its title ("Africa"), a phrase
   of its theme ("Data by Design") -- and nothing else -> that conference.
   Words of its host may complete a query that names it ("ICPSR 2006") but do
   not name it alone. A year or ordinal that is not the conference's rules it
   out. Among several (two Montreal conferences), the better match first, and
   annual conferences before workshops, then the more recent.
4. Person named: the query's words are a person's name, in any order -> that
   person, then (rule 5) their presentations, newest first.
"""

from dataclasses import dataclass, field
from typing import Any

from conferences.models import ConferencePage
from conferences.text import ordinal as english_ordinal

from .text import EVENT_WORDS, STOPWORDS, analyse, stem, words

CONFERENCE = "conference"
PRESENTATION = "presentation"
PERSON = "person"
PAGE = "page"
KINDS = (CONFERENCE, PRESENTATION, PERSON, PAGE)
KIND_LABELS = {CONFERENCE: "Conference", PRESENTATION: "Presentation", PERSON: "Person", PAGE: "Page"}
KIND_PLURALS = {CONFERENCE: "Conferences", PRESENTATION: "Presentations", PERSON: "People", PAGE: "Pages"}

TIER_DOI = 50
TIER_EXACT_TITLE = 40
TIER_CONFERENCE = 30
TIER_PERSON = 20
TIER_PERSON_WORK = 10
TIER_NONE = 0

# Small nudges between kinds when their titles match equally well.
KIND_PRIOR = {CONFERENCE: 0.2, PERSON: 0.3, PAGE: 0.1, PRESENTATION: 0.0}


@dataclass
class ConferenceFacts:
    """What the rules need to know about one live conference page."""

    pk: int
    title: str
    year: int
    kind: str = "annual"
    ordinal: int | None = None
    city: str = ""
    country: str = ""
    host: str = ""
    theme: str = ""
    path: str = ""
    url: str | None = None
    fields: dict = field(default_factory=dict)

    def page_object(self):
        """An unsaved ConferencePage with these facts, for its display properties (dates, location)."""
        names = {f.attname for f in ConferencePage._meta.concrete_fields}
        return ConferencePage(**{name: value for name, value in self.fields.items() if name in names})

    @property
    def is_annual(self):
        return self.kind == "annual"

    @property
    def label(self):
        """ "IASSIST 2022 (Gothenburg)": the title, and the city unless the title names it."""
        if self.city and self.city.casefold() not in self.title.casefold():
            return f"{self.title} ({self.city})"
        return self.title

    def match_text(self):
        # The ordinal as visitors and the conference's own page write it: "21st", "22nd", "47th".
        written = english_ordinal(self.ordinal) if self.ordinal else ""
        return " ".join(
            part for part in (self.title, self.theme, self.city, self.country, str(self.year), written) if part
        )


@dataclass
class Candidate:
    """One search result before it is shown: what it is, where it ranks, and why."""

    kind: str
    pk: int
    title: str
    url: str | None
    year: int | None = None
    conference: ConferenceFacts | None = None
    match_text: str = ""
    rank: int = 0
    obj: Any = None
    tier: int = TIER_NONE
    tier_score: float = 0.0
    score: float = 0.0
    reasons: list = field(default_factory=list)

    @property
    def key(self):
        return (self.kind, self.pk)

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]

    def promote(self, tier, tier_score=0.0, reason=""):
        if (tier, tier_score) > (self.tier, self.tier_score):
            self.tier, self.tier_score = tier, tier_score
        if reason:
            self.reasons.append(reason)


# -- matching helpers -----------------------------------------------------------


def _contains_sequence(haystack, needle):
    """Whether the word sequence `needle` occurs contiguously in the word sequence `haystack`."""
    haystack, needle = list(haystack), list(needle)
    if not needle or len(needle) > len(haystack):
        return False
    width = len(needle)
    return any(haystack[start : start + width] == needle for start in range(len(haystack) - width + 1))


def same_words(query_words, text):
    """Whether `text` is exactly the query's words (case, accents, punctuation aside)."""
    return bool(query_words) and tuple(query_words) == analyse(text)[0]


def same_name(query_words, name):
    """Whether the query is the person's name, in any order ("Manuel, Kevin")."""
    name_words = analyse(name)[0]
    return len(name_words) >= 1 and sorted(query_words) == sorted(name_words)


def text_match(query, text, prefix_last=False):
    """How well `text` (a title, a name) covers the query: (coverage 0..1, phrase, tightness 0..1)."""
    query_words = query.content_words or query.folded_words
    if not query_words:
        return 0.0, False, 0.0
    distinct = list(dict.fromkeys(stem(word) for word in query_words))
    text_words, text_stems, content = analyse(text)
    have = set(text_stems)
    hits = 0
    for number, word in enumerate(distinct):
        if word in have:
            hits += 1
        elif prefix_last and number == len(distinct) - 1 and any(item.startswith(word) for item in have):
            hits += 1
    coverage = hits / len(distinct)
    phrase = len(query.folded_words) >= 2 and _contains_sequence(text_words, query.folded_words)
    content = content or have
    tightness = min(1.0, len(distinct) / len(content)) if coverage == 1 and content else 0.0
    return coverage, phrase, tightness


def base_score(candidate, query, prefix_last=False):
    """Title coverage first, the backend's own order second."""
    coverage, phrase, tightness = text_match(query, candidate.match_text or candidate.title, prefix_last)
    prior = KIND_PRIOR[candidate.kind] if coverage == 1 or candidate.kind != PERSON else 0.0
    backend = 0.75 / (1 + candidate.rank / 5)
    return 3 * coverage + (1.0 if phrase else 0.0) + 0.5 * tightness + prior + backend


# -- rule 3: does the query name a conference? ------------------------------------


def _parts(text, separators):
    parts = [text or ""]
    for separator in separators:
        parts = [piece for part in parts for piece in part.split(separator)]
    return [part.strip() for part in parts if part.strip()]


THEME_SEPARATORS = (":", ";", "|", " - ", " – ")
HOST_SEPARATORS = (",", ";", "|", ":", " and ", " - ", " – ")


def _phrase_score(remaining, source, separators=THEME_SEPARATORS, min_share=0.5):
    """Score how well `remaining` (folded query words) quotes a phrase of `source` (a theme or host)."""
    content = [word for word in remaining if word not in STOPWORDS]
    if not content:
        return 0.0
    best = 0.0
    for part in _parts(source, separators):
        part_words = words(part)
        part_stems = [stem(word) for word in part_words]
        part_content = {stem(word) for word in part_words if word not in STOPWORDS}
        if not part_content or not all(stem(word) in part_stems for word in content):
            continue
        distinct = len({stem(word) for word in content})
        share = distinct / len(part_content)
        contiguous = _contains_sequence(part_stems, [stem(word) for word in remaining])
        # The whole part ("Data by Design"), or a run of its words that is not one common word.
        if share >= 0.99 or (contiguous and (distinct >= 3 or (distinct >= 2 and share >= min_share))):
            best = max(best, 1.0 + share)
    return best


def _acronyms(text):
    """Upper-case abbreviations in `text` ("SND", "ICPSR"), folded."""
    return {word.casefold() for word in (text or "").replace("(", " ").replace(")", " ").split() if _is_acronym(word)}


def _is_acronym(word):
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 3 and all(char.isupper() for char in letters)


def conference_naming_score(facts, query):
    """How strongly the query names this conference; 0 when it does not.

    Every word of the query must be explained by the conference's facts, and at
    least one fact must be specific (a year, an ordinal, a city, a country, a
    title word, a theme phrase or the host).
    """
    query_words = list(query.folded_words)
    if not query_words or not [word for word in query_words if word not in STOPWORDS]:
        return 0.0
    explained = set()
    strength = 0.0

    for year in query.years:
        if year != facts.year:
            return 0.0
        strength += 3
        explained.add(str(year))
    for ordinal in query.ordinals:
        if ordinal != facts.ordinal:
            return 0.0
        strength += 3
        explained.update(word for word in query_words if word.startswith(str(ordinal)))

    query_set = set(query_words)
    for value, weight in ((facts.city, 3), (facts.country, 1.5)):
        for part in _parts(value, separators=(",",)):
            part_words = [word for word in words(part) if word not in STOPWORDS]
            # "Washington DC" is named by "Washington": abbreviations (DC, MI, UK) are optional.
            required = [word for word in part_words if len(word) > 2] or part_words
            if required and all(word in query_set for word in required):
                strength += weight
                explained.update(part_words)
    title_words = {word for word in words(facts.title) if word not in EVENT_WORDS and not word.isdigit()}
    title_hits = (query_set & title_words) - explained
    if title_hits:
        strength += 1.5
        explained.update(title_hits)
    explained.update(EVENT_WORDS)

    remaining = [word for word in query_words if word not in explained]
    if [word for word in remaining if word not in STOPWORDS]:
        theme = _phrase_score(remaining, facts.theme)
        if theme:
            strength += 2 * theme
        elif strength > 0:
            # The host only narrows a conference already named ("ICPSR 2006"); alone, a host's
            # name ("ICPSR") is more often about its work than about the conference it hosted.
            host = _phrase_score(remaining, facts.host, separators=HOST_SEPARATORS)
            acronyms = _acronyms(facts.host)
            if not host and all(word in acronyms for word in remaining if word not in STOPWORDS):
                host = 1.5
            if not host:
                return 0.0
            strength += host
        else:
            return 0.0

    if strength <= 0:
        return 0.0
    return strength + (0.5 if facts.is_annual else 0.0) + facts.year / 100_000


# -- putting it together ---------------------------------------------------------


def apply_rules(candidates, query, *, doi_matches=(), person_works=()):
    """Give each candidate its tier: rules 1-5 above."""
    doi_matches, person_works = set(doi_matches), set(person_works)
    for candidate in candidates:
        if candidate.kind == PRESENTATION and candidate.pk in doi_matches:
            candidate.promote(TIER_DOI, reason="doi")
        if candidate.kind in (PRESENTATION, PAGE) and same_words(query.folded_words, candidate.title):
            candidate.promote(TIER_EXACT_TITLE, reason="exact title")
        if candidate.kind == CONFERENCE and candidate.conference is not None:
            if naming := conference_naming_score(candidate.conference, query):
                candidate.promote(TIER_CONFERENCE, naming, reason="conference named")
        if candidate.kind == PERSON and same_name(query.words_besides_years, candidate.title):
            candidate.promote(TIER_PERSON, reason="person named")
        if candidate.kind == PRESENTATION and candidate.pk in person_works:
            candidate.promote(TIER_PERSON_WORK, (candidate.year or 0) / 10_000, reason="by the person named")


def rank(candidates, query, *, doi_matches=(), person_works=(), prefix_last=False):
    """Score and sort the candidates of every kind into one list, best first."""
    apply_rules(candidates, query, doi_matches=doi_matches, person_works=person_works)
    for candidate in candidates:
        candidate.score = base_score(candidate, query, prefix_last=prefix_last)
    kind_order = {kind: number for number, kind in enumerate(KINDS)}
    return sorted(
        candidates,
        key=lambda c: (-c.tier, -c.tier_score, -c.score, kind_order[c.kind], c.rank, -(c.year or 0), c.pk),
    )
