"""An OpenConf programme export as plain records: days of time slots, the slots' sessions, their submissions."""

import datetime
from dataclasses import dataclass, field


@dataclass
class Author:
    name: str
    institution: str = ""
    country: str = ""


@dataclass
class Submission:
    """A presentation, poster or workshop as OpenConf lists it in a session, with its own page when it has one."""

    title: str
    authors: list[Author]
    page: str = ""  # the submission's page, relative to the Hugo root ("" when it has none)
    abstract: str = ""


@dataclass
class Slot:
    """One session, break or social event: what OpenConf calls a session, at its time."""

    day: datetime.date
    starts: datetime.time
    ends: datetime.time | None
    title: str
    kind: str  # a SessionType value
    column: int = 0  # its place among the slot's concurrent sessions
    room: str = ""
    chair: str = ""
    description: str = ""
    submissions: list[Submission] = field(default_factory=list)


@dataclass
class Export:
    """One conference's export: `url` is the folder's address on the old site, `path` its index page."""

    path: str
    url: str
    slots: list[Slot]
    rooms: list[str]  # in the order the schedule first names them

    @property
    def days(self):
        return sorted({slot.day for slot in self.slots})
