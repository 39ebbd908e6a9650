"""What the import writes from an export, besides the programme itself: the conference's schedule."""

import datetime
from dataclasses import dataclass, field


@dataclass
class RoomPlan:
    name: str
    building: str = ""


@dataclass
class PresenterCountry:
    order: int  # the presenter entry's place in its presentation
    name: str
    country: str


@dataclass
class PresentationPlan:
    order: int
    title: str
    countries: list[PresenterCountry] = field(default_factory=list)


@dataclass
class SessionPlan:
    """The schedule of the programme's session at `order` (its sort order), which bears `title`."""

    order: int
    title: str
    kind: str = ""
    code: str = ""
    starts_at: datetime.datetime | None = None  # in UTC
    ends_at: datetime.datetime | None = None
    room: str = ""
    presentations: list[PresentationPlan] = field(default_factory=list)


@dataclass
class ItemPlan:
    """A break, meal, registration or social event: a slot of the schedule that is not a session."""

    key: str  # where it sits in the schedule: its start in UTC and its column, "20230531T1430Z-0"
    title: str
    kind: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    room: str = ""
    description: str = ""


@dataclass
class AddressPlan:
    """An address of the export on the old site, and which session (by order) or presentation it was."""

    url: str
    session: int | None = None  # the SessionPlan's order
    presentation: int | None = None  # the PresentationPlan's order in that session


@dataclass
class SchedulePlan:
    source: str  # the export's schedule page, for warnings
    time_zone: str
    rooms: list[RoomPlan]
    sessions: list[SessionPlan]
    items: list[ItemPlan]
    addresses: list[AddressPlan] = field(default_factory=list)
