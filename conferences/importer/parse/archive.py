"""Programmes of past annual conferences: data/conferences/archive/*.json and their stubs.

The JSON files were exported from two earlier systems and then edited by hand,
so every field is read defensively; oddities become SourceWarnings and only a
file that cannot be read at all is a SourceError.
"""

import datetime
import json
import re
from pathlib import Path, PurePosixPath

from ..errors import SourceError, SourceWarning
from .dates import parse_date_text
from .presenters import presenter_records, uses_surname_first
from .records import ArchiveConference, PresentationFile, PresentationRecord, PresenterRecord, SessionRecord
from .repairs import session_people, text_or_placeholder
from .source import read_content_file, read_text
from .text import clean_line
from .values import read_dois, read_video_id

__all__ = [
    "ArchiveConference",
    "PresentationFile",
    "PresentationRecord",
    "PresenterRecord",
    "SessionRecord",
    "archive_json_files",
    "archive_stub",
    "archive_stub_files",
    "check_ordinals",
    "conference_theme",
    "datalink_to_data_path",
    "parse_archive_json",
    "read_archive",
]

ARCHIVE_DATA_DIR = "data/conferences/archive"
ARCHIVE_CONTENT_DIR = "content/conferences/archive"
TOP_KEYS = {
    "conferenceYear", "title", "host", "city", "dateText", "startDate", "endDate", "conferenceNum",
    "conferenceUrl", "sessions", "oldPath", "nid", "postDate",
}  # fmt: skip
SESSION_KEYS = {
    "title", "day", "abstract", "chair", "moderator", "moserator", "video", "presentations", "sessionType",
    "sessionFile", "webcastLink", "weight", "year", "hostNid", "oldPath", "nid", "postDate",
}  # fmt: skip
PRESENTATION_KEYS = {
    "title", "abstract", "doi", "video", "files", "presenters", "year", "sessNid", "oldPath", "nid", "postDate",
}  # fmt: skip
THEME_PREFIX = re.compile(r"^IASSIST\s+\d{4}\s*[:\-–—]\s*", re.IGNORECASE)
EVENT_NAME = re.compile(r"^IASSIST\b.*\b\d{4}$", re.IGNORECASE)
ORDINAL = re.compile(r"^\s*(\d{1,3})\s*(?:st|nd|rd|th)?\s*$", re.IGNORECASE)
LONGEST_PLAUSIBLE_CONFERENCE = datetime.timedelta(days=14)


class _Reader:
    """Reads one archive file, remembering which unknown keys it has already reported."""

    def __init__(self, path, warnings):
        self.path = path
        self.warnings = warnings
        self.unknown_keys = set()
        self.surname_first = False

    def warn(self, message):
        self.warnings.append(SourceWarning(self.path, message))

    def check_keys(self, record, known, where):
        for key in record.keys() - known:
            if key not in self.unknown_keys:
                self.unknown_keys.add(key)
                self.warn(f"unknown key {key!r} in {where} ignored")

    def records(self, value, where):
        if value is None:
            return []
        if not isinstance(value, list):
            self.warn(f"{where} is not a list; ignored")
            return []
        objects = [item for item in value if isinstance(item, dict)]
        if len(objects) != len(value):
            self.warn(f"{len(value) - len(objects)} {where} entries are not objects; ignored")
        return objects


def load_json_object(root, relative):
    text = read_text(root, relative)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(relative, error.lineno, f"broken JSON: {error.msg} (column {error.colno})") from error
    if not isinstance(data, dict):
        raise SourceError(relative, 1, f"the top level is a JSON {type(data).__name__}, not an object")
    return data


def parse_archive_json(root, relative, warnings):
    data = load_json_object(root, relative)
    reader = _Reader(relative, warnings)
    reader.check_keys(data, TOP_KEYS, "the conference")
    year = _year(data, relative, reader)
    sessions = reader.records(data.get("sessions"), "sessions")
    reader.surname_first = uses_surname_first(_all_presenter_names(sessions))
    if reader.surname_first:
        reader.warn("presenter names are written “Surname, Given names”; turned round to “Given names Surname”")
    start, end = _dates(data, year, reader)
    title = clean_line(data.get("title"))
    return ArchiveConference(
        path=relative,
        year=year,
        title=title,
        theme=conference_theme(title),
        host=clean_line(data.get("host")),
        city=clean_line(data.get("city")),
        date_text=clean_line(data.get("dateText")),
        start_date=start,
        end_date=end,
        ordinal=_ordinal(data.get("conferenceNum"), reader),
        url=clean_line(data.get("conferenceUrl")),
        sessions=[_session(session, reader) for session in sessions],
    )


