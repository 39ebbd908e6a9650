"""A page body (markdown, raw HTML and Hugo shortcodes) as ConferenceStreamBlock-shaped blocks.

Hugo renders with Goldmark, which follows CommonMark: an HTML block such as
`<div style=...>` ends at the first blank line and the markdown after it is
rendered normally, even inside the still-open div. Python-Markdown instead
swallows everything up to the closing tag as raw HTML. To read the pages the
way their editors saw them, HTML blocks are cut out CommonMark's way, the rest
is rendered with Python-Markdown, and the pieces are put back together before
the HTML is parsed into blocks.
"""

import re

import markdown as python_markdown
from bs4 import BeautifulSoup

from ..errors import SourceWarning
from .page_blocks import BlockBuilder
from .shortcodes import replace_shortcodes

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
RAW_MARKER = "IASSISTRAWHTML{}X"
RAW_MARKER_PATTERN = re.compile(r"(?:<p>\s*)?IASSISTRAWHTML(\d+)X(?:\s*</p>)?")
TYPE1_START = re.compile(r"^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)", re.IGNORECASE)
TYPE6_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|"
    "dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|"
    "main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|"
    "thead|title|tr|track|ul"
)
TYPE6_START = re.compile(rf"^ {{0,3}}</?(?:{TYPE6_NAMES})(?:\s|/?>|$)", re.IGNORECASE)
ATTRIBUTE = r"""\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
TYPE7_LINE = re.compile(rf"^ {{0,3}}(?:<[A-Za-z][A-Za-z0-9-]*(?:{ATTRIBUTE})*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|1[.)])\s+\S")
ANY_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+\S")
MARKDOWN_EXTENSIONS = ["def_list", "tables", "attr_list"]


def body_to_blocks(text, *, path, warnings, page_url=None, static_root=None, first_line=1):
    """Blocks for the stream field, e.g. [("heading", {...}), ("paragraph", "<p>...</p>")].

    `page_url` resolves relative image and document addresses; `static_root`
    (the Hugo tree's static/ folder) enables warnings for missing files.
    """
    html, shortcodes = render_body(text, path=path, warnings=warnings, first_line=first_line)
    soup = BeautifulSoup(html, "html.parser")
    builder = BlockBuilder(path, warnings, shortcodes, page_url=page_url, static_root=static_root)
    builder.walk(soup)
    return builder.finish()


def render_body(text, *, path, warnings, first_line=1):
    """The body as one HTML string, and the block shortcodes its placeholders refer to."""
    text = text.replace("\r\n", "\n")
    hidden = [match.span() for match in COMMENT.finditer(text)]
    text, shortcodes = replace_shortcodes(text, path=path, warnings=warnings, first_line=first_line, hidden=hidden)
    text = remove_comments(text, path, warnings, first_line)
    text, raw_blocks = isolate_html_blocks(text)
    text = separate_lists(text)
    rendered = python_markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS)
    return RAW_MARKER_PATTERN.sub(lambda match: raw_blocks[int(match.group(1))], rendered), shortcodes


def remove_comments(text, path, warnings, first_line=1):
    """HTML comments removed, with the markdown and shortcodes they hide.

    A comment leaves nothing behind, not even its line breaks: inside an HTML
    block (a table, say) blank lines would end the block early.
    """
    with_line_breaks = COMMENT.sub(lambda match: "\n" * match.group().count("\n"), text)
    unclosed = with_line_breaks.find("<!--")
    if unclosed >= 0:
        line = first_line + with_line_breaks.count("\n", 0, unclosed)
        warnings.append(SourceWarning(path, "HTML comment never closed; the rest of the page is hidden", line))
    text = COMMENT.sub("", text)
    return text[: text.find("<!--")] if unclosed >= 0 else text


def isolate_html_blocks(text):
    """Markdown with each CommonMark HTML block replaced by a token, and the blocks in token order."""
    lines, output, blocks = text.split("\n"), [], []
    index, previous_blank = 0, True
    while index < len(lines):
        end = _html_block_end(lines, index, previous_blank)
        if end is None:
            output.append(lines[index])
            previous_blank = not lines[index].strip()
            index += 1
            continue
        blocks.append("\n".join(lines[index : end + 1]))
        output.extend(["", RAW_MARKER.format(len(blocks) - 1), ""])
        index, previous_blank = end + 1, True
    return "\n".join(output), blocks


def _html_block_end(lines, start, previous_blank):
    line = lines[start]
    if match := TYPE1_START.match(line):
        closing = f"</{match.group(1).lower()}>"
        for index in range(start, len(lines)):
            if closing in lines[index].lower():
                return index
        return len(lines) - 1
    # Only the block-level tags may interrupt a paragraph; other lone tags need a blank line first.
    if TYPE6_START.match(line) or (previous_blank and TYPE7_LINE.match(line)):
        index = start
        while index + 1 < len(lines) and lines[index + 1].strip():
            index += 1
        return index
    return None


def separate_lists(text):
    """A blank line before a list that interrupts a paragraph, as CommonMark allows and Python-Markdown needs."""
    output, paragraph_has_list, previous = [], False, ""
    for line in text.split("\n"):
        if not line.strip():
            paragraph_has_list = False
        elif LIST_ITEM.match(line) and previous.strip() and not paragraph_has_list:
            output.append("")
        if ANY_LIST_ITEM.match(line):
            paragraph_has_list = True
        output.append(line)
        previous = line
    return "\n".join(output)
