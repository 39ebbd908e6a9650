"""The site search page, /search/?q=…, and its JSON format, /search/?q=…&format=json."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from . import engine, hits, results, suggestions
from .cache import kept
from .query import ParsedQuery
from .ranking import KIND_PLURALS, KINDS
from .snippets import highlight
from .spelling import search_as_meant

RESULTS_PER_PAGE = 10
JSON_DEFAULT_LIMIT = 20
JSON_MAX_LIMIT = 20
SNIPPET_WIDTH = 260
FIRST_DECADE = 1970


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


def _int(value, default):
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def _page_number(value, num_pages):
    """The page asked for, within 1..num_pages; anything that is not a number is page 1."""
    return min(max(_int(value, 1), 1), max(num_pages, 1))


def _decade_options(selected):
    last = timezone.now().year // 10 * 10
    options = [Option("", "Any decade", selected is None)]
    for decade in range(last, FIRST_DECADE - 10, -10):
        options.append(Option(str(decade), f"{decade}s", decade == selected))
    return options


def _kind_options(selected):
    options = [Option("", "Everything", selected is None)]
    for kind in KINDS:
        options.append(Option(kind, KIND_PLURALS[kind], kind == selected))
    return options


@dataclass(frozen=True)
class KindLink:
    label: str
    count: int
    url: str
    current: bool


def _search_url(text, kind=None, decade=None, *, as_typed=False):
    params = {"q": text, "kind": kind or "", "decade": decade or "", "as_typed": "1" if as_typed else ""}
    return f"{reverse('search')}?{urlencode({key: item for key, item in params.items() if item})}"


def _kind_links(request, query, kind, decade, outcome):
    """Links to the same search narrowed to each kind, with how many results each has."""
    links = []
    for value, label in [("", "Everything"), *((name, KIND_PLURALS[name]) for name in KINDS)]:
        count = sum(outcome.counts.values()) if not value else outcome.counts.get(value, 0)
        url = _search_url(query.text, value, decade, as_typed=_as_typed(request))
        links.append(KindLink(label, count, url, (value or None) == kind))
    return links


def _spelling_links(query, kind, decade, found):
    """The links of "Showing results for X; search instead for Y" and of "Did you mean X?"."""
    if found.corrected:
        return {
            "corrected_url": _search_url(found.corrected, kind, decade),
            "as_typed_url": _search_url(query.text, kind, decade, as_typed=True),
        }
    if found.suggestion:
        return {"suggestion_url": _search_url(found.suggestion, kind, decade)}
    return {}


def _filters(request):
    """The kind and decade asked for, and a message for each value that was not understood."""
    notes = []
    raw_kind = request.GET.get("kind", "").strip()
    kind = raw_kind if raw_kind in KINDS else None
    if raw_kind and kind is None:
        notes.append("That kind of result is not one this search knows, so everything is shown.")
    raw_decade = request.GET.get("decade", "").strip()
    decade = engine.decade_of(raw_decade)
    if raw_decade and decade is None:
        notes.append("That decade is not one this search knows, so all years are shown.")
    return kind, decade, notes


def _params(request, *names):
    """The values of these parameters as the search reads them, for the cache's key."""
    return tuple(request.GET.get(name, "").strip() for name in names)


def _json_item(candidate):
    return {"title": candidate.title, "url": candidate.url, "kind": candidate.kind, "year": candidate.year}


def _as_typed(request):
    """Whether the visitor asked for the query as typed, not corrected ("search instead for …")."""
    return request.GET.get("as_typed", "") in ("1", "true", "yes")


def _json_results(request, query, kind, decade):
    """The count and one page of results for the JSON format (without the query, which the caller echoes)."""
    limit = min(max(_int(request.GET.get("limit"), JSON_DEFAULT_LIMIT), 1), JSON_MAX_LIMIT)
    if request.GET.get("suggest", "") in ("1", "true", "yes"):
        found = suggestions.suggest(query, engine.PageUrls(request), limit=limit, kind=kind, decade=decade)
        return {"count": len(found), "results": [_json_item(row) for row in found]}
    outcome, spelling = search_as_meant(query, as_typed=_as_typed(request), kind=kind, decade=decade, request=request)
    paginator = Paginator(outcome.results, limit)
    page = paginator.page(_page_number(request.GET.get("page"), paginator.num_pages))
    data = {"count": outcome.count, "results": [_json_item(candidate) for candidate in page.object_list]}
    if spelling.corrected:
        data["corrected"] = spelling.corrected
    if spelling.suggestion:
        data["suggestion"] = spelling.suggestion
    return data


