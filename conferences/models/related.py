"""Related presentations for a presentation's page: shared presenters first, then similar words.

Similarity is TF-IDF over titles and abstracts, computed here in Python from one read of the
public programme, so that it ranks alike on SQLite and PostgreSQL and needs no search server.

Any change to published content replaces the content generation (the RELATED_PRESENTATIONS_GENERATION
setting), but most changes (a notice, a page's text, a conference website's buttons) leave the public
programme as it was. So what is kept is keyed by a fingerprint of the programme as read: the digest of
the rows the index is built from. The first request of a new generation, in any process, reads those
rows (three queries: view restrictions, presentations, presenters) and keeps their fingerprint in
Django's cache under the generation; the other processes read it from there. Each presentation's
answer, five small rows, is kept in Django's cache under the fingerprint, and the word index once per
process under it: after an edit that leaves the programme alone, no process builds the index again and
no answer is ranked again.
Without a generation setting, or with a cache that fails, answers are computed on each request.
"""

import hashlib
import logging
import math
import re
import threading
from collections import Counter, defaultdict

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string
from wagtail.models import Page

from .. import paths
from ..text import fold_accents
from .programme import Presentation, Presenter

logger = logging.getLogger(__name__)

LIMIT = 5
# Below this cosine two texts share only a common word or two: not worth a visitor's click.
MIN_SIMILARITY = 0.05
# Terms in more than this share of presentations say nothing about any one of them.
MAX_DOCUMENT_SHARE = 0.5
KEY = "conferences:related:2:{fingerprint}:{pk}"
FINGERPRINT_KEY = "conferences:related:fingerprint:2:{generation}"
# A fingerprint's entries outlive the generations that share it, but those of an older programme are never
# read again: a day bounds the memory they hold (an answer still wanted is ranked again after it).
KEEP_SECONDS = 24 * 60 * 60
WORD = re.compile(r"[a-z0-9]{3,}")
STOP_WORDS = frozenset(
    "the and for with from this that these those are was were been being have has had not but into onto "
    "our their its his her they them you your can will would should could may might also more most "
    "such than then there here what which who whom when where why how all any each other some about "
    "over under between through using use used new how data".split()
)

_index_lock = threading.Lock()
# This process's word index, with the fingerprint of the programme it was built from, and the fingerprint
# of the last generation this process asked for.
_index = {"fingerprint": None, "corpus": None, "generation": None, "generation_fingerprint": None}


def related_presentations(presentation, request=None):
    """Up to five public presentations related to `presentation`, as plain rows for a template."""
    generation = _generation()
    if generation is None:
        return _rank(_build_corpus(_read_programme(request)), presentation.pk)
    source = None
    fingerprint = _known_fingerprint(generation)
    if fingerprint is None:
        source = _read_programme(request)
        fingerprint = _remember_fingerprint(generation, source)
    key = KEY.format(fingerprint=fingerprint, pk=presentation.pk)
    rows = cache.get(key)
    if rows is None:
        built_from, corpus = _corpus(fingerprint, source, request)
        rows = _rank(corpus, presentation.pk)
        if built_from == fingerprint:  # else the programme changed meanwhile, and so will the generation
            cache.set(key, rows, timeout=KEEP_SECONDS)
    return rows


def _known_fingerprint(generation):
    """The programme's fingerprint for `generation`, from this process or the shared cache, or None."""
    with _index_lock:
        if _index["generation"] == generation:
            return _index["generation_fingerprint"]
    fingerprint = cache.get(FINGERPRINT_KEY.format(generation=generation))
    if fingerprint is not None:
        _note_fingerprint(generation, fingerprint)
    return fingerprint


def _remember_fingerprint(generation, source):
    fingerprint = source["fingerprint"]
    cache.set(FINGERPRINT_KEY.format(generation=generation), fingerprint, timeout=KEEP_SECONDS)
    _note_fingerprint(generation, fingerprint)
    return fingerprint


def _note_fingerprint(generation, fingerprint):
    with _index_lock:
        _index["generation"], _index["generation_fingerprint"] = generation, fingerprint


def _generation():
    path = getattr(settings, "RELATED_PRESENTATIONS_GENERATION", None)
    if not path:
        return None
    try:
        return import_string(path)()
    except Exception:  # A cache that is down must not take the presentation page with it.
        logger.warning("No content generation for related presentations: computing them uncached.", exc_info=True)
        return None


def _corpus(fingerprint, source, request):
    """(fingerprint, word index): this process's index for the programme with `fingerprint`, built if it
    has none. The programme may have changed since the fingerprint was taken: the index is kept under the
    fingerprint of what it was built from, which is returned with it."""
    with _index_lock:
        if _index["fingerprint"] != fingerprint:
            source = source or _read_programme(request)
            _index["corpus"], _index["fingerprint"] = _build_corpus(source), source["fingerprint"]
        return _index["fingerprint"], _index["corpus"]


