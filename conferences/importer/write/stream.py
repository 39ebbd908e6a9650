"""Turn the parser's plain blocks into StreamField data, resolving links and media."""

import uuid
from collections import Counter
from urllib.parse import quote

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

from conferences.blocks import NOTICE_SCHEMES, RICH_TEXT_FEATURES
from conferences.people_blocks import BIO_FEATURES
from conferences.website_blocks import WEBSITE_TEXT_FEATURES
from conferences.youtube import youtube_video_id, youtube_watch_url
from conferences.zenodo import NotAZenodoTarget, parse_zenodo

from ..errors import SourceWarning
from .sponsors import SponsorFinder

HEADING_LEVELS = {"h2", "h3", "h4"}
# List items need ids to be read back; deriving them from content keeps re-runs identical.
ITEM_NAMESPACE = uuid.UUID("5f0c8d3e-6b1a-4c55-9d8e-2f7a4b1c9e10")


def safe_address(address):
    """Percent-encode what the source left raw (spaces, quotes) so that the address validates."""
    return quote(address, safe=":/?#[]@!$&'()*+,;=%~")


class StreamBuilder:
    """Builds raw StreamField data for one page, warning once per thing it cannot keep."""

    def __init__(self, resolver, media, warnings, created=None):
        self.resolver = resolver
        self.media = media
        self.warnings = warnings
        self.converter = DbHTMLConverter(RICH_TEXT_FEATURES)
        self.answer_converter = DbHTMLConverter(WEBSITE_TEXT_FEATURES)
        self.bio_converter = DbHTMLConverter(BIO_FEATURES)
        self.sponsors = SponsorFinder(media, Counter() if created is None else created)
        # The pages that the page being built links to: how the import finds pages nothing leads to.
        self.linked_pages = set()

    def begin_page(self):
        """Start counting the links of another page."""
        self.linked_pages = set()

    def build(self, blocks, *, stream_block, page_url, source):
        self.page_url, self.source = page_url, source
        raw = []
        for kind, value in blocks:
            raw.extend(self._typed_or_plain(kind, value, stream_block))
        return [item for index, item in enumerate(raw) if self._valid(stream_block, item, index)]

    def _typed_or_plain(self, kind, value, stream_block):
        """A typed block (FAQ, fees...) that the site refuses falls back on the plain blocks it was read from."""
        if not (isinstance(value, dict) and "fallback" in value):
            item = self._block(kind, value)
            return [item] if item else []
        item = self._block(kind, {name: part for name, part in value.items() if name != "fallback"})
        problem = self._problem(stream_block, item) if item else "nothing left to show"
        if problem is None:
            return [item]
        self.warnings.append(SourceWarning(self.source, f"{kind} block refused ({problem}): kept as plain text"))
        plain = (self._block(plain_kind, plain_value) for plain_kind, plain_value in value["fallback"])
        return [item for item in plain if item]

    def landing(self, summary, buttons, *, page_url, source):
        """A conference's summary and button items for the Conferences page's computed panel."""
        self.page_url, self.source = page_url, source
        return self._paragraph(summary) or "", self._event_buttons(buttons) or []

    def rich_text(self, html, *, page_url, source):
        self.page_url, self.source = page_url, source
        return self._paragraph(html)

    def _resolve(self, href):
        target = self.resolver.resolve(href, page_url=self.page_url, source=self.source)
        if target.kind == "page":
            self.linked_pages.add(target.value)
        return target

    def _valid(self, stream_block, item, index):
        message = self._problem(stream_block, item)
        if message is None:
            return True
        self.warnings.append(SourceWarning(self.source, f"block {index + 1} ({item['type']}) left out: {message}"))
        return False

    def _problem(self, stream_block, item):
        if stream_block is None:
            return None
        child = stream_block.child_blocks.get(item["type"])
        if child is None:
            return "this page takes no such block"
        try:
            child.clean(child.to_python(item["value"]))
        except ValidationError as error:
            return "; ".join(error.messages)[:200]
        return None

    def _block(self, kind, value):
        handler = getattr(self, f"_{kind}", None)
        if handler is None:
            self.warnings.append(SourceWarning(self.source, f"no block type for {kind!r}; left out"))
            return None
        built = handler(value)
        if built is None:
            return None
        return {"type": kind, "value": built}

    def _heading(self, value):
        level = value.get("level") if value.get("level") in HEADING_LEVELS else "h2"
        text = (value.get("text") or "").strip()
        return {"text": text[:255], "level": level} if text else None

    def _paragraph(self, html, converter=None):
        soup = BeautifulSoup(html or "", "html.parser")
        for link in soup.find_all("a"):
            self._rewrite_link(link)
        cleaned, _ = (converter or self.converter).clean(str(soup))
        return cleaned if BeautifulSoup(cleaned, "html.parser").get_text(strip=True) else None

    def _rewrite_link(self, link):
        target = self._resolve(link.get("href"))
        link.attrs = {}
        if target.kind == "page":
            link.attrs = {"linktype": "page", "id": str(target.value)}
        elif target.kind == "document":
            link.attrs = {"linktype": "document", "id": str(target.value.pk)}
        elif target.value:
            link.attrs = {"href": target.value}
        else:
            link.unwrap()

    def _notice(self, value):
        scheme = value.get("scheme") if value.get("scheme") in NOTICE_SCHEMES else "panel"
        content = []
        for kind, child in value.get("content", []):
            built = self._block(kind, child) if kind in ("heading", "paragraph", "event_buttons", "zenodo") else None
            if built:
                content.append(built)
        return {"scheme": scheme, "content": content} if content else None

    def _event_buttons(self, buttons):
        return self._items(self._button(button) for button in buttons) or None

    def _items(self, values):
        return [
            {"type": "item", "value": item, "id": str(uuid.uuid5(ITEM_NAMESPACE, f"{self.source}:{index}:{item}"))}
            for index, item in enumerate(filter(None, values))
        ]

    # Typed blocks of a conference website's pages (parse/typed_pages.py).

    def _faq(self, value):
        questions = self._items(
            {
                "question": item["question"],
                "answer": self._paragraph(item["answer"], self.answer_converter) or "",
                "anchor": item["anchor"],
            }
            for item in value["questions"]
        )
        return {"heading": value.get("heading", ""), "questions": questions}

    def _registration(self, value):
        return {
            "heading": value.get("heading", ""),
            "intro": "",
            "currency": value["currency"],
            "fees": self._items(value["fees"]),
            "included": [],
            "registration_link": "",
        }

    def _speakers(self, value):
        speakers = self._items(
            {
                "name": speaker["name"],
                "photo": self._photo(speaker),
                "affiliation": (speaker.get("affiliation") or "")[:300],
                "bio": self._paragraph(speaker.get("bio"), self.bio_converter) or "",
                "session": None,
            }
            for speaker in value["speakers"]
        )
        return {"heading": value.get("heading", ""), "speakers": speakers}

    def _photo(self, speaker):
        if speaker.get("placeholder"):
            self.media.image(speaker["placeholder"])  # imported for its old address, shown nowhere
        image = self.media.image(speaker["photo"]) if speaker.get("photo") else None
        if image is None:
            return None
        alt = (speaker.get("alt") or "").strip(" .")
        return {"image": image.pk, "decorative": False, "alt_text": (alt or speaker["name"])[:255]}

    def _important_dates(self, value):
        return {"heading": value.get("heading", ""), "kinds": list(value.get("kinds") or [])}

    def _sponsors(self, value):
        tiers = []
        for tier in value["tiers"]:
            chosen = [self.sponsors.sponsor(entry) for entry in tier["sponsors"]]
            ids = self._items(sponsor.pk for sponsor in chosen if sponsor)
            if ids:
                tiers.append({"name": tier["name"], "sponsors": ids})
        return {"heading": value.get("heading", ""), "tiers": self._items(tiers)} if tiers else None

    def _button(self, button):
        label = (button.get("label") or "").strip()
        target = self._resolve(button.get("href"))
        value = {"label": label[:100], "page": None, "url": "", "new_tab": bool(button.get("new_tab"))}
        if target.kind == "page":
            value["page"] = target.value
        elif target.kind == "document":
            value["url"] = target.value.url
        elif target.value:
            value["url"] = safe_address(target.value)
        else:
            return None
        return value

    def _zenodo(self, value):
        try:
            target = parse_zenodo(value.get("target")).url
        except NotAZenodoTarget:
            return None
        return {"target": target, "label": (value.get("label") or "").strip()[:150]}

    def _image(self, value):
        image = self.media.image(value.get("src"))
        if image is None:
            return None
        figure = {
            "image": {
                "image": image.pk,
                "decorative": not value.get("alt"),
                "alt_text": (value.get("alt") or "")[:255],
            },
            "caption": (value.get("caption") or "")[:300],
            "link": "",
            "document": None,
        }
        if value.get("link"):
            figure.update(self._figure_link(value["link"]))
        return figure

    def _figure_link(self, href):
        """A figure leads to a document (the flyer as a PDF), a page, or an address (the flyer in full size)."""
        target = self._resolve(href)
        if target.kind == "document":
            return {"document": target.value.pk}
        if target.kind == "page":
            return {"link": self.resolver.page_path(target.value)}
        return {"link": safe_address(target.value)} if target.value.startswith(("/", "http")) else {}

    def _recording(self, value):
        video_id = youtube_video_id(value.get("video"))
        if not video_id:
            return None
        return {"video": youtube_watch_url(video_id), "title": (value.get("title") or "")[:200]}

    def _document(self, value):
        document = self.media.document(value.get("src"))
        if document is None:
            return None
        return {"document": document.pk, "label": (value.get("label") or "")[:200]}
