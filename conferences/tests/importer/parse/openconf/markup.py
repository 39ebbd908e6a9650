"""Small OpenConf exports written by hand, in the shape of the real ones (see static/conferences/iassist20NN/).

`schedule_page` writes the schedule as OpenConf's tables do by default; `layout="divs"` writes the
same classes in nested <div>s instead, as another export might.
"""

import html
from dataclasses import dataclass, field


@dataclass
class Paper:
    title: str
    href: str = ""
    authors: str = ""


@dataclass
class Cell:
    title: str
    kind: str = "Presentations"
    room: str | None = None  # the room written beside the title
    chair: str = ""
    info: str = ""
    papers: list = field(default_factory=list)


@dataclass
class TimeSlot:
    time: str
    cells: list
    rooms: list | None = None  # the slot's row of rooms, one per cell


@dataclass
class Day:
    heading: str
    slots: list
    anchor: str = ""  # the heading's id, an ISO date in OpenConf's exports


def schedule_page(*days, layout="tables"):
    body = "".join(_day(day, layout) for day in days)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Full Program</title></head><body>'
        f'<div id="oc_program"><div id="oc_program_matrix">{body}</div></div></body></html>'
    )


def _day(day, layout):
    anchor = f' id="{day.anchor}"' if day.anchor else ""
    heading = f'<div class="oc_program_Date"{anchor}>{html.escape(day.heading)}</div>'
    slots = "".join(_slot(slot, layout) for slot in day.slots)
    if layout == "divs":
        return f"{heading}<div class='oc_program_TimeSlot'>{slots}</div>"
    return f'{heading}<table class="oc_program_TimeSlot"><tbody>{slots}</tbody></table>'


def _slot(slot, layout):
    cells = "".join(_cell(cell, layout, len(slot.cells)) for cell in slot.cells)
    if layout == "divs":
        rooms = "".join(
            f'<div class="oc_program_concurrentSessionRoom">{html.escape(room)}</div>' for room in slot.rooms or []
        )
        return f'<div class="oc_program_slot"><div class="oc_program_time">{slot.time}</div>{rooms}{cells}</div>'
    rooms = ""
    if slot.rooms is not None:
        rooms = (
            "<tr>"
            + "".join(f'<td class="oc_program_concurrentSessionRoom">{html.escape(room)}</td>' for room in slot.rooms)
            + "</tr>"
        )
    return (
        f'<tr><td class="oc_program_time">{slot.time}</td><td><table class="oc_program_concurrentSessions"><tbody>'
        f'{rooms}<tr class="oc_program_concurrentSessionData">{cells}</tr></tbody></table></td></tr>'
    )


def _cell(cell, layout, count):
    tag = "div" if layout == "divs" else "td"
    classes = "oc_program_concurrentSession" + (f" oc_program_type_{cell.kind}" if cell.kind else "")
    span = ' colspan="100"' if count == 1 and tag == "td" else ""
    room = (
        f' <span class="oc_program_concurrentSessionRoomInline">({html.escape(cell.room)})</span>' if cell.room else ""
    )
    chair = (
        '<span class="oc_program_concurrentSessionChairName"><span class="oc_program_concurrentSessionChairNameTitle">'
        f"Session Chair: {html.escape(cell.chair)}</span></span>"
        if cell.chair
        else ""
    )
    info = f'<span class="oc_program_singleSessionInfo"><p>{html.escape(cell.info)}</p></span>' if cell.info else ""
    papers = "".join(_paper(paper) for paper in cell.papers)
    title = f'<span class="oc_program_concurrentSessionTitle"><label>{html.escape(cell.title)}</label>{room}</span>'
    return f'<{tag} class="{classes}"{span}>{title}{chair}{info}{papers}</{tag}>'


def _paper(paper):
    title = (
        f'<a href="{paper.href}" title="view info">{html.escape(paper.title)}</a>'
        if paper.href
        else html.escape(paper.title)
    )
    return (
        '<span class="oc_program_concurrentSessionPaper">'
        f'<span class="oc_program_concurrentSessionPaperTitle">{title}</span>'
        f'<span class="oc_program_concurrentSessionPaperAuthors">{html.escape(paper.authors)}</span></span>'
    )


def submission_page(title, abstract="", authors=()):
    """A submission's page; `authors` are tuples of the lines OpenConf writes: name, institution, country."""
    people = "".join(
        "<p><strong>"
        + html.escape(lines[0])
        + "</strong>"
        + "".join(f"<br />\n{html.escape(line)}" for line in lines[1:])
        + "</p>"
        for lines in authors
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><main>'
        f'<div id="oc_program_summary_main"><h1 style="text-align:center">{html.escape(title)}</h1>'
        f"<p>{html.escape(abstract)}</p>"
        f'<div id="oc_program_summary_authors">{people}</div></div></main></body></html>'
    )