def conference_theme(title):
    """The theme: the title without "IASSIST 2022:"; empty when the title only names the event."""
    theme = THEME_PREFIX.sub("", title).strip()
    if theme == title and EVENT_NAME.match(title):
        return ""
    return theme


def _year(data, relative, reader):
    file_year = re.match(r"(\d{4})", PurePosixPath(relative).name)
    file_year = int(file_year.group(1)) if file_year else None
    stated = str(data.get("conferenceYear") or "").strip()
    stated_year = int(stated) if stated.isdigit() else None
    start = _iso_date(data.get("startDate"))
    date_year = start.year if start else None
    # The file name is what the stubs and URLs use, then the dates; a mistyped conferenceYear comes last.
    year = file_year or date_year or stated_year
    if year is None:
        raise SourceError(relative, None, "the conference year is missing (conferenceYear and file name)")
    if stated_year is not None and stated_year != year:
        evidence = " and ".join(
            name for name, found in (("the file name", file_year), ("the startDate", date_year)) if found == year
        )
        reader.warn(f"conferenceYear {stated!r} contradicts {evidence}; {year} used")
    return year


def _dates(data, year, reader):
    start, end = _iso_date(data.get("startDate")), _iso_date(data.get("endDate"))
    text = clean_line(data.get("dateText"))
    span = parse_date_text(text, default_year=year)
    written = span if span and span.precision == "day" else None
    if _plausible(start, end, year):
        if written and (written.start, written.end) != (start, end):
            reader.warn(f"startDate/endDate {start}–{end} disagree with dateText {text!r}; the ISO dates are kept")
        return start, end
    problem = "missing" if start is None or end is None else f"impossible for {year}"
    if written:
        reader.warn(f"startDate/endDate {start}–{end} {problem}; dates read from dateText {text!r} instead")
        return written.start, written.end
    reader.warn(f"startDate/endDate {start}–{end} {problem} and dateText {text!r} does not help")
    return (start if start and start.year == year else None), None


def _plausible(start, end, year):
    if start is None or end is None:
        return False
    return start.year == year == end.year and start <= end and end - start <= LONGEST_PLAUSIBLE_CONFERENCE


def _iso_date(value):
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10]) if value else None
    except ValueError:
        return None


def _ordinal(value, reader):
    if value is None or value == "":
        return None
    match = ORDINAL.match(str(value))
    if not match or int(match.group(1)) == 0:
        reader.warn(f"conferenceNum {value!r} is not an ordinal number; left empty")
        return None
    return int(match.group(1))


def _session(session, reader):
    reader.check_keys(session, SESSION_KEYS, "a session")
    title = clean_line(session.get("title"))
    if not title:
        reader.warn("a session has no title")
    where = f"session {title!r}"
    moderator = clean_line(session.get("moderator"))
    if "moserator" in session:
        reader.warn(f"{where}: misspelt key 'moserator' read as the moderator")
        moderator = moderator or clean_line(session.get("moserator"))
    video_id = read_video_id(session.get("video"), where, reader.warn)
    chair, moderator, video_id = session_people(clean_line(session.get("chair")), moderator, video_id, where,
                                                reader.warn)  # fmt: skip
    presentations = reader.records(session.get("presentations"), f"presentations of {where}")
    return SessionRecord(
        title=title,
        day=clean_line(session.get("day")),
        chair=chair,
        moderator=moderator,
        description=text_or_placeholder(session.get("abstract"), "description", where, reader.warn),
        video_id=video_id,
        presentations=[record for item in presentations if (record := _presentation(item, title, reader))],
    )


