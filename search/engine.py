"""Site search: find conferences, presentations, people and pages, and rank them together.

``run_search`` is the one entry point; the HTML view, the JSON format, the
suggestions and the benchmark all use it, so they all rank alike.

Each kind is searched on its own through Wagtail's search backend (whatever
WAGTAILSEARCH_BACKENDS selects), a bounded number of candidates is taken from
each, and ``ranking.rank`` merges them with the explicit rules. Queries per
search are bounded and do not grow with the number of results:

* the live, public conferences (one query, plus one for view restrictions);
* one full-text query per kind (pages, presentations, people), and a count
  when a kind has more matches than are ranked;
* only when the query needs them: the presentations with the DOI it mentions,
  and the presentations of the person it names;
* for the results shown, ``results.hydrate`` adds abstracts, presenters and
  page text in a fixed number of queries.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, Site

from conferences import paths
from conferences.models import ConferenceIndexPage, ConferencePage, Presentation, PresentationDOI, Presenter
from home.view_restrictions import restricted_paths

from . import ranking
from .cache import known_site, per_content
from .query import ParsedQuery
from .ranking import CONFERENCE, KINDS, PAGE, PERSON, PRESENTATION, Candidate, ConferenceFacts
from .retrieval import get_retriever, query_units

# How many candidates of each kind are ranked; more matches are counted, not ranked.
PAGE_CANDIDATES = 300
PRESENTATION_CANDIDATES = 300
PERSON_CANDIDATES = 100
TREE_STEP = 4  # treebeard's path step: a page's ancestors' paths are its path's prefixes


@dataclass
class SearchOutcome:
    query: ParsedQuery
    results: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    matches: int = 0
    # More matched than were counted: `matches` is a lower bound (retrieval.RANKED_MATCHES).
    matches_at_least: bool = False
    kind: str | None = None
    decade: int | None = None
    relaxed: bool = False

    @property
    def count(self):
        return len(self.results)

    @property
    def capped(self):
        return self.matches_at_least or self.matches > sum(self.counts.values())


def decade_of(value):
    """The decade a filter value names ("1990", "1990s", "1995" -> 1990), else None."""
    text = str(value or "").strip().lower().removesuffix("s")
    if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2099:
        return int(text) // 10 * 10
    return None


def _is_public(path, restricted):
    return not any(path.startswith(prefix) for prefix in restricted)


CONFERENCE_FIELDS = (
    "id", "title", "year", "kind", "ordinal", "city", "country", "host", "theme", "path", "url_path",
    "start_date", "end_date", "date_precision",
)  # fmt: skip


class PageUrls:
    """Page URLs from tree paths, as Page.get_url() gives them, without a Page object or a query each.

    Uses the site root paths Wagtail caches (on the request when there is one).
    With WAGTAIL_I18N_ENABLED, URLs depend on the active language: Page.get_url() is used.
    """

    def __init__(self, request=None):
        self.request = request
        if request is not None and hasattr(request, "_wagtail_cached_site_root_paths"):
            self.roots = request._wagtail_cached_site_root_paths
        else:
            self.roots = Site.get_site_root_paths()
            if request is not None:
                request._wagtail_cached_site_root_paths = self.roots
        self.current_site = Site.find_for_request(request) if request is not None else None
        self.single_site = len({root.site_id for root in self.roots}) == 1
        self.i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        self.cache = {}

    def __call__(self, url_path, page_id=None):
        if url_path not in self.cache:
            self.cache[url_path] = self._url(url_path, page_id)
        return self.cache[url_path]

    def _url(self, url_path, page_id):
        if self.i18n and page_id is not None:
            page = Page.objects.filter(pk=page_id).first()
            return page.get_url(self.request) if page else None
        roots = [root for root in self.roots if url_path.startswith(root.root_path)]
        if not roots:
            return None
        root = roots[0]
        if len({item.site_id for item in roots}) > 1 and self.current_site is not None:
            root = next((item for item in roots if item.site_id == self.current_site.pk), root)
        try:
            path = reverse("wagtail_serve", args=(url_path[len(root.root_path) :],))
        except NoReverseMatch:
            return None
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
            path = path.rstrip("/")
        if self.single_site or (self.current_site is not None and root.site_id == self.current_site.pk):
            return path
        return root.root_url + path


def live_conferences(urls, restricted=()):
    """Facts of every live, public conference, keyed by page id (one query, no page objects).

    Their `url` is left unset: `conference_url` works it out when a result needs it.
    """
    facts = {}
    rows = ConferencePage.objects.live().order_by("path").values_list(*CONFERENCE_FIELDS)
    for values in rows:
        row = dict(zip(CONFERENCE_FIELDS, values, strict=True))
        if not _is_public(row["path"], restricted):
            continue
        facts[row["id"]] = ConferenceFacts(
            pk=row["id"],
            title=row["title"],
            year=row["year"],
            kind=row["kind"],
            ordinal=row["ordinal"],
            city=row["city"],
            country=row["country"],
            host=row["host"],
            theme=row["theme"],
            path=row["path"],
            fields=row,
        )
    return facts


def conference_url(facts, urls):
    """A conference's URL, worked out the first time a result needs it.

    Reversing every conference's URL for each search was a third of a search's time in Python, and most
    searches show the results of a few conferences.
    """
    if facts.url is None:
        facts.url = urls(facts.fields["url_path"], facts.pk)
    return facts.url


def _conference_for_path(path, by_path):
    for end in range(len(path), 0, -TREE_STEP):
        if facts := by_path.get(path[:end]):
            return facts
    return None


def _conference_index_url(request):
    if request is None:
        index_page = ConferenceIndexPage.for_request(None)
        return index_page.get_url() if index_page else None

    def read():
        index_page = ConferenceIndexPage.for_request(request)
        return index_page, index_page.get_url(request) if index_page else None

    index_page, url = per_content(request, "conference index", read)
    # Kept where for_request() looks: the page's shell asks for it too.
    if index_page is not None:
        ConferenceIndexPage.remember_for_request(request, index_page)
    return url


class _Searcher:
    """One pass over every kind with one operator ("and" or "or")."""

    def __init__(self, query, *, decade, request, suggest, operator, retriever, urls):
        self.query = query
        self.urls = urls
        self.decade = decade
        self.request = request
        self.suggest = suggest
        self.operator = operator
        self.retriever = retriever
        self.matches = 0
        self.more = False

    def run(self, conferences, restricted):
        self.conferences = conferences
        self.by_path = {facts.path: facts for facts in conferences.values()}
        self.restricted = restricted
        self.conference_ids = [facts.pk for facts in conferences.values() if self._year_ok(facts.year)]
        self.units = query_units(self.query, prefix_last=self.suggest)
        self.units_without_years = query_units(self.query, drop_years=self.years_as_filter, prefix_last=self.suggest)
        return [*self._pages(), *self._presentations(), *self._people()]

    def _year_ok(self, year):
        return self.decade is None or (year is not None and self.decade <= year < self.decade + 10)

    @property
    def years_as_filter(self):
        """A query such as "census 2022" looks for "census" among the 2022 conferences' presentations."""
        return bool(self.query.years) and self.query.has_words_besides_years

    @property
    def presentation_conference_ids(self):
        if not self.years_as_filter:
            return self.conference_ids
        years = set(self.query.years)
        return [pk for pk in self.conference_ids if self.conferences[pk].year in years]

    def _pages(self):
        found = self.retriever.pages(self.units, self.operator, autocomplete=self.suggest, limit=PAGE_CANDIDATES)
        self.matches += found.total
        self.more = self.more or found.more
        candidates = []
        for number, page in enumerate(found.items):
            model = ContentType.objects.get_for_id(page.content_type_id).model_class() or Page
            if issubclass(model, ConferencePage):
                facts = self.conferences.get(page.pk)
                if facts is None or not self._year_ok(facts.year):
                    continue
                candidates.append(
                    Candidate(
                        CONFERENCE,
                        page.pk,
                        facts.title,
                        conference_url(facts, self.urls),
                        year=facts.year,
                        conference=facts,
                        match_text=facts.match_text(),
                        rank=number,
                    )
                )
                continue
            if not _is_public(page.path, self.restricted):
                continue
            conference = _conference_for_path(page.path, self.by_path)
            year = conference.year if conference else None
            if self.decade is not None and not self._year_ok(year):
                continue
            candidates.append(
                Candidate(
                    PAGE,
                    page.pk,
                    page.title,
                    self.urls(page.url_path, page.pk),
                    year=year,
                    conference=conference,
                    match_text=" ".join(filter(None, (page.title, page.seo_title))),
                    rank=number,
                    obj=page,
                )
            )
        return candidates

    def _presentation_candidate(self, item, number):
        facts = self.conferences.get(item.conference_id)
        base = conference_url(facts, self.urls) if facts else None
        url = paths.presentation_url(base, item.slug) if base else None
        return Candidate(
            PRESENTATION,
            item.pk,
            item.title,
            url,
            year=facts.year if facts else None,
            conference=facts,
            match_text=item.title,
            rank=number,
            obj=item,
        )

    def _presentations(self):
        found = self.retriever.presentations(
            self.units_without_years,
            self.operator,
            self.presentation_conference_ids,
            autocomplete=self.suggest,
            limit=PRESENTATION_CANDIDATES,
        )
        self.matches += found.total
        self.more = self.more or found.more
        return [self._presentation_candidate(item, number) for number, item in enumerate(found.items)]

    def _people(self):
        found = self.retriever.people(
            self.units_without_years,
            self.operator,
            self.conference_ids if self.decade is not None else None,
            autocomplete=self.suggest,
            limit=PERSON_CANDIDATES,
        )
        self.matches += found.total
        self.more = self.more or found.more
        index_url = _conference_index_url(self.request)
        return [
            Candidate(
                PERSON,
                person.pk,
                person.name,
                paths.person_url(index_url, person.slug) if index_url else None,
                match_text=person.name,
                rank=number,
                obj=person,
            )
            for number, person in enumerate(found.items)
        ]

    # -- rule data ------------------------------------------------------------

    def _presentation_queryset(self):
        return (
            Presentation.objects.live()
            .filter(conference_id__in=self.presentation_conference_ids)
            .only("id", "title", "slug", "conference_id")
        )

    def doi_matches(self, candidates):
        """Presentations carrying the DOI in the query, added to the candidates if missing."""
        doi = self.query.doi
        if not doi or not self.presentation_conference_ids:
            return set()
        # The keys of the presentations carrying it first, from two indexed lookups joined by UNION (SQLite takes
        # a compound statement only at the top): a join of both tables with OR between them read every
        # presentation, DOI and presenter (100 ms at a hundred times the archive, docs/search.md).
        carrying = (
            PresentationDOI.objects.filter(doi=doi)
            .order_by()
            .values_list("presentation_id", flat=True)
            .union(Presenter.objects.filter(doi__iexact=doi).order_by().values_list("presentation_id", flat=True))
        )
        keys = list(carrying)
        found = list(self._presentation_queryset().filter(pk__in=keys)) if keys else []
        return self._add_presentations(candidates, found)

    def person_works(self, candidates):
        """Presentations of the people the query names exactly, added to the candidates if missing."""
        named = self.query.words_besides_years
        people = [c.pk for c in candidates if c.kind == PERSON and ranking.same_name(named, c.title)]
        if not people or not self.presentation_conference_ids:
            return set()
        found = list(self._presentation_queryset().filter(presenters__person_id__in=people).distinct())
        return self._add_presentations(candidates, found)

    def _add_presentations(self, candidates, found):
        present = {c.pk for c in candidates if c.kind == PRESENTATION}
        for item in found:
            if item.pk not in present:
                candidates.append(self._presentation_candidate(item, PRESENTATION_CANDIDATES))
                self.matches += 1
        return {item.pk for item in found}


