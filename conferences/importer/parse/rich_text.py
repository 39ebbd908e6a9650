"""Inline HTML reduced to what a Wagtail paragraph holds: p, strong, em, a[href], ul, ol, li, br, sup, sub."""

import html
import re

from bs4 import Comment, NavigableString, Tag

KEPT = {"strong", "em", "a", "ul", "ol", "li", "br", "sup", "sub"}
RENAMED = {"b": "strong", "i": "em"}
SILENTLY_DROPPED = {"script", "style", "template", "noscript"}
DROPPED = {"img", "iframe", "svg", "video", "audio", "object", "embed", "input", "button", "select", "textarea"}
KNOWN_HTML = {
    "span", "small", "big", "u", "s", "strike", "del", "ins", "mark", "code", "kbd", "samp", "var", "abbr",
    "acronym", "cite", "q", "dfn", "time", "font", "label", "center", "nobr", "wbr", "tt", "bdi", "bdo",
    "data", "p", "div", "section", "article", "header", "footer", "nav", "main", "aside", "address",
    "blockquote", "pre", "figure", "figcaption", "picture", "source", "details", "summary", "h1", "h2", "h3",
    "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dl", "dt", "dd", "hr",
    "form", "fieldset", "legend",
}  # fmt: skip
ICON_CLASS = re.compile(r"^(fa[srlbd]?|fa-[\w-]+|glyphicon[\w-]*|icon[\w-]*)$")
UNSAFE_HREF = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.IGNORECASE)
BARE_URL = re.compile(r"https?://[^\s<>\"']+")
URL_TRAILING = ".,;:!?"


def is_icon(tag):
    """Font Awesome and similar icons: decoration with no words, e.g. the external-link arrow."""
    classes = tag.get("class") or []
    return (
        tag.name in ("i", "span") and any(ICON_CLASS.match(name) for name in classes) and not tag.get_text(strip=True)
    )


class InlineRenderer:
    """Renders nodes to sanitised inline HTML; `warn` reports what had to be dropped."""

    def __init__(self, warn, check_href=None):
        self.warn = warn
        self.check_href = check_href or (lambda href: None)

    def render(self, nodes, inside_link=False):
        return "".join(self.node(node, inside_link) for node in nodes)

    def node(self, node, inside_link=False):
        if isinstance(node, Comment):
            return ""
        if isinstance(node, NavigableString):
            return self.text(str(node), inside_link)
        if not isinstance(node, Tag) or is_icon(node):
            return ""
        name = RENAMED.get(node.name, node.name)
        if name in SILENTLY_DROPPED:
            return ""
        if name in DROPPED or name == "iassist-shortcode":
            self.warn(f"<{node.name}> inside text dropped")
            return ""
        if name == "a":
            return self.link(node)
        if name == "br":
            return "<br>"
        if name == "li":
            return f"<li>{self.list_item(node, inside_link)}</li>"
        if name in ("ul", "ol"):
            items = "".join(self.node(child, inside_link) for child in node.children if not _is_space(child))
            return f"<{name}>{items}</{name}>"
        inner = self.render(node.children, inside_link)
        if name in KEPT:
            return f"<{name}>{inner}</{name}>" if inner.strip() or name in ("ul", "ol") else inner
        if name not in KNOWN_HTML:
            self.warn(f"unknown HTML element <{node.name}> removed (its text is kept)")
        return inner

    def text(self, text, inside_link):
        text = re.sub(r"\s+", " ", text)
        if inside_link:
            return html.escape(text, quote=False)
        # Hugo's markdown turns bare addresses into links; so does the import.
        parts, position = [], 0
        for match in BARE_URL.finditer(text):
            url = _trim_url(match.group())
            parts.append(html.escape(text[position : match.start()], quote=False))
            parts.append(f'<a href="{html.escape(url)}">{html.escape(url, quote=False)}</a>')
            position = match.start() + len(url)
        parts.append(html.escape(text[position:], quote=False))
        return "".join(parts)

    def link(self, tag):
        inner = self.render(tag.children, inside_link=True)
        href = (tag.get("href") or "").strip()
        if not href or UNSAFE_HREF.match(href):
            if href:
                self.warn(f"unsafe link {href[:40]!r} removed")
            return inner
        if not inner.strip():
            return ""
        self.check_href(href)
        return f'<a href="{html.escape(href)}">{inner}</a>'

    def list_item(self, tag, inside_link):
        # Loose lists wrap items in <p>; a paragraph holds no nested paragraphs, so they become line breaks.
        pieces = []
        for child in tag.children:
            if isinstance(child, Tag) and child.name == "p":
                pieces.append(("p", self.render(child.children, inside_link)))
            else:
                pieces.append(("inline", self.node(child, inside_link)))
        rendered = ""
        for index, (kind, piece) in enumerate(pieces):
            if kind == "p" and index and rendered.strip():
                rendered += "<br>"
            rendered += piece
        return tidy(rendered)


def _is_space(node):
    return isinstance(node, NavigableString) and not str(node).strip()


def _trim_url(url):
    url = url.rstrip(URL_TRAILING)
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(URL_TRAILING)
    return url


def tidy(markup):
    """Whitespace collapsed, no spaces around <br>, no leading or trailing breaks."""
    markup = re.sub(r"[ \t\n\xa0]+", " ", markup)
    # Spaces just inside a link or emphasis (left by removed icons) belong outside it.
    markup = re.sub(r"(<(?:a|strong|em|sup|sub)\b[^>]*>) ", r" \1", markup)
    markup = re.sub(r" (</(?:a|strong|em|sup|sub)>)", r"\1 ", markup)
    markup = re.sub(r" {2,}", " ", markup)
    markup = re.sub(r"(</(?:a|strong|em|sup|sub)>) ([.,;:!?])", r"\1\2", markup)
    markup = re.sub(r"\s*<br>\s*", "<br>", markup)
    markup = re.sub(r"^(?:\s|<br>)+|(?:\s|<br>)+$", "", markup)
    return markup


def has_words(markup):
    return bool(re.sub(r"<[^>]+>|\s|&nbsp;", "", markup))


def definition_list_html(renderer, tag):
    """Terms become paragraphs and their definitions a bulleted list, as close as a paragraph gets."""
    parts, definitions = [], []
    for child in tag.find_all(["dt", "dd"], recursive=False):
        markup = renderer.list_item(child, False)
        if child.name == "dd":
            definitions.append(f"<li>{markup}</li>")
            continue
        if definitions:
            parts.append(f"<ul>{''.join(definitions)}</ul>")
            definitions = []
        if has_words(markup):
            parts.append(f"<p>{markup}</p>")
    if definitions:
        parts.append(f"<ul>{''.join(definitions)}</ul>")
    return "".join(parts)


def table_html(renderer, tag):
    """One paragraph per row with words, cells separated by " | " and header cells in bold."""
    rows = []
    for row in tag.find_all("tr"):
        cells = [_cell(renderer, cell) for cell in row.find_all(["td", "th"])]
        cells = [cell for cell in cells if has_words(cell)]
        if cells:
            rows.append(f"<p>{' | '.join(cells)}</p>")
    return rows


def _cell(renderer, cell):
    markup = tidy(renderer.render(cell.children))
    return f"<strong>{markup}</strong>" if cell.name == "th" and has_words(markup) else markup
