"""Hugo shortcodes in page bodies: {{< figure ... >}}, {{< ref "..." >}}, {{< youtube ... >}}, {{< embed-pdf ... >}}.

Before the markdown is rendered, `ref` becomes the href "ref:<target>" (the
writer resolves it to a page) and the block shortcodes become empty
<iassist-shortcode> elements that the block builder turns into blocks.
"""

import re
from dataclasses import dataclass, field

from ..errors import SourceWarning

SHORTCODE = re.compile(r"\{\{([<%])\s*(?P<closing>/)?\s*(?P<name>[\w-]+)(?P<arguments>.*?)\s*[>%]\}\}", re.DOTALL)
ARGUMENT = re.compile(
    r'(?:(?P<key>[\w-]+)\s*=\s*)?(?:"(?P<quoted>(?:[^"\\]|\\.)*)"|`(?P<raw>[^`]*)`|(?P<bare>[^\s"`]+))'
)
BLOCK_SHORTCODES = {"figure", "youtube", "embed-pdf"}
PLACEHOLDER_TAG = "iassist-shortcode"


@dataclass
class Shortcode:
    name: str
    positional: list[str] = field(default_factory=list)
    named: dict[str, str] = field(default_factory=dict)
    line: int | None = None

    def get(self, *keys, position=None):
        for key in keys:
            if self.named.get(key):
                return self.named[key]
        if position is not None and len(self.positional) > position:
            return self.positional[position]
        return ""


def parse_arguments(text):
    positional, named = [], {}
    for match in ARGUMENT.finditer(text):
        value = match.group("quoted")
        value = value.replace('\\"', '"') if value is not None else match.group("raw") or match.group("bare") or ""
        if match.group("key"):
            named[match.group("key").lower()] = value
        else:
            positional.append(value)
    return positional, named


def replace_shortcodes(text, *, path, warnings, first_line=1, hidden=()):
    """The text with shortcodes replaced, and the block shortcodes in placeholder order.

    Shortcodes inside the `hidden` spans (HTML comments) are left alone: they are removed with the comment.
    """
    found = []

    def replace(match):
        if any(start <= match.start() < end for start, end in hidden):
            return match.group()
        line = first_line + text.count("\n", 0, match.start())
        name = match.group("name").lower()
        positional, named = parse_arguments(match.group("arguments"))
        if match.group("closing"):
            warnings.append(SourceWarning(path, f"closing shortcode {{{{< /{name} >}}}} ignored", line))
            return ""
        if name == "ref":
            target = named.get("path") or (positional[0] if positional else "")
            return f"ref:{target}"
        if name in BLOCK_SHORTCODES:
            found.append(Shortcode(name, positional, named, line))
            return f'<{PLACEHOLDER_TAG} data-index="{len(found) - 1}"></{PLACEHOLDER_TAG}>'
        warnings.append(SourceWarning(path, f"unknown shortcode {name!r} dropped", line))
        return ""

    return SHORTCODE.sub(replace, text), found
