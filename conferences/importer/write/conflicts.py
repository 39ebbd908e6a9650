"""Sentences for the rows where the source and an editor's work disagree, for the end of the import's output."""

from os.path import commonprefix

LABELS = {
    "session_id": "session",
    "sort_order": "place",
    "title": "title",
    "day": "day",
    "chair": "chair",
    "moderator": "moderator",
    "description": "description",
    "abstract": "abstract",
    "video_id": "video",
    "presenters": "presenters",
    "dois": "DOIs",
}
LONGEST_VALUE = 80


class ConflictWriter:
    """Writes one programme's conflicts into the report, in the tense of the run (a dry run would do it)."""

    def __init__(self, conference, report, names):
        self.conference = conference.title
        self.report = report
        self.names = names  # .person(pk) and .session(pk) give what to call them

    def kept(self, kind, title, work, editor, source, fields):
        verb = self._verb("kept", "would keep")
        self._add(f"{verb} the editor's version of {kind} “{title}” ({_done(work)}); "
                  f"the source says: {self._values(source, fields, editor)}")  # fmt: skip

    def replaced(self, kind, title, work, editor, source, fields):
        verb = self._verb("replaced", "would replace")
        changes = ", ".join(
            f"{LABELS[name]} {self._value(name, editor[name], source[name])} → "
            f"{self._value(name, source[name], editor[name])}"
            for name in fields
        )
        notes = [note for condition, note in (
            (work.draft and not work.unpublished, "the draft stays in its history"),
            (work.unpublished, "it is published again"),
            (work.moderation, "its moderation is cancelled"),
        ) if condition]  # fmt: skip
        tail = f" ({'; '.join(notes)})" if notes else ""
        self._add(f"{verb} the editor's version of {kind} “{title}” ({_done(work)}) "
                  f"with the source's: {changes}{tail}")  # fmt: skip

    def kept_without_source(self, kind, title, reason):
        verb = self._verb("kept", "would keep")
        self._add(f"{verb} {kind} “{title}”, which the source no longer has: {reason}")

    def unpublished_without_source(self, kind, title, reason):
        verb = self._verb("unpublished", "would unpublish")
        self._add(f"{verb} {kind} “{title}”, which the source no longer has ({reason}); its history is kept")

    def kept_deleted(self, kind, title, source):
        verb = self._verb("left out", "would leave out")
        fields = [name for name in source if name in LABELS and name not in ("session_id", "sort_order")]
        self._add(f"{verb} {kind} “{title}”, which an editor deleted; the source says: "
                  f"{self._values(source, fields)}")  # fmt: skip

    def recreated(self, kind, title):
        verb = self._verb("recreated", "would recreate")
        self._add(f"{verb} {kind} “{title}” from the source, which an editor had deleted")

    def _verb(self, done, would):
        return would if self.report.dry_run else done

    def _add(self, sentence):
        self.report.conflicts.append(f"{self.conference}: {sentence}")

    def _values(self, values, fields, others=None):
        return ", ".join(
            f"{LABELS[name]} {self._value(name, values[name], (others or {}).get(name))}" for name in fields
        )

    def _value(self, name, value, other=None):
        """`value` for the report; beside `other`, a long text is shown where the two differ."""
        if name == "sort_order":
            return str(value + 1)
        text = self._text(name, value)
        if not text:
            return "(empty)"
        return f"“{_excerpt(text, self._text(name, other) if other is not None else '')}”"

    def _text(self, name, value):
        if name == "presenters":
            return "; ".join(
                f"{self.names.person(person)} ({institution})" if institution else self.names.person(person)
                for person, institution, _ in value
            )
        if name == "dois":
            return ", ".join(value)
        if name == "session_id":
            return self.names.session(value)
        return str(value)


def _excerpt(text, other):
    """`text` cut to LONGEST_VALUE characters, starting a little before it first differs from `other`."""
    if len(text) <= LONGEST_VALUE:
        return text
    start = max(0, len(commonprefix([text, other])) - 20) if other else 0
    end = start + LONGEST_VALUE
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _done(work):
    # Content untouched, yet in conflict: the editor moved the row to another place.
    return work.describe() or "moved it"
