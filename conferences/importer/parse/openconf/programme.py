"""An export laid over the archive's programme of the same conference: the programme as it ran.

The exports are what the conference actually ran, so they win where the two sources disagree. Each
of the archive's sessions takes the day and (when it has none) the chair of the export's session
that it is; a session that the export ran as several (the JSON's one "Pre-Conference Workshops" for
five workshops in five rooms) is split into those, each named as the export names it; a
presentation that the export runs in another session moves there. The export's sessions that the
JSON lacks (birds of a feather, interest groups, the closing ceremony) become sessions without
presentations, after the JSON's own in the schedule's order. The JSON's sessions keep their order
(an editor's choice, and the order that gives two presentations of the same title their
addresses); a session that the export lacks keeps its day, with a warning.
"""

import dataclasses
import re
from collections import Counter

from conferences.choices import NOT_SESSIONS

from ...errors import SourceWarning
from ..dates import parse_date_text
from ..records import SessionRecord
from .matching import match_programme, names_key

NOT_SESSION_KINDS = {kind.value for kind in NOT_SESSIONS}
WEEKDAY = re.compile(r"^\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*", re.IGNORECASE)


@dataclasses.dataclass
class Placed:
    """A presentation as it ran: `submission` is the export's, None when the export has no such submission."""

    record: object
    submission: object = None
    matched: bool = False  # to the export's submission, or to a session of the export that is this one talk


@dataclasses.dataclass
class RanSession:
    """A session of the programme as it ran; `slot` is the export's session it is, None when the export lacks it."""

    record: SessionRecord
    slot: object
    presentations: list[Placed]


