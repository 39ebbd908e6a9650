"""The schedule page of an OpenConf export (`index.html`): days, time slots and the sessions in them.

Read by OpenConf's class names in document order, not by the tables' nesting, which differs between
exports: a day heading (`oc_program_Date`) starts a day, a time cell (`oc_program_time`) a time slot,
and each session cell (`oc_program_concurrentSession`) after it is one session of that slot, with
its room from the slot's row of rooms (`oc_program_concurrentSessionRoom`, one per session, in the
same order) or written beside its title (`oc_program_concurrentSessionRoomInline`, in brackets).
"""

import datetime
import re

from bs4 import BeautifulSoup

from ...errors import SourceWarning
from ..text import clean_line, plain_text
from .kinds import slot_kind, type_classes
from .records import Slot, Submission
from .submissions import authors_from_line

DAY_CLASS = "oc_program_Date"
TIME_CLASS = "oc_program_time"
SESSION_CLASS = "oc_program_concurrentSession"
ROOM_CLASS = "oc_program_concurrentSessionRoom"
INLINE_ROOM_CLASS = "oc_program_concurrentSessionRoomInline"
TITLE_CLASS = "oc_program_concurrentSessionTitle"
CHAIR_CLASS = "oc_program_concurrentSessionChairName"
INFO_CLASS = "oc_program_singleSessionInfo"
PAPER_CLASS = "oc_program_concurrentSessionPaper"
PAPER_TITLE_CLASS = "oc_program_concurrentSessionPaperTitle"
PAPER_AUTHORS_CLASS = "oc_program_concurrentSessionPaperAuthors"
MARKERS = (DAY_CLASS, TIME_CLASS, ROOM_CLASS, SESSION_CLASS)

