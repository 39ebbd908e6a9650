"""What the results page shows of each result, read for one page of results at a time.

The ranking works on ``Candidate``s, which carry only what the rules need. ``hydrate`` turns the
candidates of the page shown into ``Result``s, whose every field the templates read is declared
here, and fills them in one small function per kind: a fixed number of queries whatever the
number of results (two for presentations, one for people, one plus one per page type for pages,
none for conferences). What each shows depends only on the content, so it is read once per result and
content generation in each process (search/cache.py, per_content_each): a results page whose results
were all shown before runs none of these queries.
"""

from dataclasses import dataclass, field

from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from conferences.models import Presentation, Presenter
from conferences.showing import site_today

from .cache import per_content_each
from .ranking import CONFERENCE, KIND_LABELS, PAGE, PERSON, PRESENTATION, ConferenceFacts
from .snippets import contains_match

# Abstracts that say there is none are not worth showing.
NO_ABSTRACT = {"", "no abstract available", "no abstract", "n/a", "tba", "tbd"}


@dataclass
class Result:
    """One result as the results page shows it."""

    kind: str
    pk: int
    title: str
    url: str
    year: int | None = None
    conference: ConferenceFacts | None = None
    # The text the snippet is cut from: an abstract, a person's institutions, a theme and host, a page's text.
    snippet_text: str = ""
    # A presentation's presenters (names, in order) and session title.
    people: list[str] = field(default_factory=list)
    session: str = ""
    # A person's published presentations and the years of the first and the last.
    talks: int = 0
    first_year: int | None = None
    last_year: int | None = None
    # A conference's dates, city and country, and ordinal ("47th"), as its own page shows them.
    dates: str = ""
    location: str = ""
    ordinal_text: str = ""
    # Set by the view: the title and snippet with the query's words marked (escaped, safe HTML).
    title_html: str = ""
    snippet: str = ""

    @classmethod
    def of(cls, candidate):
        return cls(
            kind=candidate.kind,
            pk=candidate.pk,
            title=candidate.title,
            url=candidate.url,
            year=candidate.year,
            conference=candidate.conference,
        )

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


def _fill_conferences(results, query):
    for result in results:
        facts = result.conference
        page = facts.page_object()
        result.dates = page.date_display
        result.location = page.location
        result.ordinal_text = page.ordinal_text
        hosted = f"Hosted by {facts.host}." if facts.host else ""
        result.snippet_text = " ".join(part for part in (facts.theme, hosted) if part)


@dataclass(frozen=True)
class _PresentationShown:
    abstract: str
    session: str
    people: tuple[str, ...]


def _read_presentations(ids):
    # Rows, not model instances: building a presentation, its session and each presenter and person as
    # objects cost more than the two statements themselves.
    rows = Presentation.objects.filter(pk__in=ids).values_list("pk", "abstract", "session__title")
    people = {}
    # In the programme's order; presenters imported together share a sort order, so the id breaks ties.
    entries = Presenter.objects.filter(presentation_id__in=ids).order_by("sort_order", "pk")
    for presentation_id, name in entries.values_list("presentation_id", "person__name"):
        people.setdefault(presentation_id, []).append(name)
    return {
        pk: _PresentationShown((abstract or "").strip(), session or "", tuple(people.get(pk, ())))
        for pk, abstract, session in rows
    }


def _fill_presentations(results, query):
    # What a result shows of a presentation changes only with the content: read once per presentation and
    # content generation in this process (search/cache.py), not on every search that shows it.
    shown = per_content_each(None, ("presentations shown",), [result.pk for result in results], _read_presentations)
    for result in results:
        if (found := shown.get(result.pk)) is None:
            continue
        result.people = list(found.people)
        result.session = found.session
        result.snippet_text = "" if found.abstract.casefold().strip(" .") in NO_ABSTRACT else found.abstract


@dataclass(frozen=True)
class _PersonShown:
    years: tuple[int, ...]
    institutions: tuple[str, ...]


def _read_people(ids):
    entries = (
        Presenter.objects.filter(person_id__in=ids, presentation__in=Presentation.objects.public())
        .order_by("-presentation__conference__year", "pk")
        .values_list("person_id", "institution", "presentation__conference__year")
    )
    years, institutions = {}, {}
    for person_id, institution, year in entries:
        years.setdefault(person_id, []).append(year)
        known = institutions.setdefault(person_id, [])
        if institution and institution not in known:
            known.append(institution)
    # Every id asked for is answered, with no talks if it has none, so that it is kept too.
    return {pk: _PersonShown(tuple(years.get(pk, ())), tuple(institutions.get(pk, ()))) for pk in ids}


def _fill_people(results, query):
    shown = per_content_each(None, ("people shown",), [result.pk for result in results], _read_people)
    for result in results:
        found = shown[result.pk]
        result.talks = len(found.years)
        result.first_year = min(found.years, default=None)
        result.last_year = max(found.years, default=None)
        result.snippet_text = "; ".join(found.institutions[:3])


def _fill_pages(results, query):
    # A page's texts change only with the content and, for its notices with days, with the day: read (a
    # query per page type, and the StreamField's blocks) once per page, content generation and day
    # (search/cache.py), not on every search that shows the page.
    def read(ids):
        return {page.pk: page_texts(page) for page in Page.objects.filter(pk__in=ids).specific()}

    texts = per_content_each(None, ("page texts", site_today()), [r.pk for r in results], read)
    for result in results:
        result.snippet_text = _text_to_match(texts[result.pk], query) if result.pk in texts else ""


FILLERS = {
    CONFERENCE: _fill_conferences,
    PRESENTATION: _fill_presentations,
    PERSON: _fill_people,
    PAGE: _fill_pages,
}


def hydrate(candidates, query=None):
    """The `Result`s of `candidates`, in their order, with what the results page shows of each."""
    results = [Result.of(candidate) for candidate in candidates]
    for kind, fill in FILLERS.items():
        if chosen := [result for result in results if result.kind == kind]:
            fill(chosen, query)
    return results


def _stream_texts(value):
    """The searchable text of each block of a StreamField value, one block at a time."""
    for child in value:
        yield from (str(text) for text in child.block.get_searchable_content(child.value))


def page_texts(page):
    """The readable texts of a page for its snippets: its description, then its intro's and body's blocks, by field."""
    fields = []
    for name in ("intro", "body"):
        value = getattr(page, name, None)
        if not value:
            continue
        if hasattr(page._meta.get_field(name), "stream_block"):
            fields.append(list(_stream_texts(value)))
        else:
            fields.append([get_text_for_indexing(str(value))])
    return page.search_description or "", fields


def page_text(page, query=None):
    """The readable text of a page for its snippet: up to the first passage that matches `query`."""
    return _text_to_match(page_texts(page), query)


def _text_to_match(texts, query):
    """The description and the fields' texts joined, stopping a little after the first passage that matches.

    Reading stops one text after the match, or at the end of the field that holds it: the snippet shows
    only that.
    """
    description, fields = texts
    pieces, matched_at = [description], None
    for field_texts in fields:
        for text in field_texts:
            pieces.append(text)
            if query is not None and matched_at is None and contains_match(text, query):
                matched_at = len(pieces)
            if matched_at is not None and len(pieces) > matched_at + 1:
                break
        if matched_at is not None:
            break
    return " ".join(piece.strip() for piece in pieces if piece and piece.strip())
