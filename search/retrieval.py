"""Fetch the best-matching candidates of each kind from the search index.

Two retrievers, one interface:

* ``IndexTableRetriever`` reads Wagtail's database search index directly, one
  SQL statement per kind: the full-text match, the filters, the relevance
  order, the total (``COUNT(*) OVER ()``) and the columns the ranking needs.
  It is used with Wagtail's database backend on SQLite (FTS5) and PostgreSQL
  (tsvector), where going through ``QuerySet.search()`` costs a correlated
  scoring subquery per matching row on SQLite (~250 ms for "metadata" over the
  imported archive) and a separate count.
* ``QuerySetRetriever`` goes through the public ``.search()``/``.autocomplete()``
  API, so any backend works (Elasticsearch, OpenSearch).

Neither passes visitor input to the database as query syntax: a query arrives
as ``Unit``s of plain words (letters, digits, apostrophes; see query.py), each
bound as a parameter and quoted as a literal term or phrase.
"""

import sqlite3
from collections import namedtuple
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from conferences.models import Person, Presentation, Presenter, Session

PAGE_FIELDS = ("id", "title", "seo_title", "path", "url_path", "content_type_id")


PageRow = namedtuple("PageRow", ["pk", "title", "seo_title", "path", "url_path", "content_type_id"])
PresentationRow = namedtuple("PresentationRow", ["pk", "title", "slug", "conference_id"])
PersonRow = namedtuple("PersonRow", ["pk", "name", "slug"])
ROW_TYPES = {Page: PageRow, Presentation: PresentationRow, Person: PersonRow}
# Kinds whose entries PostgreSQL should find through the text's GIN indexes rather than test one by one.
TEXT_INDEX_FIRST = {Presentation}


@dataclass(frozen=True)
class Unit:
    """One part of a query: a word, a "phrase of words", or a word-prefix (as-you-type)."""

    kind: str  # "word", "phrase" or "prefix"
    words: tuple

    @property
    def text(self):
        return " ".join(self.words)


def query_units(query, *, drop_years=False, prefix_last=False):
    """The units of a ParsedQuery, each once, optionally without years, optionally with the last word a prefix."""
    units = []
    for is_phrase, tokens in query._segments_for_backend(drop_years):
        if is_phrase and len(tokens) > 1:
            units.append(Unit("phrase", tuple(tokens)))
        else:
            units.extend(Unit("word", (token,)) for token in tokens)
    if prefix_last and units:
        last = units[-1]
        units[-1] = Unit("prefix", last.words[-1:]) if last.kind == "word" else last
    # A word asked for again finds nothing more, and would cost another pass over its index entries.
    distinct = {}
    for unit in units:
        distinct.setdefault((unit.kind, tuple(word.lower() for word in unit.words)), unit)
    return list(distinct.values())


@dataclass
class Found:
    """Ranked objects of one kind (best first) and how many matched in all.

    `more` says that more matched than were looked at (PostgreSQL ranks a bounded set): `total` is then
    a lower bound.
    """

    items: list
    total: int
    more: bool = False


# PostgreSQL ranks at most this many matches of a kind, the most recently added; more are not counted.
# Above the size of every kind in the real archive (2,223 presentations, 2,047 people), so its results
# are those of ranking every match; at a hundred times the archive, a word found in 200,000
# presentations costs the ranking of these, not of all (docs/search.md, "Backends").
RANKED_MATCHES = 2500


def get_retriever():
    """The fastest retriever that gives correct results for the configured default backend."""
    backend = get_search_backend()
    module = type(backend).__module__
    if module.endswith("sqlite.sqlite") and connection.vendor == "sqlite":
        return IndexTableRetriever("sqlite")
    if module.endswith("postgres.postgres") and connection.vendor == "postgresql":
        return IndexTableRetriever("postgresql", config=getattr(backend, "config", None))
    return QuerySetRetriever()