CLOCK = r"(\d{1,2})(?:[:.h](\d{2}))?\s*([ap]\.?m\.?)?"
TIME_RANGE = re.compile(rf"^\s*{CLOCK}\s*(?:(?:-|–|—|to)\s*{CLOCK})?\s*$", re.IGNORECASE)
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
MONTHS = ("january february march april may june july august september october november december").split()
WRITTEN_DAY = re.compile(
    r"(?:(?P<d1>\d{1,2})\s+(?P<m1>[a-z]{3,9})|(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?),?\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
CHAIR_LABEL = re.compile(r"^(?:session\s+)?(?:co-?)?chair(?:s|\(s\))?\s*[:\-–—]?\s*", re.IGNORECASE)
BRACKETS = re.compile(r"^\(\s*(.*?)\s*\)$")


def is_schedule(markup):
    return DAY_CLASS in markup and SESSION_CLASS in markup


def parse_schedule(markup, path, warnings):
    """The slots of the schedule page at `path` (relative to the Hugo root), in the order it lists them."""
    reader = _ScheduleReader(path, warnings)
    soup = BeautifulSoup(markup, "html.parser")
    for element in soup.find_all(_is_marker):
        reader.read(element)
    reader.end_slot()
    return reader.slots


def _is_marker(tag):
    return any(name in MARKERS for name in tag.get("class") or ())


class _ScheduleReader:
    """Reads the markers in document order; a slot's sessions are written when the next slot begins."""

    def __init__(self, path, warnings):
        self.path, self.warnings = path, warnings
        self.slots = []
        self.day = None
        self.time = None
        self.rooms, self.cells = [], []

    def warn(self, message):
        self.warnings.append(SourceWarning(self.path, message))

    def read(self, element):
        classes = element.get("class") or ()
        if DAY_CLASS in classes:
            self.end_slot()
            self.day = _day(element, self.warn)
            self.time = None
        elif TIME_CLASS in classes:
            self.end_slot()
            self.time = _times(clean_line(element.get_text(" ")), self.warn)
        elif ROOM_CLASS in classes:
            self.rooms.append(clean_line(element.get_text(" ")))
        elif SESSION_CLASS in classes:
            self.cells.append(element)

    def end_slot(self):
        cells, rooms = self.cells, self.rooms
        self.cells, self.rooms = [], []
        if cells and (self.day is None or self.time is None):
            titles = ", ".join(repr(_title(cell)) for cell in cells)
            self.warn(f"sessions under no readable day or time left out: {titles}")
            return
        if rooms and len(rooms) != len(cells):
            self.warn(
                f"the slot at {self.time[0]:%H:%M} on {self.day} names {len(rooms)} rooms for {len(cells)} "
                "sessions: only the rooms written beside their titles are kept"
            )
            rooms = []
        for column, cell in enumerate(cells):
            self.slots.append(self._slot(cell, column, rooms[column] if rooms else ""))

    def _slot(self, cell, column, room):
        title = _title(cell)
        types = type_classes(cell.get("class") or ())
        kind, unknown = slot_kind(types[0] if types else "", title)
        if unknown:
            named = f"type {types[0]!r}" if types else "no type"
            self.warn(f"session {title!r} has {named}, which the import does not know: read as {kind}")
        inline = cell.find(class_=INLINE_ROOM_CLASS)
        starts, ends = self.time
        return Slot(
            day=self.day,
            starts=starts,
            ends=ends,
            title=title,
            kind=kind,
            column=column,
            room=_bracketed(clean_line(inline.get_text(" "))) if inline else room,
            chair=_chair(cell),
            description=_info(cell),
            submissions=[_submission(paper, self.path) for paper in cell.find_all(class_=PAPER_CLASS)],
        )


def _title(cell):
    """The session's title, without the room that some exports write beside it."""
    title = cell.find(class_=TITLE_CLASS)
    if title is None:
        return ""
    label = title.find("label")
    if label:
        return clean_line(label.get_text(" "))
    words = [str(text) for text in title.find_all(string=True) if not text.find_parent(class_=INLINE_ROOM_CLASS)]
    return clean_line(" ".join(words))


def _chair(cell):
    """The chair as the export writes them, without its label: "Session Chair: Ron Nakao, Stanford University"."""
    chair = cell.find(class_=CHAIR_CLASS)
    text = clean_line(chair.get_text(" ")) if chair else ""
    return re.sub(r"\s+,", ",", CHAIR_LABEL.sub("", text))


def _info(cell):
    info = cell.find(class_=INFO_CLASS)
    return plain_text(info.decode_contents()) if info else ""


def _submission(paper, path):
    title = paper.find(class_=PAPER_TITLE_CLASS)
    link = title.find("a", href=True) if title else None
    authors = paper.find(class_=PAPER_AUTHORS_CLASS)
    return Submission(
        title=clean_line((title or paper).get_text(" ")),
        authors=authors_from_line(clean_line(authors.get_text(" "))) if authors else [],
        page=_local_page(link["href"], path) if link else "",
    )


def _local_page(href, path):
    """The file a submission's link leads to, relative to the Hugo root; '' for a link off the export."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^/|^#", href, re.IGNORECASE):
        return ""
    folder = path.rsplit("/", 1)[0]
    parts = folder.split("/")
    for part in href.split("#")[0].split("?")[0].split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _bracketed(text):
    match = BRACKETS.match(text)
    return match.group(1) if match else text


def _day(element, warn):
    text = clean_line(element.get_text(" "))
    for candidate in (element.get("id") or "", text):
        if match := ISO_DAY.search(candidate):
            try:
                return datetime.date(*(int(part) for part in match.groups()))
            except ValueError:
                pass
    if match := WRITTEN_DAY.search(text):
        month = (match["m1"] or match["m2"]).lower()
        number = next((n for n, name in enumerate(MONTHS, 1) if name.startswith(month[:3])), None)
        try:
            return datetime.date(int(match["y"]), number, int(match["d1"] or match["d2"])) if number else None
        except ValueError:
            pass
    warn(f"day heading {text!r} names no date: its sessions are left out")
    return None


def _times(text, warn):
    """(start, end or None) of a slot, from "09:00-12:00", "9:00 AM - 12:00 PM" or "14:05"."""
    match = TIME_RANGE.match(text.replace("\xa0", " "))
    starts = _clock(*match.groups()[:3]) if match else None
    if starts is None:
        warn(f"time {text!r} cannot be read: its sessions are left out")
        return None
    ends = _clock(*match.groups()[3:]) if match.group(4) else None
    if match.group(4) and ends is None:
        warn(f"time {text!r}: the end cannot be read; kept without an end")
    if ends == starts:
        warn(f"time {text!r} ends when it starts; kept without an end")
        ends = None
    return starts, ends


def _clock(hour, minute, meridiem):
    hour, minute = int(hour), int(minute or 0)
    if (hour, minute) == (24, 0) and not meridiem:
        return datetime.time(0, 0)  # midnight, at the end of a slot
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)
