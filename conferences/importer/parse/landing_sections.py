"""The Conferences page's hand-made "Forthcoming and Recent Conferences" panel, read as each event's summary.

The old page framed its "20XX IASSIST Events" sections by hand: under each year, per event, a line
of text and a button to the event's website. The site computes that panel from the conferences'
dates, showing each one's summary and buttons, so the import moves the text and buttons onto the
conferences and drops the hand-made panel, but only when every event in it found its conference:
otherwise the page keeps the panel as written, with a warning naming what did not map.
"""

import re
from dataclasses import dataclass, field

from ..errors import SourceWarning

PANEL_TITLE = re.compile(r"^\s*forthcoming\b.*\bconferences?\s*$", re.I)
YEAR_HEADING = re.compile(r"^\s*(\d{4})\s+IASSIST\s+Events\s*$", re.I)


@dataclass
class LandingMap:
    """The page's blocks without the panel, and what each conference (by plan key) shows in the computed one."""

    blocks: list
    entries: dict = field(default_factory=dict)  # key -> {"summary": html, "buttons": [...]}


def map_landing(blocks, *, conference_for, path, warnings):
    """A LandingMap, or None when the page has no such panel or part of it did not map.

    `conference_for(href)` is the plan key of the conference a button leads to, or None.
    """
    start = _panel_start(blocks)
    if start is None:
        return None
    end = _panel_end(blocks, start + 1)
    units, problems = _units(list(_flatten(blocks[start + 1 : end])))
    entries = {}
    for unit in units:
        key, problem = _unit_conference(unit, conference_for)
        if problem or key in entries:
            problems.append(problem or f"two events lead to the same conference ({unit.title!r})")
            continue
        entries[key] = {"summary": "".join(unit.paragraphs), "buttons": unit.buttons}
    if problems or not entries:
        reason = "; ".join(problems) or "no event in it"
        warnings.append(SourceWarning(path, f"the hand-made panel of conferences was kept as written: {reason}"))
        return None
    # The computed panel takes the hand-made one's place in the body.
    return LandingMap([*blocks[:start], ("landing_panel", None), *blocks[end:]], entries)


def _panel_start(blocks):
    for index, (kind, value) in enumerate(blocks):
        if kind == "notice" and len(value["content"]) == 1:
            inner_kind, inner = value["content"][0]
            if inner_kind == "heading" and PANEL_TITLE.match(inner["text"]):
                return index
    return None


def _panel_end(blocks, start):
    """The panel runs over its year sections: up to the first heading (outside a box) that is not a year's."""
    level = None
    for index in range(start, len(blocks)):
        kind, value = blocks[index]
        if kind == "notice":
            level = level or _first_year_level(value["content"])
            continue
        if kind == "heading":
            if YEAR_HEADING.match(value["text"]):
                level = level or value["level"]
            elif level is None or value["level"] <= level:
                return index
    return len(blocks)


def _first_year_level(content):
    for kind, value in content:
        if kind == "heading" and YEAR_HEADING.match(value["text"]):
            return value["level"]
    return None


def _flatten(blocks):
    for kind, value in blocks:
        if kind == "notice":
            yield from value["content"]
        else:
            yield kind, value


@dataclass
class _Unit:
    title: str
    paragraphs: list = field(default_factory=list)
    buttons: list = field(default_factory=list)
    rows: int = 0


def _units(blocks):
    """One unit per event: an event heading (or the year heading when it has none), its text and its buttons."""
    units, problems, current = [], [], None
    for kind, value in blocks:
        if kind == "heading":
            current = _Unit(value["text"])
            units.append(current)
        elif current is None:
            problems.append(f"{kind} before the first year's heading")
        elif kind == "paragraph":
            current.paragraphs.append(value)
        elif kind == "event_buttons":
            current.buttons.extend(value)
            current.rows += 1
        else:
            problems.append(f"a {kind} under {current.title!r}")
    # A year heading followed by its events' headings holds nothing of its own.
    units = [unit for unit in units if unit.paragraphs or unit.buttons or not YEAR_HEADING.match(unit.title)]
    return units, problems


def _unit_conference(unit, conference_for):
    if unit.rows != 1:
        return None, f"{unit.title!r} has {unit.rows} rows of buttons, not one"
    keys = {conference_for(button["href"]) for button in unit.buttons}
    if None in keys or len(keys) != 1:
        return None, f"the buttons under {unit.title!r} do not all lead to one conference of this import"
    return keys.pop(), None
