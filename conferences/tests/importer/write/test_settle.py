"""The three-way decision for one row: what the import wrote, what the row holds, what the source says."""

from conferences.importer.write.editor_work import EditorWork
from conferences.importer.write.programme_rows import RowValues
from conferences.importer.write.settle import RowState, settle

WRITTEN = RowValues({"title": "Census of Canada", "abstract": "As imported."}, {"session_id": 1, "sort_order": 0})


def values(place=None, **content):
    return RowValues({**WRITTEN.content, **content}, {**WRITTEN.place, **(place or {})})


def state(live=WRITTEN, editor=None, work=None, written=WRITTEN):
    return RowState(live, editor or live, written.fingerprint, written.place, work or EditorWork())


def test_a_row_no_editor_touched_takes_the_sources_content():
    result = settle(state(), values(abstract="Corrected."))
    assert result.content == values(abstract="Corrected.").content and result.kept == []


def test_an_unchanged_source_writes_nothing():
    assert not settle(state(), WRITTEN).publishes


def test_an_editors_published_edit_stays_against_a_changed_source():
    edited = values(abstract="Edited.")
    result = settle(state(live=edited, work=EditorWork(edited=True)), values(abstract="Corrected."))
    assert result.content is None and result.kept == ["abstract"]


def test_an_editors_edit_stands_quietly_when_the_source_did_not_change_the_row():
    edited = values(abstract="Edited.")
    result = settle(state(live=edited, work=EditorWork(edited=True)), WRITTEN)
    assert not result.publishes and result.kept == []


def test_an_editor_who_made_the_sources_change_is_no_conflict():
    edited = values(abstract="Corrected.")
    result = settle(state(live=edited, work=EditorWork(edited=True)), values(abstract="Corrected."))
    assert result.kept == [] and result.written == edited.fingerprint


def test_a_draft_is_compared_with_the_source():
    draft = values(abstract="Drafted.")
    result = settle(state(editor=draft, work=EditorWork(draft=True)), values(abstract="Corrected."))
    assert result.content is None and result.kept == ["abstract"]


def test_prefer_source_replaces_the_editors_content_and_names_what_it_replaced():
    edited = values(abstract="Edited.", title="Census")
    result = settle(state(live=edited, work=EditorWork(edited=True)), values(abstract="Corrected."), True)
    assert result.content == values(abstract="Corrected.").content
    assert result.replaced == ["title", "abstract"]


def test_a_conflict_keeps_what_the_import_wrote_so_it_is_reported_again():
    edited = values(abstract="Edited.")
    result = settle(state(live=edited, work=EditorWork(edited=True)), values(abstract="Corrected."))
    assert result.written == WRITTEN.fingerprint


def test_a_row_the_source_moved_takes_its_new_place():
    result = settle(state(), values(place={"sort_order": 1}))
    assert result.place == {"session_id": 1, "sort_order": 1} and result.content is None


def test_an_edited_row_the_source_moved_keeps_its_content_and_takes_its_new_place():
    edited = values(abstract="Edited.")
    result = settle(state(live=edited, work=EditorWork(edited=True)), values(place={"sort_order": 1}))
    assert (result.content, result.place, result.kept) == (None, {"session_id": 1, "sort_order": 1}, [])


def test_a_row_an_editor_moved_keeps_its_place_against_the_sources():
    moved = values(place={"sort_order": 5})
    result = settle(state(live=moved), values(place={"sort_order": 1}))
    assert result.place is None and result.kept == ["sort_order"]


def test_a_row_an_editor_moved_keeps_its_place_when_the_source_did_not_move_it():
    moved = values(place={"sort_order": 5})
    result = settle(state(live=moved), values(abstract="Corrected."))
    assert result.place is None and result.kept == []


def test_a_row_with_a_draft_is_not_moved_under_the_draft():
    result = settle(state(work=EditorWork(draft=True)), values(place={"session_id": 2}))
    assert result.place is None and result.kept == ["session_id"]


def test_prefer_source_moves_a_row_with_a_draft():
    result = settle(state(work=EditorWork(draft=True)), values(place={"session_id": 2}), True)
    assert result.place == {"session_id": 2, "sort_order": 0} and result.replaced == ["session_id"]


def test_a_row_whose_writing_is_not_known_is_not_moved_against_its_editor():
    unknown = RowState(WRITTEN, WRITTEN, "", None, EditorWork(edited=True))
    result = settle(unknown, values(place={"sort_order": 3}, abstract="Corrected."))
    assert result.kept == ["abstract", "sort_order"] and not result.publishes
