"""Charts as inline SVG, drawn on the server: small pure functions from numbers to markup.

No script and no third-party assets: each chart is a picture with its own title and
description, scaled by its viewBox to any width, and the page puts its numbers in a table
beside it. Charts whose marks are links are a labelled group rather than an image, since an
image's contents are hidden from screen readers and its links would be focusable but mute.
ElementTree writes the markup, so every label and address is escaped.
"""

import xml.etree.ElementTree as ET

from django.utils.safestring import mark_safe

SVG_NS = "http://www.w3.org/2000/svg"
# In viewBox units: a chart 400 wide is drawn about 340 px wide on a phone (text near 14 px)
# and at most 36rem on a wide screen.
FONT_SIZE = 16
ROW = 26
BAR = 18
WIDTH = 400
# Blues from light to dark, each with a text colour of at least 4.5:1 on it.
SCALE = (("#ffffff", "#4a4a4a"), ("#deebf7", "#1a1a1a"), ("#9ecae1", "#1a1a1a"), ("#2b6a9e", "#ffffff"),
         ("#0b3c5d", "#ffffff"))  # fmt: skip
BAR_COLOUR = "#1f5f8b"
TEXT_COLOUR = "#1a1a1a"


def _svg(chart_id, title, desc, width, height, linked):
    svg = ET.Element("svg", {
        "xmlns": SVG_NS, "viewBox": f"0 0 {width} {height}", "width": "100%", "class": "chart",
        "role": "group" if linked else "img", "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
        "font-size": str(FONT_SIZE), "font-family": "inherit", "id": chart_id,
    })  # fmt: skip
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = desc
    return svg


def _mark(parent, href, label):
    """A link around a chart's mark when it leads somewhere, else a plain group."""
    if href:
        return ET.SubElement(parent, "a", {"href": href, "aria-label": label})
    return ET.SubElement(parent, "g")


def _text(parent, x, y, text, **attributes):
    element = ET.SubElement(parent, "text", {"x": _n(x), "y": _n(y), "fill": TEXT_COLOUR, **attributes})
    element.text = str(text)
    return element


def _n(number):
    return f"{number:.1f}".rstrip("0").rstrip(".")


def _markup(svg):
    return mark_safe(ET.tostring(svg, encoding="unicode", short_empty_elements=True))


def bar_chart(chart_id, title, desc, rows, label_width=150):
    """Horizontal bars, one row per (label, value, href or None, accessible link text)."""
    height = max(len(rows), 1) * ROW + 8
    linked = any(row[2] for row in rows)
    svg = _svg(chart_id, title, desc, WIDTH, height, linked)
    largest = max((row[1] for row in rows), default=0) or 1
    # Room on the right for the largest number.
    span = WIDTH - label_width - 8 - FONT_SIZE * (len(str(largest)) * 0.6 + 1)
    for position, (label, value, href, link_text) in enumerate(rows):
        top = 4 + position * ROW
        mark = _mark(svg, href, link_text)
        middle = top + ROW / 2 + FONT_SIZE * 0.35
        # The space keeps label and number apart in the link's visible text, which its name must start with.
        _text(mark, label_width - 6, middle, _clip(label, label_width), **{"text-anchor": "end"}).tail = " "
        length = max(span * value / largest, 1 if value else 0)
        top_of_bar = _n(top + (ROW - BAR) / 2)
        ET.SubElement(mark, "rect", {"x": str(label_width), "y": top_of_bar, "width": _n(length),
                                     "height": str(BAR), "fill": BAR_COLOUR})  # fmt: skip
        _text(mark, label_width + length + 4, middle, value)
    return _markup(svg)


def heat_grid(chart_id, title, desc, columns, rows, label_width=160, cell_width=44):
    """A grid of counts: `columns` are headings, `rows` are (label, [(value, href, link text)])."""
    header = ROW + 4
    # Never narrower than the bar charts, so that all are drawn at one scale; the grid keeps to the left.
    width = max(label_width + cell_width * max(len(columns), 1), WIDTH)
    height = header + max(len(rows), 1) * ROW + 4
    svg = _svg(chart_id, title, desc, width, height, linked=any(cell[1] for _label, cells in rows for cell in cells))
    largest = max((cell[0] for _label, cells in rows for cell in cells), default=0) or 1
    for index, column in enumerate(columns):
        # Smaller than the labels, so that "1990s" fits over its cell.
        _text(svg, label_width + cell_width * (index + 0.5), ROW - 6, column,
              **{"text-anchor": "middle", "font-size": str(FONT_SIZE - 3)})  # fmt: skip
    for position, (label, cells) in enumerate(rows):
        top = header + position * ROW
        _text(svg, label_width - 6, top + ROW / 2 + FONT_SIZE * 0.35, _clip(label, label_width),
              **{"text-anchor": "end"})  # fmt: skip
        for index, (value, href, link_text) in enumerate(cells):
            fill, ink = shade(value, largest)
            mark = _mark(svg, href, link_text)
            left = label_width + cell_width * index
            ET.SubElement(mark, "rect", {"x": _n(left + 1), "y": _n(top + 1), "width": _n(cell_width - 2),
                                         "height": _n(ROW - 2), "fill": fill, "stroke": "#8a8a8a",
                                         "stroke-width": "0.5"})  # fmt: skip
            _text(mark, left + cell_width / 2, top + ROW / 2 + FONT_SIZE * 0.35, value,
                  **{"text-anchor": "middle", "fill": ink})  # fmt: skip
    return _markup(svg)


def shade(value, largest):
    """The fill and text colour for a count: white for none, then four steps of blue."""
    if value <= 0:
        return SCALE[0]
    step = min(int(4 * value / largest - 1e-9), 3) + 1
    return SCALE[step]


def _clip(label, width):
    # About 0.6 em a character: longer labels are cut, their full text is in the table.
    room = int((width - 6) / (FONT_SIZE * 0.56))
    label = str(label)
    return label if len(label) <= room else label[: room - 1].rstrip() + "…"
