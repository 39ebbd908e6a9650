"""What to do with one imported row whose source changed: the import's three-way comparison.

Three versions meet: what the import wrote last time, what the row holds now (and the editor's
draft, if any), and what the source says now. The content (title, abstract, presenters...) is
settled as a whole: if an editor touched the row, the editor's content stays and a change in the
source is a conflict. The place (session and order) is settled on its own, because inserting one
talk moves all the talks after it: the source's new place is taken unless an editor moved the row
too, or a draft, a moderation or a lock waits on it (publishing would set those aside).
"""

from dataclasses import dataclass, field


@dataclass
class RowState:
    """One row as the import finds it."""

    live: object  # RowValues of the published row
    editor: object  # RowValues of what the admin shows: the draft if there is one, else the published row
    written: str  # fingerprint of the content the import wrote last; "" when not known
    written_place: dict | None  # the place the import wrote last; None when not known
    work: object  # EditorWork


@dataclass
class Settlement:
    content: dict | None = None  # content to publish; None keeps the row's
    place: dict | None = None  # place to publish; None keeps the row's
    kept: list = field(default_factory=list)  # fields where the editor's version stays against the source's
    replaced: list = field(default_factory=list)  # fields where the source's version replaced the editor's
    written: str = ""  # what to record as written
    written_place: dict | None = None

    @property
    def publishes(self):
        return self.content is not None or self.place is not None


def settle(state, source, prefer_source=False):
    """`source` is the RowValues the source gives; returns the Settlement."""
    settlement = Settlement(written=state.written, written_place=state.written_place)
    _settle_content(settlement, state, source, prefer_source)
    _settle_place(settlement, state, source, prefer_source)
    return settlement


def _settle_content(settlement, state, source, prefer_source):
    wanted = source.fingerprint
    if not state.work.any:
        if state.live.fingerprint != wanted:
            settlement.content = source.content
        settlement.written = wanted
    elif state.editor.fingerprint == wanted:
        settlement.written = wanted  # the editor already has what the source says
    elif state.written == wanted:
        pass  # the source did not change it since the import wrote it: the editor's change stands
    elif prefer_source:
        settlement.content = source.content
        settlement.replaced += differing(state.editor.content, source.content)
        settlement.written = wanted
    else:
        settlement.kept += differing(state.editor.content, source.content)


def _settle_place(settlement, state, source, prefer_source):
    if state.editor.place == source.place and state.live.place == source.place:
        settlement.written_place = source.place
        return
    if state.written_place is not None and state.written_place == source.place:
        return  # the source did not move it: wherever the row is now stays
    moved_by_editor = state.written_place is None or state.editor.place != state.written_place
    held = state.work.draft or state.work.unpublished or bool(state.work.moderation) or state.work.locked
    if (moved_by_editor or held) and not prefer_source:
        settlement.kept += differing(state.editor.place, source.place)
        return
    if moved_by_editor or held:
        settlement.replaced += differing(state.editor.place, source.place)
    settlement.place = source.place
    settlement.written_place = source.place


def differing(editor, source):
    return [name for name in source if editor.get(name) != source[name]]
