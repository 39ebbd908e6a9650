"""A page's description for search engines and link previews (`<meta name="description">`) if editors wrote none.

Search engines show about 160 characters; a longer text is cut at a word and marked as cut.
"""

import html
import re

from django.utils.html import strip_tags

LIMIT = 160
_WHITESPACE = re.compile(r"\s+")


def description(*texts, limit=LIMIT):
    """The first of `texts` (plain text or HTML) that holds any words, as plain text of at most `limit` characters."""
    for text in texts:
        plain = _WHITESPACE.sub(" ", html.unescape(strip_tags(str(text or "")))).strip()
        if plain:
            return shorten(plain, limit)
    return ""


def shorten(text, limit=LIMIT):
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:.–—-") + "…"
