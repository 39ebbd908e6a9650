"""The archive's programmes as plain records."""

import datetime
from dataclasses import dataclass, field


@dataclass
class PresenterRecord:
    name: str
    institution: str
    doi: str = ""
    is_group: bool = False  # a committee or team named as a presenter: not one person


@dataclass
class PresentationFile:
    name: str
    url: str


@dataclass
class PresentationRecord:
    title: str
    abstract: str
    dois: list[str]
    video_id: str
    presenters: list[PresenterRecord]
    files: list[PresentationFile] = field(default_factory=list)


@dataclass
class SessionRecord:
    title: str
    day: str
    chair: str
    moderator: str
    description: str
    video_id: str
    presentations: list[PresentationRecord]


@dataclass
class ArchiveConference:
    path: str
    year: int
    title: str
    theme: str
    host: str
    city: str
    date_text: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    ordinal: int | None
    url: str
    sessions: list[SessionRecord]
