"""Finding a Hugo tree's OpenConf exports and reading each into an Export."""

from pathlib import Path, PurePosixPath

from ...errors import SourceWarning
from ..source import read_text
from .records import Export
from .schedule import is_schedule, parse_schedule
from .submissions import parse_submission_page

EXPORTS_UNDER = "static/conferences"
SCHEDULE_PAGE = "index.html"


def read_exports(root, warnings):
    """Every OpenConf export under static/conferences/, by the address of its folder on the old site."""
    exports = {}
    for path in _schedule_pages(root):
        markup = read_text(root, path)
        if is_schedule(markup):
            export = read_export(root, path, markup, warnings)
            exports[export.url] = export
    return exports


def _schedule_pages(root):
    folder = Path(root) / EXPORTS_UNDER
    if not folder.is_dir():
        return []
    return sorted(path.relative_to(root).as_posix() for path in folder.rglob(SCHEDULE_PAGE) if path.is_file())


def read_export(root, path, markup, warnings):
    slots = parse_schedule(markup, path, warnings)
    pages = {}
    for slot in slots:
        for submission in slot.submissions:
            _read_page(root, submission, pages, warnings, path)
    if not slots:
        warnings.append(SourceWarning(path, "an OpenConf schedule without a session that can be read"))
    rooms = list(dict.fromkeys(slot.room for slot in slots if slot.room))
    folder = PurePosixPath(path).parent.relative_to("static")
    return Export(path=path, url=f"/{folder}/", slots=slots, rooms=rooms)


def _read_page(root, submission, pages, warnings, schedule_path):
    """The submission takes its abstract, and its authors with their countries, from its own page."""
    if not submission.page:
        return
    if submission.page not in pages:
        pages[submission.page] = _parse_page(root, submission.page, warnings, schedule_path)
    parsed = pages[submission.page]
    if parsed is None:
        return
    title, abstract, authors = parsed
    submission.title = title or submission.title
    submission.abstract = abstract
    submission.authors = authors or submission.authors


def _parse_page(root, page, warnings, schedule_path):
    if not (Path(root) / page).is_file():
        warnings.append(
            SourceWarning(schedule_path, f"{page} is linked but missing: the schedule's line of authors is kept")
        )
        return None
    parsed = parse_submission_page(read_text(root, page))
    if parsed is None:
        warnings.append(SourceWarning(page, "holds no OpenConf summary: the schedule's line of authors is kept"))
    return parsed
