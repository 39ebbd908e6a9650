"""The Conferences page's computed panel: the index's switch, and each conference's summary and buttons.

Written apart from the page's body, under records of their own, so that an editor who changes a
summary, the buttons or the switch in the admin keeps the change through later imports.
"""

from conferences.models import ConferenceIndexPage

from ..errors import SourceWarning
from .bookkeeping import fingerprint


def desired_landing(item, streams, index_item):
    """What the plan wants the page to hold for the panel, as plain data; None when the panel is not its concern."""
    if item.landing is None:
        return None
    if "panel" in item.landing:
        return {"panel": bool(item.landing["panel"])}
    page_url = index_item.hugo_urls[0] if index_item.hugo_urls else "/conferences/"
    summary, buttons = streams.landing(
        item.landing["summary"], item.landing["buttons"], page_url=page_url, source=index_item.source
    )
    return {"summary": summary, "buttons": buttons}


def landing_to_write(item, page, desired, records, warnings):
    """`desired`, unless the page holds it already or an editor changed what the last import wrote."""
    if desired is None:
        return None
    key = f"landing:{item.key}"
    wanted, written, current = fingerprint(_shown(desired)), records.fingerprint(key), fingerprint(state_of(page))
    if wanted in (written, current):
        if written != wanted:
            records.remember(key, page, wanted)
        return None
    untouched = fingerprint(_shown(_empty(page)))
    if current != (written or untouched):
        warnings.append(
            SourceWarning(
                item.source, "the Conferences page's panel entry changed in the admin: kept as the editor left it"
            )
        )
        return None
    return desired


def apply_landing(page, desired):
    if "panel" in desired:
        page.landing_panel = desired["panel"]
    else:
        page.landing_summary = desired["summary"]
        page.landing_buttons = [{"type": "event_buttons", "value": desired["buttons"]}] if desired["buttons"] else []


def remember_landing(item, page, desired, records):
    records.remember(f"landing:{item.key}", page, fingerprint(_shown(desired)))


def state_of(page):
    if isinstance(page, ConferenceIndexPage):
        return _shown({"panel": page.landing_panel})
    buttons = [item.get("value") or {} for block in page.landing_buttons.raw_data for item in block["value"]]
    return _shown({"summary": page.landing_summary or "", "buttons": buttons})


def _empty(page):
    return {"panel": False} if isinstance(page, ConferenceIndexPage) else {"summary": "", "buttons": []}


def _shown(state):
    """The state as visitors see it, whatever the blocks' ids."""
    if "panel" in state:
        return ["panel", bool(state["panel"])]
    buttons = [item.get("value", item) if "type" in item else item for item in state["buttons"]]
    return [
        state["summary"] or "",
        [[b.get("page"), b.get("url") or "", b.get("label") or "", bool(b.get("new_tab"))] for b in buttons],
    ]
