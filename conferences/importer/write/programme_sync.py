"""One conference's programme brought up to date with a changed source, row by row, keeping editors' work.

Rows keep their ids. A row the import wrote takes the source's changes through a published
revision, as an edit in the admin would, unless that would lose an editor's work (`settle.py`):
then the editor's version stays and the conflict is reported, unless the run prefers the source.
Rows the source no longer has are deleted only when no editor touched them; rows created in the
admin are the editors' own and are left alone.
"""

from dataclasses import dataclass

from conferences.models import Presentation, Session

from .bookkeeping import RowRecord, row_key
from .conflicts import ConflictWriter
from .editor_work import editor_version, editor_work
from .matching import Known, match_rows
from .programme_rows import presentation_values, row_values, session_values
from .row_writes import RowWriter
from .settle import RowState, settle


@dataclass
class KnownRow:
    """A row the import wrote before (`row` is None once an editor has deleted it)."""

    key: str
    row: object
    written: str  # the fingerprint of the content the import wrote; "" when not known
    written_place: dict | None
    source_title: str
    source_order: int


class ProgrammeSync:
    def __init__(self, conference, key, programme, people, records, report, prefer_source=False):
        self.conference, self.key, self.programme = conference, key, programme
        self.people, self.records, self.report = people, records, report
        self.prefer_source = prefer_source
        self.writer = RowWriter(conference, programme.path, report)
        self.session_titles = {}
        self.conflicts = ConflictWriter(conference, report, self)
        self.unresolved = False  # some conflict stays; the programme is compared again on the next run
        self.remembered, self.forgotten = [], []

    def run(self):
        """Returns the presentations written (created or updated), for the search index."""
        session_ids, gone_sessions = self._sessions()
        self._presentations(session_ids)
        self._sessions_gone(gone_sessions)
        self.records.remember_rows(self.remembered)
        self.records.forget(self.forgotten)
        return self.writer.written_presentations

    # names for the report

    def person(self, pk):
        return self.people.name_of(pk)

    def session(self, pk):
        return self.session_titles.get(pk) or "(none)"

    # sessions

    def _sessions(self):
        rows = list(Session.objects.filter(conference=self.conference))
        self.session_titles = {row.pk: row.title for row in rows}
        known, pairs, work = self._match("session", rows, [record.title for record in self.programme.sessions])
        session_ids, new = [], []
        for index, record in enumerate(self.programme.sessions):
            source = session_values(record, index)
            found = known[pairs[index]] if index in pairs else None
            if found is None or (found.row is None and self._recreate("session", found, source)):
                new.append((index, source))
                session_ids.append(None)
            elif found.row is None:
                session_ids.append(None)
            else:
                self._settle("session", found, source, work[found.row.pk], index)
                session_ids.append(found.row.pk)
        for (index, source), row in zip(new, self.writer.create_sessions([values for _, values in new]), strict=True):
            session_ids[index] = row.pk
            self.session_titles[row.pk] = row.title
            self._remember_new("session", row, source, index)
        gone = [(found, work.get(found.row.pk) if found.row else None)
                for number, found in enumerate(known) if number not in pairs.values()]  # fmt: skip
        return session_ids, gone

    def _sessions_gone(self, gone):
        for found, work in gone:
            if found.row is None:
                self.forgotten.append(found.key)
                continue
            holds = Presentation.objects.filter(session=found.row).count()
            if not work.any and not holds:
                self.writer.delete(found.row)
                self.forgotten.append(found.key)
            else:
                reason = f"an editor {work.describe()}" if work.any else f"it holds {holds} presentations that stay"
                self._without_source("session", found, reason)

    # presentations

    def _presentations(self, session_ids):
        rows = list(Presentation.objects.filter(conference=self.conference).prefetch_related("presenters", "dois"))
        entries = [
            (session_index, order, record)
            for session_index, session in enumerate(self.programme.sessions)
            for order, record in enumerate(session.presentations)
        ]
        known, pairs, work = self._match("presentation", rows, [record.title for _, _, record in entries])
        for number, found in enumerate(known):
            if number not in pairs.values():
                self._presentation_gone(found, work.get(found.row.pk) if found.row else None)
        new = []
        for order_in_source, (session_index, order, record) in enumerate(entries):
            found = known[pairs[order_in_source]] if order_in_source in pairs else None
            if session_ids[session_index] is None:
                self._left_out_with_session(found, record, self.programme.sessions[session_index].title)
                continue
            source = presentation_values(record, session_ids[session_index], order, self.people)
            if found is None or (found.row is None and self._recreate("presentation", found, source)):
                new.append((order_in_source, source))
            elif found.row is not None:
                self._settle("presentation", found, source, work[found.row.pk], order_in_source)
        created = self.writer.create_presentations([values for _, values in new])
        for (order_in_source, source), row in zip(new, created, strict=True):
            self._remember_new("presentation", row, source, order_in_source)

    def _presentation_gone(self, found, work):
        if found.row is None:
            self.forgotten.append(found.key)
        elif not work.any:
            self.writer.delete(found.row)
            self.forgotten.append(found.key)
        else:
            self._without_source("presentation", found, f"an editor {work.describe()}")

    def _left_out_with_session(self, found, record, session_title):
        if found is not None and found.row is None:
            return  # deleted with its session: the editor's deletion stands, nothing to say
        self.unresolved = True
        verb = "would leave out" if self.report.dry_run else "left out"
        self.report.conflicts.append(
            f"{self.conference.title}: {verb} presentation “{record.title}”: an editor deleted its session "
            f"“{session_title}”"
        )

    # one row

    def _match(self, kind, rows, titles):
        known = self._known(kind, rows)
        pairs = match_rows([Known(found.source_title, found.source_order) for found in known], titles)
        present = [found.row for found in known if found.row is not None]
        work = editor_work(present, {found.row.pk: found.written for found in known if found.row is not None})
        return known, pairs, work

    def _known(self, kind, rows):
        """The rows the import wrote; rows created in the admin are not among them."""
        by_pk = {row.pk: row for row in rows}
        records = self.records.under(f"{kind}:{self.key}:")
        if not records:
            return [self._written_before_row_records(kind, row, order) for order, row in enumerate(rows)]
        if not any(record.object_id in by_pk for record in records):
            # None of them is left: the conference page was deleted and created again, so start afresh.
            self.forgotten += [record.key for record in records]
            return []
        return [
            KnownRow(record.key, by_pk.get(record.object_id), record.fingerprint, record.written_place,
                     record.source_title, record.source_order or 0)
            for record in records
        ]  # fmt: skip

    def _written_before_row_records(self, kind, row, order):
        """A row of an import that kept no row records: every row came from the source, in this order.

        That import published no revisions, so a row without one is as it wrote it; of a row with
        one, what it wrote is not known.
        """
        key = row_key(kind, self.key, row.pk)
        if row.latest_revision_id is None:
            values = row_values(row)
            return KnownRow(key, row, values.fingerprint, values.place, row.title, order)
        return KnownRow(key, row, "", None, row.title, order)

    def _settle(self, kind, found, source, work, order_in_source):
        """Bring one existing row to what the source says, unless that would lose an editor's work."""
        live = row_values(found.row)
        editor = row_values(editor_version(found.row)) if found.row.has_unpublished_changes else live
        settlement = settle(RowState(live, editor, found.written, found.written_place, work), source,
                            self.prefer_source)  # fmt: skip
        if settlement.replaced:
            self.conflicts.replaced(kind, editor.content["title"], work, editor.merged(), source.merged(),
                                    settlement.replaced)  # fmt: skip
        if settlement.kept:
            self.conflicts.kept(kind, editor.content["title"], work, editor.merged(), source.merged(), settlement.kept)
            self.unresolved = True
        if settlement.publishes:
            content = settlement.content if settlement.content is not None else live.content
            place = settlement.place if settlement.place is not None else live.place
            if not self.writer.publish(kind, found.row, type(source)(content, place)):
                settlement.written, settlement.written_place = found.written, found.written_place
        self.remembered.append(RowRecord(found.key, found.row, settlement.written, settlement.written_place,
                                         source.content["title"], order_in_source))  # fmt: skip

    def _recreate(self, kind, found, source):
        """A row an editor deleted: it stays deleted unless the source changed it and the run prefers the source."""
        if found.written and found.written == source.fingerprint:
            return False
        if self.prefer_source:
            self.conflicts.recreated(kind, source.content["title"])
            self.forgotten.append(found.key)
            return True
        self.conflicts.kept_deleted(kind, found.source_title, source.content)
        self.unresolved = True
        return False

    def _without_source(self, kind, found, reason):
        if self.prefer_source:
            self.conflicts.unpublished_without_source(kind, found.row.title, reason)
            self.writer.unpublish(kind, found.row)
            self.forgotten.append(found.key)
        else:
            self.conflicts.kept_without_source(kind, found.row.title, reason)
            self.unresolved = True
            self.remembered.append(RowRecord(found.key, found.row, found.written, found.written_place,
                                             found.source_title, found.source_order))  # fmt: skip

    def _remember_new(self, kind, row, source, order_in_source):
        key = row_key(kind, self.key, row.pk)
        self.remembered.append(RowRecord(key, row, source.fingerprint, source.place, source.content["title"],
                                         order_in_source))  # fmt: skip
