"""Rendered page HTML -> blocks shaped like conferences.blocks.ConferenceStreamBlock.

Prose (paragraphs, lists) accumulates until something structural (heading,
notice, event buttons, image...) comes along, so each stretch of text between
structural blocks becomes one paragraph block, in source order.
"""

import re
from urllib.parse import urlsplit

from bs4 import Comment, NavigableString, Tag

from conferences.youtube import youtube_video_id
from conferences.zenodo import NotAZenodoTarget, normalise_doi, parse_zenodo

from ..errors import SourceWarning
from .addresses import Addresses
from .colours import background_colour, nearest_scheme
from .rich_text import UNSAFE_HREF, InlineRenderer, definition_list_html, has_words, is_icon, table_html, tidy

HEADING_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
STRUCTURAL = {
    "p", "div", "ul", "ol", "dl", "table", "hr", "blockquote", "pre", "section", "article", "header", "footer",
    "nav", "main", "aside", "figure", "form", "center", "details", "address", "fieldset", "script", "style",
    "noscript", "iframe", *HEADING_LEVELS,
}  # fmt: skip
NOTICE_CONTENT = {"heading", "paragraph", "event_buttons", "zenodo"}
FORMATTING = {"strong", "em", "b", "i", "span", "small", "u", "big", "font"}


def collapse(text):
    return re.sub(r"\s+", " ", text or "").strip()


def is_button(tag):
    return tag.name == "a" and any("btn" in name for name in tag.get("class") or [])


def _is_blank(node):
    if isinstance(node, Comment):
        return True
    if isinstance(node, NavigableString):
        return not str(node).strip()
    return isinstance(node, Tag) and (node.name == "br" or is_icon(node))


