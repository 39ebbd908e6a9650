"""Plain text from the hand-edited and CMS-exported strings of the archive."""

import html
import re

from bs4 import BeautifulSoup, NavigableString, Tag

ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
HTML_TAG = re.compile(
    r"</?(?:p|br|em|strong|b|i|u|span|div|a|ul|ol|li|h[1-6]|font|table|tr|td|sup|sub|blockquote)\b[^>]*>",
    re.IGNORECASE,
)
BLOCK_TAGS = {"p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "blockquote"}
PLACEHOLDERS = {"n/a", "na", "none", "tba", "tbc", "tbd", "to be announced", "to be confirmed", "not available",
                "no abstract", "no abstract available"}  # fmt: skip


def clean_line(value):
    """One line of text: entities decoded, whitespace (including no-break spaces) collapsed."""
    if not isinstance(value, str):
        return ""
    return re.sub(r"\s+", " ", unescape(value).replace("\xa0", " ")).strip()


def unescape(text):
    # Only complete entities: "AT&T" and "R&D" stay as written.
    return ENTITY.sub(lambda match: html.unescape(match.group()), text)


def is_placeholder(text):
    """True for text that only holds a place: empty, punctuation alone ("." "-" "…"), or "n/a", "tba" and the like."""
    if not any(char.isalnum() for char in text):
        return True
    return text.strip().strip(".").strip().lower() in PLACEHOLDERS


def plain_text(value):
    """Multi-paragraph plain text; HTML is reduced to its words with paragraph breaks kept."""
    if not isinstance(value, str):
        return ""
    return _html_to_text(value) if HTML_TAG.search(value) else _tidy_plain(unescape(value))


def _tidy_plain(text):
    lines = [line.rstrip() for line in text.replace("\xa0", " ").replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _html_to_text(markup):
    soup = BeautifulSoup(markup, "html.parser")
    paragraphs, current = [], []
    _collect(soup, paragraphs, current)
    paragraphs.append("".join(current))
    cleaned = ["\n".join(_collapse(line) for line in paragraph.split("\n")).strip() for paragraph in paragraphs]
    return "\n\n".join(paragraph for paragraph in cleaned if paragraph)


def _collect(node, paragraphs, current):
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:
                # Newlines in HTML source are only wrapping; <br> makes the real line breaks.
                current.append(re.sub(r"\s+", " ", str(child)))
        elif isinstance(child, Tag) and child.name == "br":
            current.append("\n")
        elif isinstance(child, Tag) and child.name in BLOCK_TAGS:
            paragraphs.append("".join(current))
            current.clear()
            _collect(child, paragraphs, current)
            paragraphs.append("".join(current))
            current.clear()
        elif isinstance(child, Tag) and child.name not in ("script", "style"):
            _collect(child, paragraphs, current)


def _collapse(line):
    return re.sub(r"\s+", " ", line.replace("\xa0", " ")).strip()