class IndexTableRetriever:
    def __init__(self, vendor, config=None):
        self.vendor = vendor
        self.config = config
        app_config = get_app_config()
        self.entry_table = app_config.get_model("IndexEntry")._meta.db_table
        if vendor == "sqlite":
            self.fts_table = app_config.get_model("SQLiteFTSIndexEntry")._meta.db_table

    # -- the match and rank expressions ------------------------------------------

    def _sqlite_match(self, units, operator, autocomplete):
        def literal(unit):
            quoted = '"' + unit.text.replace('"', '""') + '"'
            return quoted + "*" if unit.kind == "prefix" else quoted

        joiner = " AND " if operator == "and" else " OR "
        columns = "{autocomplete}" if autocomplete else "{title body}"
        expression = f"{columns} : ({joiner.join(literal(unit) for unit in units)})"
        if autocomplete:
            rank = f"bm25({self.fts_table}, 1.0, 0.0, 0.0)"
        else:
            # Columns are (autocomplete, body, title): a word in the title counts five times.
            rank = f"bm25({self.fts_table}, 0.0, 1.0, 5.0)"
        # bm25() only works in the statement that runs the MATCH, so the match is ranked in a CTE, which is
        # materialised: flattened into the join, SQLite would run the full-text match once per index row.
        materialized = "MATERIALIZED " if sqlite3.sqlite_version_info >= (3, 35) else ""
        prefix = (
            f"WITH f AS {materialized}(SELECT rowid AS entry_id, {rank} AS fts_rank "  # noqa: S608 -- names only
            f"FROM {self.fts_table} WHERE {self.fts_table} MATCH %s) "
        )
        source = f"f JOIN {self.entry_table} e ON e.id = f.entry_id"
        return prefix, source, "1 = 1", [expression], "f.fts_rank", "ASC"

    def _postgres_match(self, units, operator, autocomplete):
        config = "simple" if autocomplete else self.config
        params, columns = [], []
        for number, unit in enumerate(units):
            if unit.kind == "prefix":
                columns.append(f"to_tsquery('simple'::regconfig, %s) AS u{number}")
                params.append("'" + unit.text.replace("\\", "\\\\").replace("'", "''") + "':*")
                continue
            function = "phraseto_tsquery" if unit.kind == "phrase" else "plainto_tsquery"
            if config:
                columns.append(f"{function}(%s::regconfig, %s) AS u{number}")
                params.extend([config, unit.text])
            else:
                columns.append(f"{function}(%s) AS u{number}")
                params.append(unit.text)
        combined = (" && " if operator == "and" else " || ").join(f"u{n}" for n in range(len(units)))
        vectors = ("e.autocomplete",) if autocomplete else ("e.title", "e.body")

        def unit_matches(name):
            return "(" + " OR ".join(f"{vector} @@ q.{name}" for vector in vectors) + ")"

        # A unit that is only stop words ("the") becomes an empty tsquery: it neither requires nor matches.
        if operator == "and":
            parts = [f"(numnode(q.u{n}) = 0 OR {unit_matches(f'u{n}')})" for n in range(len(units))]
            condition = "(" + " AND ".join(parts) + ") AND numnode(q.q) > 0"
        else:
            parts = [f"(numnode(q.u{n}) > 0 AND {unit_matches(f'u{n}')})" for n in range(len(units))]
            condition = "(" + " OR ".join(parts) + ")"
        inner = ", ".join(columns)
        units_sql = f"SELECT *, ({combined}) AS q FROM (SELECT {inner}) units"  # noqa: S608 -- names and %s only
        source = f"({units_sql}) q CROSS JOIN {self.entry_table} e"
        if autocomplete:
            rank = "ts_rank(e.autocomplete, q.q)"
        else:
            rank = "(ts_rank(e.title, q.q) * 2 + ts_rank(e.body, q.q))"
        return "", source, condition, params, rank, "DESC"

    def _object_join(self, alias, table):
        # The entry's object_id (text) is cast to the object's key, not the key to text: so PostgreSQL can look
        # each matching entry's object up through its primary key instead of hashing every row of the object
        # table. Every model the site indexes (pages, presentations, people) has an integer primary key.
        return f"JOIN {table} {alias} ON {alias}.id = CAST(e.object_id AS INTEGER)"

    def _content_type_filter(self, model):
        """The condition on the entry's content type, written so that PostgreSQL finds the matches fastest.

        Pages and people are few or short: PostgreSQL reads them through the content type index and tests
        each. Presentations are many and long, and reading an entry's text vectors is what costs: there,
        "+ 0" keeps the planner off the content type index, so that the GIN indexes on the text find the
        entries that match a rare word without reading the others (a common word is found by one scan).
        See docs/search.md, "Backends", for the measurements and the index's storage.
        """
        if self.vendor == "postgresql" and model in TEXT_INDEX_FIRST:
            return "e.content_type_id + 0"
        return "e.content_type_id"

    def _run(self, model, alias, columns, units, operator, autocomplete, content_types, where, where_params, limit):
        if not units:
            return Found([], 0)
        if self.vendor == "postgresql":
            return self._run_bounded(
                model, alias, columns, units, operator, autocomplete, content_types, where, where_params, limit
            )
        build = self._sqlite_match if self.vendor == "sqlite" else self._postgres_match
        prefix, source, match, match_params, rank, direction = build(units, operator, autocomplete)
        select = ", ".join(f"{alias}.{column}" for column in columns)
        placeholders = ", ".join(["%s"] * len(content_types))
        content_type = self._content_type_filter(model)
        # The matches are ranked in a subquery, and only then counted and sorted: so the window and the sort
        # carry the few columns shown, not the entries' text vectors (PostgreSQL would otherwise compute the
        # rank above the window and spill the matches of a common word to disk). "OFFSET 0" keeps
        # PostgreSQL from merging the subquery back into the outer query.
        fence = " OFFSET 0" if self.vendor == "postgresql" else ""
        sql = (
            f"{prefix}SELECT {', '.join(columns)}, search_rank, COUNT(*) OVER () AS search_total FROM ("  # noqa: S608 -- see below
            f"SELECT {select}, {rank} AS search_rank "
            f"FROM {source} {self._object_join(alias, model._meta.db_table)} "
            f"WHERE {match} AND {content_type} IN ({placeholders}) {where}{fence}"
            f") ranked ORDER BY search_rank {direction}, id DESC LIMIT %s"
        )
        # Only table and column names and %s placeholders are interpolated; every value is a parameter.
        # The match parameters come first on both: in the FROM clause on PostgreSQL, in the CTE on SQLite.
        params = [*match_params, *content_types, *where_params, limit]
        row = ROW_TYPES[model]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        return Found([row(*values[: len(columns)]) for values in fetched], fetched[0][-1] if fetched else 0)

    def _run_bounded(self, model, alias, columns, units, operator, autocomplete, content_types, where, where_params,
                     limit):  # fmt: skip
        """PostgreSQL: the newest RANKED_MATCHES + 1 matches (by the object's key) are ranked, not every match.

        The innermost query only tests the match and the filters, and keeps each match's key, entry and query:
        so the filters can be answered from an index (presentations: `presentation_live_placement`), and no
        match's row is read for columns that only the results shown need. The bounded set then reads its
        entries' vectors again by primary key to rank them, in a subquery fenced with OFFSET 0 (a sort that
        carried the vectors spilled to disk for a common word); it is counted and sorted, and only the rows
        shown are read from the object's table. The content type is compared as it is (no "+ 0"): the planner
        then knows how many entries are presentations, and picks its join by the number of matches it expects.
        """
        _, source, match, match_params, _, _ = self._postgres_match(units, operator, autocomplete)
        if autocomplete:
            rank = "ts_rank(v.autocomplete, b.v_q)"
        else:
            rank = "(ts_rank(v.title, b.v_q) * 2 + ts_rank(v.body, b.v_q))"
        table = model._meta.db_table
        placeholders = ", ".join(["%s"] * len(content_types))
        shown = ", ".join(f"t.{column}" for column in columns)
        sql = (
            f"SELECT {shown}, r.search_rank, r.search_total FROM ("  # noqa: S608 -- see _run
            f"SELECT id, search_rank, COUNT(*) OVER () AS search_total FROM ("
            f"SELECT b.id, {rank} AS search_rank FROM ("
            f"SELECT {alias}.id, e.id AS v_entry, q.q AS v_q "
            f"FROM {source} {self._object_join(alias, table)} "
            f"WHERE {match} AND e.content_type_id IN ({placeholders}) {where} "
            f"ORDER BY {alias}.id DESC LIMIT %s"
            f") b JOIN {self.entry_table} v ON v.id = b.v_entry OFFSET 0"
            f") ranked ORDER BY search_rank DESC, id DESC LIMIT %s"
            f") r JOIN {table} t ON t.id = r.id ORDER BY r.search_rank DESC, r.id DESC"
        )
        params = [*match_params, *content_types, *where_params, RANKED_MATCHES + 1, limit]
        row = ROW_TYPES[model]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        total = fetched[0][-1] if fetched else 0
        items = [row(*values[: len(columns)]) for values in fetched]
        return Found(items, min(total, RANKED_MATCHES), more=total > RANKED_MATCHES)

    # -- one method per kind ---------------------------------------------------------

    def pages(self, units, operator, *, autocomplete=False, limit=300):
        content_types = get_descendants_content_types_pks(Page)
        live = "TRUE" if self.vendor == "postgresql" else "1"
        return self._run(
            Page, "p", PAGE_FIELDS, units, operator, autocomplete, content_types,
            f"AND p.live = {live} AND p.depth > 1", [], limit,
        )  # fmt: skip

    def presentations(self, units, operator, conference_ids, *, autocomplete=False, limit=300):
        if not conference_ids:
            return Found([], 0)
        placeholders = ", ".join(["%s"] * len(conference_ids))
        # No ORDER BY in the subquery: the model's ordering joins sessions and made PostgreSQL compare
        # every match with every presentation (39 ms for "open data" on PostgreSQL; 4 ms without).
        # Presentation.objects.live() written on the row itself: a published row in a published session.
        # As "p.id IN (live presentations)" PostgreSQL looked every match up a second time by its key.
        sessions_sql, sessions_params = Session.objects.live().order_by().values("pk").query.sql_with_params()
        live = "TRUE" if self.vendor == "postgresql" else "1"
        return self._run(
            Presentation, "p", ("id", "title", "slug", "conference_id"), units, operator, autocomplete,
            [ContentType.objects.get_for_model(Presentation).pk],
            f"AND p.conference_id IN ({placeholders}) AND p.live = {live} AND p.session_id IN ({sessions_sql})",
            [*conference_ids, *sessions_params], limit,
        )  # fmt: skip

    def people(self, units, operator, conference_ids=None, *, autocomplete=False, limit=100):
        where, params = "", []
        if conference_ids is not None:
            if not conference_ids:
                return Found([], 0)
            presenter = Presenter._meta.db_table
            presentation = Presentation._meta.db_table
            placeholders = ", ".join(["%s"] * len(conference_ids))
            where = (
                f"AND EXISTS (SELECT 1 FROM {presenter} pr JOIN {presentation} pn ON pn.id = pr.presentation_id "  # noqa: S608
                f"WHERE pr.person_id = p.id AND pn.conference_id IN ({placeholders}))"
            )
            params = list(conference_ids)
        return self._run(
            Person, "p", ("id", "name", "slug"), units, operator, autocomplete,
            [ContentType.objects.get_for_model(Person).pk], where, params, limit,
        )  # fmt: skip