class BlockBuilder:
    def __init__(self, path, warnings, shortcodes, *, page_url=None, static_root=None, in_notice=False):
        self.path = path
        self.warnings = warnings
        self.shortcodes = shortcodes
        self.page_url = page_url
        self.static_root = static_root
        self.in_notice = in_notice
        self.blocks, self.prose, self.button_row = [], [], None
        self.addresses = Addresses(path, warnings, page_url=page_url, static_root=static_root)
        self.inline = InlineRenderer(self.warn, self.addresses.check_link)

    def warn(self, message):
        self.warnings.append(SourceWarning(self.path, message))

    def finish(self):
        self._flush_prose()
        return self.blocks

    def _emit(self, kind, value):
        self._flush_prose()
        self.button_row = None
        self.blocks.append((kind, value))

    def _add_prose(self, markup):
        self.button_row = None
        self.prose.append(markup)

    def _flush_prose(self):
        if self.prose:
            self.blocks.append(("paragraph", "".join(self.prose)))
            self.prose = []

    # Containers: the document, layout divs and notices.

    def walk(self, container):
        run = []
        for child in container.children:
            if isinstance(child, Tag) and child.name in STRUCTURAL:
                self._inline_run(run)
                run = []
                self._structural(child)
            else:
                run.append(child)
        self._inline_run(run)

    def _structural(self, tag):
        name = tag.name
        if name == "p":
            self._inline_run(list(tag.children))
        elif name in HEADING_LEVELS:
            self._heading(tag)
        elif name == "div":
            self._div(tag)
        elif name in ("ul", "ol"):
            self._list(tag)
        elif name == "dl":
            self._definition_list(tag)
        elif name == "table":
            self._table(tag)
        elif name == "hr":
            self._flush_prose()
        elif name == "iframe":
            self._iframe(tag)
        elif name not in ("script", "style", "noscript"):
            self.walk(tag)

    def _heading(self, tag):
        text = collapse(tag.get_text())
        for link in tag.find_all("a", href=True):
            self.warn(f"link to {link['href']!r} in heading {text!r} dropped (headings are plain text)")
        if text:
            self._emit("heading", {"text": text, "level": HEADING_LEVELS[tag.name]})

    def _div(self, tag):
        colour = background_colour(tag.get("style"))
        if colour is None:
            self.walk(tag)
        elif self.in_notice:
            self.warn("a coloured box inside a notice was merged into the notice")
            self.walk(tag)
        else:
            self._notice(tag, nearest_scheme(colour))

    def _notice(self, tag, scheme):
        if self._is_bar(tag):
            content = [("heading", {"text": collapse(tag.get_text()), "level": "h2"})]
        else:
            inner = BlockBuilder(
                self.path,
                self.warnings,
                self.shortcodes,
                page_url=self.page_url,
                static_root=self.static_root,
                in_notice=True,
            )
            inner.walk(tag)
            content = self._notice_content(inner.finish())
        if content:
            self._emit("notice", {"scheme": scheme, "content": content})
        else:
            self.warn("an empty coloured box was dropped")

    def _is_bar(self, tag):
        """A one-line coloured bar holding only words, like "Forthcoming and Recent Conferences"."""
        if not collapse(tag.get_text()):
            return False
        return not any(
            descendant.name in STRUCTURAL or descendant.name == "a" or self._blockish(descendant)
            for descendant in tag.find_all(True)
        )

    def _notice_content(self, blocks):
        content = []
        for kind, value in blocks:
            if kind in NOTICE_CONTENT:
                content.append((kind, value))
            elif kind == "notice":
                self.warn("a highlight inside a notice was merged into the notice")
                content.extend(value["content"])
            else:
                self.warn(f"{kind} inside a coloured box dropped (notices hold text, headings and buttons)")
        return content

    def _list(self, tag):
        markup = self.inline.node(tag)
        if has_words(markup):
            self._add_prose(markup)

    def _definition_list(self, tag):
        markup = definition_list_html(self.inline, tag)
        if markup:
            self._add_prose(markup)

    def _table(self, tag):
        rows = table_html(self.inline, tag)
        self.warn(f"a table was flattened into {len(rows)} paragraphs, one per row")
        if rows:
            self._add_prose("".join(rows))

    # Runs of inline content: a paragraph, or loose text and tags inside a div.

    def _inline_run(self, nodes):
        nodes = list(self._flatten(nodes))
        if all(_is_blank(node) for node in nodes):
            return
        for special in (self._zenodo, self._highlight):
            if block := special(nodes):
                self._emit(*block)
                return
        segment = []
        for node in nodes:
            kind = self._blockish(node)
            if kind is None:
                segment.append(node)
                continue
            self._flush_segment(segment)
            segment = []
            getattr(self, f"_{kind}")(node)
        self._flush_segment(segment)
        self.button_row = None

    def _flush_segment(self, segment):
        markup = tidy(self.inline.render(segment))
        if has_words(markup):
            self._add_prose(f"<p>{markup}</p>")

    def _blockish(self, node):
        if not isinstance(node, Tag):
            return None
        if is_button(node):
            return "button"
        if node.name == "img" or (node.name == "a" and node.find("img") and not collapse(node.get_text())):
            return "image"
        if node.name == "iassist-shortcode":
            return "shortcode"
        if node.name == "iframe":
            return "iframe"
        return None

    def _flatten(self, nodes):
        """Inline wrappers around buttons or images are unwrapped so the block inside can come out."""
        for node in nodes:
            if (
                isinstance(node, Tag)
                and self._blockish(node) is None
                and node.name != "a"
                and node.find(lambda tag: self._blockish(tag) is not None)
            ):
                yield from self._flatten(list(node.children))
            else:
                yield node

    def _single(self, nodes):
        """The one element a run consists of, looking through bold/italic/span wrappers."""
        while True:
            meaningful = [node for node in nodes if not _is_blank(node)]
            if len(meaningful) != 1:
                return None
            node = meaningful[0]
            if not isinstance(node, Tag) or node.name not in FORMATTING:
                return node
            if node.name == "span" and background_colour(node.get("style")):
                return node
            nodes = list(node.children)

    def _zenodo(self, nodes):
        node = self._single(nodes)
        if isinstance(node, Tag) and node.name == "a" and not is_button(node):
            target = (node.get("href") or "").strip()
            label = collapse(node.get_text())
        elif isinstance(node, NavigableString) and (normalise_doi(str(node)) or "").startswith("10.5281/zenodo."):
            target, label = collapse(str(node)), ""
        else:
            return None
        try:
            parse_zenodo(target)
        except NotAZenodoTarget:
            return None
        return "zenodo", {"target": target, "label": label}

    def _highlight(self, nodes):
        """A paragraph that is only a coloured <span> (a "pill") reads as a small notice."""
        node = self._single(nodes)
        if not (isinstance(node, Tag) and node.name == "span" and background_colour(node.get("style"))):
            return None
        markup = tidy(self.inline.render(nodes))
        if not has_words(markup):
            return None
        scheme = nearest_scheme(background_colour(node.get("style")))
        return "notice", {"scheme": scheme, "content": [("paragraph", f"<p>{markup}</p>")]}

    # Structural things found inside runs.

    def _button(self, tag):
        label = collapse(tag.get_text())
        href = (tag.get("href") or "").strip()
        if not label or not href or UNSAFE_HREF.match(href):
            self.warn(f"event button {label!r} without a usable address or label dropped")
            return
        button = {"label": label, "href": href, "new_tab": (tag.get("target") or "").strip() == "_blank"}
        self.addresses.check_link(href)
        if self.button_row is None:
            self._emit("event_buttons", [button])
            self.button_row = self.blocks[-1][1]
        else:
            self.button_row.append(button)

    def _image(self, tag):
        link = ""
        if tag.name == "a":
            link, tag = (tag.get("href") or "").strip(), tag.find("img")
        self._emit_image(tag.get("src"), tag.get("alt"), tag.get("title"), link)

    def _emit_image(self, src, alt, caption, link):
        src = self.addresses.resolve((src or "").strip())
        if not src:
            self.warn("image without a source dropped")
            return
        self.addresses.check_file(src)
        if link:
            self.addresses.check_link(link)
        value = {"src": src, "alt": collapse(alt), "caption": collapse(caption), "link": (link or "").strip()}
        self._emit("image", value)

    def _iframe(self, tag):
        source = (tag.get("src") or "").strip()
        video_id = youtube_video_id(source)
        if video_id:
            self._emit("recording", {"video": video_id, "title": collapse(tag.get("title"))})
        else:
            host = urlsplit(source).hostname or source[:40]
            self.warn(f"embedded frame from {host!r} dropped (only YouTube recordings are kept)")

    def _shortcode(self, tag):
        shortcode = self.shortcodes[int(tag["data-index"])]
        if shortcode.name == "figure":
            caption = shortcode.get("caption") or shortcode.get("title")
            self._emit_image(shortcode.get("src"), shortcode.get("alt"), caption, shortcode.get("link"))
        elif shortcode.name == "youtube":
            self._youtube(shortcode)
        else:
            self._document(shortcode)

    def _youtube(self, shortcode):
        written = shortcode.get("id", position=0)
        video_id = youtube_video_id(written)
        if video_id:
            self._emit("recording", {"video": video_id, "title": collapse(shortcode.get("title"))})
        else:
            self.warn(f"youtube shortcode with invalid video id {written!r} dropped")

    def _document(self, shortcode):
        src = self.addresses.resolve(shortcode.get("url", "src", "file", position=0).strip())
        if not src:
            self.warn(f"{shortcode.name} shortcode without a file dropped")
            return
        self.addresses.check_file(src)
        self._emit("document", {"src": src, "label": collapse(shortcode.get("title", "label"))})