def _presentation(item, session_title, reader):
    reader.check_keys(item, PRESENTATION_KEYS, "a presentation")
    title = clean_line(item.get("title"))
    if not title:
        reader.warn(f"a presentation without a title in session {session_title!r} skipped")
        return None
    where = f"presentation {title[:60]!r}"
    presenters = reader.records(item.get("presenters"), f"presenters of {where}")
    return PresentationRecord(
        title=title,
        abstract=text_or_placeholder(item.get("abstract"), "abstract", where, reader.warn),
        dois=read_dois(item.get("doi"), where, reader.warn),
        video_id=read_video_id(item.get("video"), where, reader.warn),
        presenters=presenter_records(presenters, where, reader),
        files=_files(item.get("files")),
    )


def _files(value):
    files = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict) and (item.get("url") or item.get("path")):
            url = clean_line(item.get("url"))
            files.append(PresentationFile(name=clean_line(item.get("name") or item.get("path")), url=url))
    return files


def _all_presenter_names(sessions):
    for session in sessions:
        for presentation in session.get("presentations") or []:
            for presenter in (presentation.get("presenters") if isinstance(presentation, dict) else None) or []:
                if isinstance(presenter, dict) and isinstance(presenter.get("name"), str):
                    yield presenter["name"]


def check_ordinals(conferences, warnings):
    """Warn about conferences whose ordinal breaks the numbering the others agree on.

    Two conferences agree when the later one's number is higher by at least one
    and at most the number of years between them. The largest group that agrees
    is taken as right; the rest (e.g. 2000-2002 numbered like 2010-2012) are reported.
    """
    numbered = sorted((c for c in conferences if c.ordinal is not None), key=lambda c: (c.year, c.ordinal))
    agreeing = {id(conference) for conference in _longest_agreeing_chain(numbered)}
    disagreeing = [conference for conference in numbered if id(conference) not in agreeing]
    for conference in disagreeing:
        message = f"conferenceNum {conference.ordinal} for {conference.year} disagrees with the other conferences"
        warnings.append(SourceWarning(conference.path, message))
    return disagreeing


def _agree(earlier, later):
    return 1 <= later.ordinal - earlier.ordinal <= max(later.year - earlier.year, 1)


def _longest_agreeing_chain(numbered):
    best = [[conference] for conference in numbered]
    for index, conference in enumerate(numbered):
        for before in range(index):
            if _agree(numbered[before], conference) and len(best[before]) + 1 > len(best[index]):
                best[index] = best[before] + [conference]
    return max(best, key=len, default=[])


def archive_stub(content_file):
    """The front matter of a content/conferences/archive/YYYY-City.md stub."""
    front_matter = content_file.front_matter
    year = str(front_matter.get("year") or "").strip()
    datalink = clean_line(front_matter.get("datalink"))
    return {
        "path": content_file.path,
        "year": int(year) if year.isdigit() else None,
        "title": clean_line(front_matter.get("title")),
        "location": clean_line(front_matter.get("location")),
        "datalink": datalink,
        "data_path": datalink_to_data_path(datalink),
    }


def datalink_to_data_path(datalink):
    """ "/data/conferences/archive/X.json" -> "data/conferences/archive/X.json" (relative to the Hugo root)."""
    return datalink.strip().lstrip("/") if datalink else ""


def archive_json_files(root):
    folder = Path(root) / ARCHIVE_DATA_DIR
    return sorted(f"{ARCHIVE_DATA_DIR}/{path.name}" for path in folder.glob("*.json") if path.is_file())


def archive_stub_files(root):
    folder = Path(root) / ARCHIVE_CONTENT_DIR
    return sorted(f"{ARCHIVE_CONTENT_DIR}/{path.name}" for path in folder.glob("*.md") if path.name != "_index.md")


def read_archive(root, warnings):
    """Every stub paired with its parsed programme (None when the stub's JSON is missing)."""
    pairs, used = [], set()
    for relative in archive_stub_files(root):
        stub = archive_stub(read_content_file(root, relative))
        data_path = stub["data_path"]
        if not data_path or not (Path(root) / data_path).is_file():
            warnings.append(SourceWarning(relative, f"datalink {stub['datalink']!r} names no archive file"))
            pairs.append((stub, None))
            continue
        used.add(data_path)
        pairs.append((stub, parse_archive_json(root, data_path, warnings)))
    for data_path in archive_json_files(root):
        if data_path not in used:
            warnings.append(SourceWarning(data_path, "no archive stub links to this programme"))
    check_ordinals([conference for _, conference in pairs if conference], warnings)
    return pairs