class ProgrammeAsRun:
    """The sessions of `conference` (an ArchiveConference) as `export` ran them."""

    def __init__(self, conference, export, warnings):
        self.conference, self.export, self.warnings = conference, export, warnings
        self.slots = export.slots
        self.matching = match_programme(conference.sessions, self.slots)
        self.homes = self._homes()
        self.sessions = self._sessions()
        self._warn_unmatched()

    def warn(self, message):
        self.warnings.append(SourceWarning(self.export.path, message))

    def records(self):
        """The programme's sessions as plain records, presentations and presenters included."""
        return [
            dataclasses.replace(session.record, presentations=[placed.record for placed in session.presentations])
            for session in self.sessions
        ]

    def items(self):
        """The export's slots that are no session: breaks, meals, registration, social events."""
        return [slot for index, slot in enumerate(self.slots) if index not in self.homes and not _is_session(slot)]

    # -- which of the archive's sessions each slot is ------------------------------------------

    def _homes(self):
        """Slot index -> session index: by title, else the session most of the slot's presentations come from."""
        homes = dict(self.matching.session_of_slot)
        votes = {}
        for (session, _), (slot, _) in self.matching.presentations.items():
            votes.setdefault(slot, Counter())[session] += 1
        for slot, counts in votes.items():
            if slot not in homes:
                best = max(counts.values())
                homes[slot] = min(session for session, count in counts.items() if count == best)
        return homes

    # -- the sessions as they ran ----------------------------------------------------------------

    def _sessions(self):
        by_slot = self._presentations_by_slot()
        sessions = []
        for index, record in enumerate(self.conference.sessions):
            parts = sorted(slot for slot, home in self.homes.items() if home == index)
            if not parts:
                sessions.append(self._not_in_export(index, record))
                continue
            if len(parts) > 1:
                titles = ", ".join(repr(self.slots[slot].title) for slot in parts)
                self.warn(f"session {record.title!r} ran as {len(parts)} sessions ({titles}): split into them")
            for number, slot in enumerate(parts):
                sessions.append(self._part(index, record, slot, by_slot, first=number == 0, whole=len(parts) == 1))
        return sessions + [
            self._new_session(index) for index, slot in enumerate(self.slots) if self._is_new(index, slot)
        ]

    def _presentations_by_slot(self):
        """(moved in, session, order, submission) of each slot's presentations."""
        by_slot = {}
        for (session, order), (slot, submission) in self.matching.presentations.items():
            moved = session != self.homes[slot]
            if moved:
                title = self.conference.sessions[session].presentations[order].title
                target = self.conference.sessions[self.homes[slot]].title
                self.warn(f"presentation {title[:80]!r} ran in session {target!r}: moved there")
            by_slot.setdefault(slot, []).append((moved, session, order, submission))
        return by_slot

    def _part(self, index, record, slot_index, by_slot, first, whole):
        slot = self.slots[slot_index]
        entries = list(by_slot.get(slot_index, []))
        if first:
            # What the export does not place stays with the session (its first part).
            entries += [(False, index, order, None) for order in self._unplaced(index, record)]
        entries.sort(key=lambda entry: entry[:3])
        ran = dataclasses.replace(
            record,
            title=record.title if whole else slot.title,
            day=self._day(record, slot) if whole else day_text(slot.day),
            chair=record.chair or slot.chair,
            description=(record.description or slot.description)
            if whole
            else (slot.description or record.description),
            video_id=record.video_id if first else "",
        )
        placed = [
            self._placed(session, order, submission, (session, order) in self.matching.presentations)
            for _, session, order, submission in entries
        ]
        return RanSession(ran, slot, placed)

    def _unplaced(self, index, record):
        return [
            order for order in range(len(record.presentations)) if (index, order) not in self.matching.presentations
        ]

    def _not_in_export(self, index, record):
        self.warn(f"session {record.title!r} is not in the export: it keeps the JSON's day {record.day!r} and no time")
        placed = [Placed(record.presentations[order]) for order in self._unplaced(index, record)]
        return RanSession(record, None, placed)

    def _is_new(self, index, slot):
        return index not in self.homes and _is_session(slot)

    def _new_session(self, index):
        slot = self.slots[index]
        record = SessionRecord(
            title=slot.title,
            day=day_text(slot.day),
            chair=slot.chair,
            moderator="",
            description=slot.description,
            video_id="",
            presentations=[],
        )
        return RanSession(record, slot, [])

    def _day(self, record, slot):
        """The export's day wins: a JSON day that disagrees is corrected, with a warning."""
        written = WEEKDAY.sub("", record.day)
        span = parse_date_text(written, default_year=slot.day.year) if written else None
        if span and span.start == span.end == slot.day:
            return record.day
        if record.day:
            self.warn(
                f"session {record.title!r}: the JSON gives the day {record.day!r}, the export "
                f"{day_text(slot.day)!r}: the export's day is kept"
            )
        return day_text(slot.day)

    def _placed(self, session, order, submission, matched):
        """The presentation, its presenters without an institution given the one the export has for them."""
        record = self.conference.sessions[session].presentations[order]
        if submission is None:
            return Placed(record, matched=matched)
        authors = authors_by_presenter(record.presenters, submission.authors)
        presenters = [
            dataclasses.replace(person, institution=authors[number].institution)
            if not person.institution and number in authors
            else person
            for number, person in enumerate(record.presenters)
        ]
        return Placed(dataclasses.replace(record, presenters=presenters), submission, matched)

    def _warn_unmatched(self):
        matched = {id(submission) for _, submission in self.matching.presentations.values() if submission}
        for slot in self.slots:
            for submission in slot.submissions:
                if id(submission) not in matched:
                    self.warn(f"submission {submission.title[:80]!r} of {slot.title!r} matches no presentation")
        for session in self.sessions:
            for placed in session.presentations if session.slot is not None else ():
                if not placed.matched:
                    self.warn(
                        f"presentation {placed.record.title[:80]!r} matches no submission of the export: "
                        f"it keeps the time of its session {session.record.title!r}"
                    )


def _is_session(slot):
    return bool(slot.submissions) or slot.kind not in NOT_SESSION_KINDS


def day_text(day):
    """A day written as the archive JSON writes them: "May 31, 2023"."""
    return f"{day:%B} {day.day}, {day.year}"


def authors_by_presenter(presenters, authors):
    """The export's author of each presenter entry (by its place): the same folded name, else the only same surname."""
    by_name = {names_key(author.name): author for author in authors}
    matched = {}
    for order, person in enumerate(presenters):
        key = names_key(person.name)
        if key in by_name:
            matched[order] = by_name[key]
            continue
        surname = key.split()[-1:]
        same = [author for author in authors if names_key(author.name).split()[-1:] == surname]
        if surname and len(same) == 1:
            matched[order] = same[0]
    return matched