def _search_json(request, query, kind, decade, notes):
    parts = ("json", query.normal_form, kind, decade, *_params(request, "page", "limit", "suggest", "as_typed"))
    found = kept(request, parts, lambda: _json_results(request, query, kind, decade))
    data = {"query": query.text, **found}
    if notes:
        data["notes"] = notes
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    return response


@dataclass
class ResultsPage:
    """One page of a search's results, and what the page says of them all."""

    count: int
    counts: dict
    matches: int
    capped: bool
    matches_at_least: bool
    relaxed: bool
    number: int
    results: list
    # The query the results are for, when the one typed found nothing; a better one to offer.
    corrected: str = ""
    suggestion: str = ""


def _results_page(request, query, kind, decade):
    outcome, spelling = search_as_meant(query, as_typed=_as_typed(request), kind=kind, decade=decade, request=request)
    # The words marked are those searched: the corrected ones when the results are for them.
    query = outcome.query
    paginator = Paginator(outcome.results, RESULTS_PER_PAGE)
    number = _page_number(request.GET.get("page"), paginator.num_pages)
    shown = results.hydrate(paginator.page(number).object_list, query)
    return ResultsPage(
        corrected=spelling.corrected,
        suggestion=spelling.suggestion,
        count=outcome.count,
        counts=outcome.counts,
        matches=outcome.matches,
        capped=outcome.capped,
        matches_at_least=outcome.matches_at_least,
        relaxed=outcome.relaxed,
        number=number,
        results=_decorate(shown, query),
    )


def _decorate(shown, query):
    """Titles and snippets with the query's words marked, for the template."""
    for result in shown:
        result.title_html = highlight(result.title, query)
        result.snippet = highlight(result.snippet_text, query, width=SNIPPET_WIDTH)
    return shown


def search(request):
    query = ParsedQuery.parse(request.GET.get("q", ""))
    kind, decade, notes = _filters(request)
    if query.truncated:
        notes.insert(0, f"Your search was shortened to its first {query.shortened_to}.")

    if request.GET.get("format") == "json":
        return _search_json(request, query, kind, decade, notes)

    # The whole page is kept too, keyed by the parameters as typed (the box shows the query as typed,
    # and the notes answer the filters' raw values): public pages carry no nonce and no CSRF token, so a
    # page rendered for one visitor is right for the next. The search log still counts every search.
    typed = (request.GET.get(name, "") for name in ("q", "kind", "decade", "page", "as_typed"))
    parts = ("page", request.scheme, *typed)
    content, first_page = kept(request, parts, lambda: _rendered_page(request, query, kind, decade, notes))
    if first_page and not query.is_empty:
        # Counted in a tally written to the database in bulk now and then (search/hits.py).
        hits.count(query.text)
    response = HttpResponse(content, content_type="text/html; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    return response


def _rendered_page(request, query, kind, decade, notes):
    """The results page's HTML, and whether it is the first page of results (the one the log counts)."""
    parts = ("html", query.normal_form, kind, decade, *_params(request, "page", "as_typed"))
    found = kept(request, parts, lambda: _results_page(request, query, kind, decade))
    # The paginator only counts: the results of the page are in `found`.
    page = Paginator(range(found.count), RESULTS_PER_PAGE).page(found.number)
    promotions = []
    if not query.is_empty and found.number == 1:
        # Editors' picks are content: changing one replaces the generation, so a kept page shows it.
        # Read by the query's text: Query.get() would also create the query's row, which the hits' tally does.
        picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query.text))
        promotions = list(picks.select_related("page").order_by("sort_order"))
    context = {
        "search_query": query.text,
        "query": query,
        "outcome": found,
        "page_obj": page,
        "results": found.results,
        "promotions": promotions,
        "notes": notes,
        "kind": kind,
        "decade": decade,
        "kind_label": KIND_PLURALS.get(kind, ""),
        "kind_options": _kind_options(kind),
        "kind_links": _kind_links(request, query, kind, decade, found),
        "decade_options": _decade_options(decade),
        **_spelling_links(query, kind, decade, found),
    }
    return render_to_string("search/search.html", context, request), found.number == 1
