"""What of a conference website's StreamField content carries over to next year's website.

Starting next year's conference (next_conference.py) copies every page's StreamFields through
`carry_over`, which walks the stored JSON with the field's block definitions and:

* drops every block that declares itself *dated*, as belonging to one year only;
* asks a block that knows how to empty itself for its emptied value;
* points page choosers and rich-text page links at the new website's copies of the old
  website's pages (`pages` maps old page ids to new ones); links elsewhere are kept.

The protocol, for blocks written later (important dates, fee tables, sponsors):

``dated = True`` as a class attribute
    The block is this year's only. In a stream or a list it is removed; as a field of a struct
    block, which cannot lose a field, it is reset to the field's default.

``def next_conference_value(self, raw)`` as a method
    The block keeps its place but not all of its content: it gets the block's stored (JSON)
    value and returns what next year starts from, e.g. a fee table's rows without the fees.
    Return None to remove the block as if it were dated.

Blocks of neither kind are copied, their children walked by the same rules.
"""

import re

from wagtail import blocks

DROP = object()

_PAGE_LINK = re.compile(r'(<a\b[^>]*\blinktype="page"[^>]*\bid=")(\d+)(")')


def carry_over(block, raw, pages):
    """The stored value `raw` of `block` as next year's website starts with it, or DROP."""
    if getattr(block, "dated", False):
        return DROP
    empty = getattr(block, "next_conference_value", None)
    if empty is not None:
        raw = empty(raw)
        if raw is None:
            return DROP
    if isinstance(block, blocks.StreamBlock):
        return _carry_stream(block, raw, pages)
    if isinstance(block, blocks.ListBlock):
        return _carry_list(block, raw, pages)
    if isinstance(block, blocks.StructBlock):
        return _carry_struct(block, raw, pages)
    if isinstance(block, blocks.PageChooserBlock):
        return pages.get(raw, raw) if isinstance(raw, int) else raw
    if isinstance(block, blocks.RichTextBlock) and isinstance(raw, str):
        return _relink(raw, pages)
    return raw


def carry_over_stream(stream_block, raw, pages):
    """A whole StreamField's stored list of blocks; never DROP (an emptied field is an empty list)."""
    value = _carry_stream(stream_block, raw or [], pages)
    return value if value is not DROP else []


# A stream or list that loses every item goes as well, rather than stay behind empty.
def _carry_stream(block, raw, pages):
    kept = []
    for child in raw or []:
        child_block = block.child_blocks.get(child.get("type"))
        if child_block is None:  # a block type since removed: not ours to judge
            kept.append(child)
            continue
        value = carry_over(child_block, child.get("value"), pages)
        if value is DROP:
            continue
        kept.append({**child, "value": value})
    return kept if kept or not raw else DROP


def _carry_list(block, raw, pages):
    kept = []
    for item in raw or []:
        # Lists stored before Wagtail 2.16 hold bare values rather than {"type": "item", ...}.
        wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
        value = carry_over(block.child_block, item["value"] if wrapped else item, pages)
        if value is DROP:
            continue
        kept.append({**item, "value": value} if wrapped else value)
    return kept if kept or not raw else DROP


def _carry_struct(block, raw, pages):
    if not isinstance(raw, dict):
        return raw
    value = dict(raw)
    for name, child_block in block.child_blocks.items():
        if name not in value:
            continue
        carried = carry_over(child_block, value[name], pages)
        value[name] = child_block.get_prep_value(child_block.get_default()) if carried is DROP else carried
    return value


def _relink(html, pages):
    def repoint(match):
        old = int(match.group(2))
        return f"{match.group(1)}{pages.get(old, old)}{match.group(3)}"

    return _PAGE_LINK.sub(repoint, html)
