"""What the conferences section's pages say of themselves to search engines where editors wrote no description."""

from home.descriptions import shorten

from .choices import ConferenceKind

INDEX = "IASSIST's annual conferences since 1974 and its regional workshops: programmes, presentations and presenters."
ARCHIVE = "Every IASSIST conference since 1974, by decade: where and when, themes, programmes and presentations."


def stream_text(stream):
    """The text of a StreamField's first paragraph, notices' paragraphs included."""
    for block in stream or ():
        if block.block_type == "paragraph":
            return block.value.source
        if block.block_type == "notice":
            text = stream_text(block.value.get("content"))
            if text:
                return text
    return ""


def conference_description(conference):
    """E.g. "IASSIST 2025, the 51st annual IASSIST conference: Bristol, UK, June 3–6, 2025. Theme: …"."""
    if conference.kind == ConferenceKind.ANNUAL and conference.ordinal:
        what = f"the {conference.ordinal_text} annual IASSIST conference"
    elif conference.kind == ConferenceKind.ANNUAL:
        what = "the annual IASSIST conference"
    elif conference.kind == ConferenceKind.WORKSHOP:
        what = "an IASSIST regional workshop"
    else:
        what = "an IASSIST event"
    facts = ", ".join(part for part in (conference.location, conference.date_display) if part)
    theme = conference.theme.strip()
    if theme and theme[-1] not in ".!?":
        theme += "."
    # Facts are plain text, never markup: shortened, not stripped of anything that looks like a tag.
    return shorten(" ".join(f"{conference.title}, {what}: {facts}. {theme}".split()))
