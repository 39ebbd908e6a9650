"""A conference's schedule as plain data: its timed sessions and schedule items, by day, and each day's grid.

Built from values read by `models/schedule_query.py`; the schedule page, the calendars, the
schedule.xml and JSON exports and the structured data all read these, so that they agree on
every time. Nothing here touches the database.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from .choices import NOT_SESSIONS, SessionType
from .time_zones import clock_time, day_heading, iso_utc, zone_key, zone_label

SESSION, ITEM = "s", "i"
# A plenary, like a break, is for everyone: it spans the rooms of its day's grid.
FOR_EVERYONE = NOT_SESSIONS | {SessionType.PLENARY}
# Read once: looking a label up through the enumeration costs 50 µs a time.
TYPE_LABELS = {value: str(label) for value, label in SessionType.choices}


# Compared by identity: the grid tells one entry's slots from another's.
@dataclass(frozen=True, eq=False)
class Entry:
    """One timed session or schedule item, with its times in the venue's zone already written out.

    Its derived values are worked out once each: the programme and the schedule read them
    several times for each of a conference's hundred entries.
    """

    kind: str  # SESSION or ITEM
    pk: int
    title: str
    type: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    zone: datetime.tzinfo
    room_id: int | None = None
    room: str = ""
    building: str = ""
    room_order: tuple = ()
    place: str = ""
    code: str = ""
    chair: str = ""
    moderator: str = ""
    description: str = ""
    presentations: tuple = ()

    @cached_property
    def key(self):
        """ "s12" or "i3": the entry's id in agendas, anchors and export URLs."""
        return f"{self.kind}{self.pk}"

    @property
    def is_session(self):
        return self.kind == SESSION

    @cached_property
    def type_label(self):
        return TYPE_LABELS.get(self.type, "")

    @cached_property
    def is_for_everyone(self):
        return self.type in FOR_EVERYONE or not self.room_id

    @cached_property
    def location(self):
        """ "Room 2.41, Newman Building", or the place of an event outside the rooms."""
        if self.room:
            return ", ".join(part for part in (self.room, self.building) if part)
        return self.place

    @cached_property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @cached_property
    def local_date(self):
        return self.local_start.date()

    @cached_property
    def day_heading(self):
        return day_heading(self.local_date)

    @cached_property
    def start_text(self):
        return clock_time(self.starts_at, self.zone)

    @cached_property
    def end_text(self):
        return clock_time(self.ends_at, self.zone) if self.ends_at else ""

    @cached_property
    def starts_iso(self):
        return iso_utc(self.starts_at)

    @cached_property
    def ends_iso(self):
        return iso_utc(self.ends_at) if self.ends_at else ""

    @cached_property
    def heading(self):
        return f"{self.code}: {self.title}" if self.code else self.title

    def presenters(self):
        """Everyone presenting in the session, once each, in programme order."""
        seen = {}
        for presentation in self.presentations:
            for presenter in presentation["presenters"]:
                seen.setdefault(presenter["slug"], presenter)
        return list(seen.values())


@dataclass(frozen=True)
class Column:
    name: str
    building: str = ""


@dataclass(frozen=True)
class Cell:
    entries: tuple = ()
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Row:
    starts_at: datetime.datetime
    start_text: str
    starts_iso: str
    cells: tuple
    # False for a row where only sessions from the rows above go on: phones skip its time.
    has_start: bool = True


@dataclass(frozen=True)
class Grid:
    """A day as a table: rows are time slots, columns rooms; `as_list` when rooms overlap and a grid cannot hold it."""

    columns: tuple
    rows: tuple
    as_list: bool = False


@dataclass(frozen=True)
class Day:
    date: datetime.date
    entries: tuple

    @cached_property
    def grid(self):
        """Worked out only for the schedule page: the programme, calendars and exports need no grid."""
        return day_grid(self.entries)

    @property
    def heading(self):
        return day_heading(self.date)

    @property
    def anchor(self):
        return f"day-{self.date.isoformat()}"

    @property
    def starts_at(self):
        return self.entries[0].starts_at

    @property
    def ends_at(self):
        return max(entry.ends_at or entry.starts_at for entry in self.entries)