def words(text):
    """The words of `text` that can tell two presentations apart, with plurals folded."""
    found = []
    for word in WORD.findall(fold_accents(text).lower()):
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word not in STOP_WORDS:
            found.append(word)
    return found


def _read_programme(request):
    """Every public presentation's row, its presenters and its address, and the digest of all of it."""
    public = Presentation.objects.public()
    rows = {
        row["pk"]: row
        for row in public.order_by("pk").values(
            "pk",
            "title",
            "abstract",
            "slug",
            "conference_id",
            "conference__title",
            "conference__year",
            "conference__url_path",
        )
    }
    presenters = list(
        Presenter.objects.filter(presentation_id__in=public.values("pk"))
        .order_by("sort_order", "pk")
        .values_list("presentation_id", "person_id", "person__name")
    )
    urls = _conference_urls(rows.values(), request)
    digest = hashlib.blake2b(digest_size=16)
    for part in (rows, presenters, urls):
        digest.update(repr(part).encode())
    return {"rows": rows, "presenters": presenters, "urls": urls, "fingerprint": digest.hexdigest()}


def _build_corpus(source):
    """The word index of the programme `_read_programme` read: rows to show, people and TF-IDF vectors."""
    rows, urls = source["rows"], source["urls"]
    people, names = defaultdict(set), defaultdict(list)
    for presentation_id, person_id, name in source["presenters"]:
        people[presentation_id].add(person_id)
        names[presentation_id].append(name)
    vectors = _vectors({pk: words(f"{row['title']} {row['title']} {row['abstract']}") for pk, row in rows.items()})
    return {
        "items": {
            pk: {
                "title": row["title"],
                "conference": row["conference__title"],
                "year": row["conference__year"],
                "presenters": ", ".join(names[pk]),
                "url": paths.presentation_url(urls[row["conference_id"]], row["slug"])
                if urls.get(row["conference_id"])
                else None,
            }
            for pk, row in rows.items()
        },  # fmt: skip
        "people": dict(people),
        "vectors": vectors,
        "postings": _postings(vectors),
    }


def _conference_urls(rows, request):
    """Each conference's address from its url_path, without reading its page again."""
    paths_by_id = {row["conference_id"]: row["conference__url_path"] for row in rows}
    return {pk: Page(pk=pk, url_path=url_path).get_url(request) for pk, url_path in paths_by_id.items()}


def _vectors(documents):
    """Unit-length TF-IDF vectors; the title counts twice, being what the talk is about."""
    frequency = Counter(word for document in documents.values() for word in set(document))
    total = len(documents) or 1
    useful = {word for word, count in frequency.items() if 1 < count <= max(2, total * MAX_DOCUMENT_SHARE)}
    vectors = {}
    for pk, document in documents.items():
        weights = {
            word: (1 + math.log(count)) * math.log(total / frequency[word])
            for word, count in Counter(document).items()
            if word in useful
        }
        length = math.sqrt(sum(weight * weight for weight in weights.values()))
        vectors[pk] = {word: weight / length for word, weight in weights.items()} if length else {}
    return vectors


def _postings(vectors):
    postings = defaultdict(list)
    for pk, vector in vectors.items():
        for word, weight in vector.items():
            postings[word].append((pk, weight))
    return dict(postings)


def _similarities(corpus, pk):
    scores = defaultdict(float)
    for word, weight in corpus["vectors"].get(pk, {}).items():
        for other, other_weight in corpus["postings"][word]:
            scores[other] += weight * other_weight
    return scores


def _rank(corpus, pk):
    """Presentations by shared presenters (most shared first), then by similarity; never `pk` itself."""
    scores = _similarities(corpus, pk)
    mine = corpus["people"].get(pk, set())
    candidates = {}
    for other, people in corpus["people"].items():
        shared = len(mine & people)
        if shared and other != pk:
            candidates[other] = (shared, scores.get(other, 0.0))
    for other, score in scores.items():
        if other != pk and other not in candidates and score >= MIN_SIMILARITY:
            candidates[other] = (0, score)
    items = corpus["items"]

    def order(other):
        shared, score = candidates[other]
        return (-shared, -score, -items[other]["year"], other)

    chosen, titles = [], {_title_key(items[pk]["title"])}
    for other in sorted(candidates, key=order):
        # A talk given again under the same title is one suggestion, the newest giving of it.
        if _title_key(items[other]["title"]) not in titles:
            titles.add(_title_key(items[other]["title"]))
            chosen.append({**items[other], "shared_presenters": candidates[other][0] > 0})
        if len(chosen) == LIMIT:
            break
    return chosen


def _title_key(title):
    return " ".join(re.findall(r"[a-z0-9]+", fold_accents(title).lower()))
