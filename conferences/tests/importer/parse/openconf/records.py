"""Plain records for the matching and lay-over tests: the archive's sessions and the export's slots."""

import datetime

from conferences.importer.parse.openconf.records import Author, Export, Slot, Submission
from conferences.importer.parse.records import ArchiveConference, PresentationRecord, PresenterRecord, SessionRecord

PATH = "static/conferences/iassist2030/full-program/index.html"
DAY = datetime.date(2030, 6, 4)


def talk(title, *names, institution=""):
    presenters = [PresenterRecord(name=name, institution=institution) for name in names]
    return PresentationRecord(title=title, abstract="", dois=[], video_id="", presenters=presenters)


def session(title, *talks, day="", chair="", description="", video_id=""):
    return SessionRecord(
        title=title,
        day=day,
        chair=chair,
        moderator="",
        description=description,
        video_id=video_id,
        presentations=list(talks),
    )


def conference(*sessions):
    return ArchiveConference(
        path="data/conferences/archive/2030-Bristol.json",
        year=2030,
        title="IASSIST 2030",
        theme="",
        host="",
        city="Bristol",
        date_text="",
        start_date=None,
        end_date=None,
        ordinal=None,
        url="",
        sessions=list(sessions),
    )


def submission(title, *authors):
    """`authors` are names, or (name, institution, country) tuples."""
    people = [Author(*author) if isinstance(author, tuple) else Author(author) for author in authors]
    return Submission(title=title, authors=people)


def slot(title, *submissions, kind="paper", day=DAY, starts="09:00", ends="10:30", room="", column=0, **fields):
    return Slot(
        day=day,
        starts=datetime.time.fromisoformat(starts),
        ends=datetime.time.fromisoformat(ends) if ends else None,
        title=title,
        kind=kind,
        column=column,
        room=room,
        submissions=list(submissions),
        **fields,
    )


def export(*slots):
    return Export(path=PATH, url="/conferences/iassist2030/full-program/", slots=list(slots), rooms=[])