@dataclass(frozen=True)
class Schedule:
    zone: datetime.tzinfo
    entries: tuple
    days: tuple = field(default=())

    @property
    def zone_key(self):
        return zone_key(self.zone)

    @property
    def zone_label(self):
        """ "British Summer Time (Europe/London)"."""
        return zone_label(self.zone, [entry.starts_at for entry in self.entries])

    @property
    def sessions(self):
        return [entry for entry in self.entries if entry.is_session]

    def __bool__(self):
        return bool(self.entries)

    def day(self, date):
        return next((day for day in self.days if day.date == date), None)

    def by_key(self):
        return {entry.key: entry for entry in self.entries}


def build_schedule(zone, entries):
    """The schedule of `entries` (in any order): sorted by time and room, grouped into the venue's days."""
    ordered = tuple(sorted(entries, key=_entry_order))
    days = {}
    for entry in ordered:
        days.setdefault(entry.local_date, []).append(entry)
    return Schedule(
        zone=zone,
        entries=ordered,
        days=tuple(Day(date, tuple(items)) for date, items in days.items()),
    )


def _entry_order(entry):
    return (entry.starts_at, entry.is_for_everyone is False, entry.room_order, entry.kind, entry.pk)


# -- the grid -----------------------------------------------------------------


def day_grid(entries):
    """Rows from each distinct start and end time, a column per room; an entry spans the slots it lasts."""
    columns = _columns(entries)
    boundaries = sorted({e.starts_at for e in entries} | {e.ends_at for e in entries if e.ends_at})
    index = {moment: number for number, moment in enumerate(boundaries)}
    spans = [(entry, index[entry.starts_at], _end_row(entry, index)) for entry in entries]
    taken = [[None] * len(columns) for _ in range(max(end for _entry, _first, end in spans))]
    column_of = {room_id: number for number, (room_id, _column) in enumerate(columns)}
    for span in spans:
        entry, first, end = span
        wanted = range(len(columns)) if entry.is_for_everyone else [column_of[entry.room_id]]
        if any(taken[row][column] for row in range(first, end) for column in wanted):
            return _list_grid(entries)
        for row in range(first, end):
            for column in wanted:
                taken[row][column] = span
    zone = entries[0].zone
    # A row where nothing happens (a gap in the day) is left out: no entry spans it, so no rowspan changes.
    rows = tuple(_row(boundaries[number], zone, slots, number) for number, slots in enumerate(taken) if any(slots))
    return Grid(columns=tuple(column for _room_id, column in columns), rows=rows)


def _columns(entries):
    """The rooms of the day's parallel sessions, in the conference's order; one column when there are none."""
    rooms = {}
    for entry in entries:
        if not entry.is_for_everyone:
            rooms.setdefault(entry.room_id, (entry.room_order, Column(entry.room, entry.building)))
    if not rooms:
        return [(None, Column("Sessions"))]
    return [(room_id, column) for room_id, (_order, column) in sorted(rooms.items(), key=lambda item: item[1][0])]


def _end_row(entry, index):
    """The row after the entry's last: an entry without an end (or ending as it starts) takes one slot."""
    first = index[entry.starts_at]
    if entry.ends_at and entry.ends_at > entry.starts_at:
        return index[entry.ends_at]
    return first + 1


def _row(moment, zone, slots, number):
    """The cells that start in this row, and an empty cell wherever nothing is."""
    cells, column = [], 0
    while column < len(slots):
        span = slots[column]
        width = 1
        while column + width < len(slots) and span is not None and slots[column + width] is span:
            width += 1
        if span is None:
            cells.append(Cell())
        elif span[1] == number:
            entry, first, end = span
            cells.append(Cell(entries=(entry,), rowspan=end - first, colspan=width))
        column += width
    has_start = any(span is not None and span[1] == number for span in slots)
    return Row(moment, clock_time(moment, zone), iso_utc(moment), tuple(cells), has_start)


def _list_grid(entries):
    """One column of everything starting at each time, for a day whose rooms hold two things at once."""
    by_start = {}
    for entry in entries:
        by_start.setdefault(entry.starts_at, []).append(entry)
    zone = entries[0].zone
    rows = tuple(
        Row(moment, clock_time(moment, zone), iso_utc(moment), (Cell(entries=tuple(items)),))
        for moment, items in by_start.items()
    )
    return Grid(columns=(Column("Sessions"),), rows=rows, as_list=True)
