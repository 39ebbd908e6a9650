"""A schedule entry (`timetable.Entry`) as HTML, built in Python rather than by an include per entry.

The biggest schedule has about eighty entries and 166 presentation links; its page spent more
than half of its render time in the template engine, most of it in `includes/schedule_entry.html`
included once per entry. The markup is the one that include had, whitespace and all. Every value
goes through `_e` (the standard library's `html.escape`, which Django's `escape` wraps), so it is
escaped exactly as the template escaped it; the tests hold that.
"""

from html import escape as _e

from django.utils.safestring import mark_safe

from . import paths


def entry_html(entry, links):
    """One entry of the schedule or of a visitor's agenda; `links` are the schedule's addresses."""
    anchor = _e(entry_anchor(entry))
    modifier = "" if entry.is_for_everyone else " schedule-entry--in-room"
    return mark_safe(
        f'<div class="schedule-entry schedule-entry--{_e(entry.type or "session")}{modifier}" id="{anchor}" '
        f'data-agenda-key="{_e(entry.key)}" data-starts="{_e(entry.starts_iso)}" data-ends="{_e(entry.ends_iso)}">\n'
        f"  {_when(entry)}\n"
        f'  <h3 class="schedule-entry__title">{_title(entry, links, anchor)}</h3>\n'
        f"  {_type(entry)}\n"
        f"  {_talks(entry, links)}\n"
        "</div>\n"
    )


def entry_anchor(entry):
    """The id of a schedule entry: the programme's for a session, the schedule's own for a break or event."""
    return paths.session_anchor(entry.pk) if entry.is_session else paths.item_anchor(entry.pk)


def _when(entry):
    end = (
        f'–<time datetime="{_e(entry.ends_iso)}" data-schedule-time>{_e(entry.end_text)}</time>'
        if entry.ends_at
        else ""
    )
    where = f'<span class="schedule-entry__where"> · {_e(entry.location)}</span>' if entry.location else ""
    return (
        f'<p class="schedule-entry__when"><time datetime="{_e(entry.starts_iso)}" data-schedule-time>'
        f"{_e(entry.start_text)}</time>{end}{where}</p>"
    )


def _title(entry, links, anchor):
    if entry.is_session:
        return f'<a href="{_e(str(links.conference))}#{anchor}">{_e(entry.heading)}</a>'
    return _e(entry.title)


def _type(entry):
    if not entry.type_label:
        return ""
    chair = f" · Chair: {_e(entry.chair)}" if entry.chair else ""
    return f'<p class="schedule-entry__type">{_e(entry.type_label)}{chair}</p>'


def _talks(entry, links):
    presentations = entry.presentations
    if not presentations:
        return ""
    count = len(presentations)
    base = links.conference
    items = "".join(
        f'<li><a href="{_e(paths.presentation_url(base, item["slug"]))}">{_e(item["title"])}</a></li>'
        for item in presentations
    )
    return (
        '\n    <details class="schedule-entry__talks">\n'
        f"      <summary>{count} presentation{'' if count == 1 else 's'}"
        f'<span class="visually-hidden"> in {_e(entry.title)}</span></summary>\n'
        f"      <ul>{items}</ul>\n"
        "    </details>\n  "
    )


def grid_rows_html(grid, links):
    """The rows of a day's grid (`timetable.Grid`): each time slot with its cells, as the template laid them out."""
    return mark_safe("".join(_row(row, links) for row in grid.rows))


def _row(row, links):
    continuing = "" if row.has_start else ' class="schedule-grid__row--continuing"'
    cells = "".join(_cell(cell, links) for cell in row.cells)
    return (
        f"\n          <tr{continuing}>\n"
        f'            <th scope="row" class="schedule-grid__time"><time datetime="{_e(row.starts_iso)}" '
        f"data-schedule-time>{_e(row.start_text)}</time></th>\n"
        f"            {cells}\n          </tr>\n        "
    )


def _cell(cell, links):
    if not cell.entries:
        return '<td class="schedule-grid__empty"></td>'
    entries = "".join(entry_html(entry, links) for entry in cell.entries)
    return f'<td{cell_spans(cell)} class="schedule-grid__cell">{entries}</td>'


def cell_spans(cell):
    """` rowspan="2" colspan="3"` for a grid cell wider or taller than one slot (integers only, so safe)."""
    spans = [(name, int(value)) for name, value in (("rowspan", cell.rowspan), ("colspan", cell.colspan))]
    return "".join(f' {name}="{value}"' for name, value in spans if value > 1)
