"""The sentences that report conflicts with editors' work: no database, plain values."""

from types import SimpleNamespace

from conferences.importer.write.conflicts import ConflictWriter
from conferences.importer.write.editor_work import EditorWork
from conferences.importer.write.report import ImportReport

LONG = "Geolinking Service SoRa – Development of the Social-Spatial Science Research Data Infrastructure"


def writer(dry_run=False):
    names = SimpleNamespace(person=lambda pk: {7: "Ann Green"}[pk], session=lambda pk: {3: "Plenary 1"}[pk])
    return ConflictWriter(SimpleNamespace(title="IASSIST 2025"), ImportReport(dry_run=dry_run), names)


def kept(conflicts, editor, source, fields, work=None):
    conflicts.kept("presentation", editor["title"], work or EditorWork(edited=True), editor, source, fields)
    return conflicts.report.conflicts


def test_a_long_value_is_shown_where_it_differs_from_the_editors():
    sentences = kept(writer(), {"title": f"{LONG}: FAIR (edited)"}, {"title": f"{LONG}: FAIR"}, ["title"])
    assert sentences[0].endswith("the source says: title “…Infrastructure: FAIR”")


def test_a_dry_run_says_what_it_would_keep():
    sentences = kept(writer(dry_run=True), {"title": "A"}, {"title": "B"}, ["title"])
    assert sentences == [
        "IASSIST 2025: would keep the editor's version of presentation “A” (published an edit); "
        "the source says: title “B”"
    ]


def test_presenters_sessions_and_places_are_named():
    source = {"title": "A", "presenters": [[7, "SND", ""]], "session_id": 3, "sort_order": 0}
    sentences = kept(writer(), {"title": "A"}, source, ["presenters", "session_id", "sort_order"])
    assert sentences[0].endswith("the source says: presenters “Ann Green (SND)”, session “Plenary 1”, place 1")


def test_a_row_only_moved_by_its_editor_says_so():
    sentences = kept(writer(), {"title": "A"}, {"title": "A", "sort_order": 4}, ["sort_order"], EditorWork())
    assert "(moved it)" in sentences[0]