class QuerySetRetriever:
    """Any search backend, through QuerySet.search() and .autocomplete()."""

    @staticmethod
    def _query(units, operator):
        parts = []
        for unit in units:
            if unit.kind == "phrase":
                parts.append(Phrase(unit.text))
            else:
                parts.append(PlainText(unit.text, operator=operator))
        if len(parts) == 1:
            return parts[0]
        return And(parts) if operator == "and" else Or(parts)

    def _run(self, queryset, units, operator, autocomplete, limit):
        if not units:
            return Found([], 0)
        if autocomplete:
            results = queryset.autocomplete(" ".join(unit.text for unit in units), operator=operator)
        else:
            results = queryset.search(self._query(units, operator), operator=operator)
        items = list(results[:limit])
        total = results.count() if len(items) == limit else len(items)
        row = ROW_TYPES[Page if issubclass(queryset.model, Page) else queryset.model]
        items = [row(*(getattr(item, field) for field in row._fields)) for item in items]
        return Found(items, total)

    def pages(self, units, operator, *, autocomplete=False, limit=300):
        queryset = Page.objects.live().filter(depth__gt=1).only(*PAGE_FIELDS)
        return self._run(queryset, units, operator, autocomplete, limit)

    def presentations(self, units, operator, conference_ids, *, autocomplete=False, limit=300):
        if not conference_ids:
            return Found([], 0)
        queryset = (
            Presentation.objects.live()
            .filter(conference_id__in=conference_ids)
            .only("id", "title", "slug", "conference_id")
        )
        return self._run(queryset, units, operator, autocomplete, limit)

    def people(self, units, operator, conference_ids=None, *, autocomplete=False, limit=100):
        found = self._run(Person.objects.only("id", "name", "slug"), units, operator, autocomplete, limit)
        if conference_ids is not None and found.items:
            present = set(
                Presenter.objects.filter(
                    person_id__in=[person.pk for person in found.items],
                    presentation__conference_id__in=conference_ids,
                ).values_list("person_id", flat=True)
            )
            found.items = [person for person in found.items if person.pk in present]
            found.total = len(found.items)
        return found