def run_search(raw_query, *, kind=None, decade=None, request=None, suggest=False, retriever=None):
    """Search every kind for `raw_query` and return the merged, ranked outcome.

    `kind` (one of ranking.KINDS) and `decade` (e.g. 1990) filter; `suggest`
    matches the last word as a prefix, against titles and names only, for
    as-you-type suggestions. `retriever` defaults to the fastest one for the
    configured backend (see retrieval.py).
    """
    query = raw_query if isinstance(raw_query, ParsedQuery) else ParsedQuery.parse(raw_query)
    kind = kind if kind in KINDS else None
    outcome = SearchOutcome(query=query, kind=kind, decade=decade)
    if query.is_empty:
        return outcome

    restricted = restricted_paths()
    known_site(request)
    urls = PageUrls(request)
    conferences = per_content(request, "live conferences", lambda: live_conferences(urls, restricted))
    retriever = retriever or get_retriever()
    operators = ["and", "or"] if query.term_count > 1 else ["and"]
    for operator in operators:
        searcher = _Searcher(
            query,
            decade=decade,
            request=request,
            suggest=suggest,
            operator=operator,
            retriever=retriever,
            urls=urls,
        )
        candidates = searcher.run(conferences, restricted)
        doi_matches = searcher.doi_matches(candidates)
        person_works = searcher.person_works(candidates)
        if candidates:
            break
    outcome.relaxed = operator == "or"
    ranked = ranking.rank(candidates, query, doi_matches=doi_matches, person_works=person_works, prefix_last=suggest)
    ranked = [c for c in ranked if c.url]
    # Every kind is searched whatever the filter, so that the page can say how many of each there are.
    outcome.counts = {name: sum(1 for c in ranked if c.kind == name) for name in KINDS}
    outcome.results = [c for c in ranked if kind is None or c.kind == kind]
    outcome.matches = max(searcher.matches, len(ranked))
    outcome.matches_at_least = searcher.more
    return outcome
