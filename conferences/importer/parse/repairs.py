"""Values typed into the wrong field or left as placeholders: repaired, each with a warning, never dropped quietly."""

import re

from .text import is_placeholder, plain_text

VIDEO_ID_SHAPE = re.compile(r"^[A-Za-z0-9_-]{11}$")


def looks_like_video_id(text):
    """True for "H14qEdElzdI", not for an eleven-letter name such as "Christopher".

    YouTube ids are eleven characters of letters, digits, "_" and "-"; names of that length have
    no digits, and no capitals after the first letter but for the odd "McDonald".
    """
    if not VIDEO_ID_SHAPE.match(text):
        return False
    return bool(re.search(r"[\d_-]", text)) or sum(char.isupper() for char in text[1:]) >= 2


def session_people(chair, moderator, video_id, where, warn):
    """Chair and moderator without a YouTube id typed in their place; the id goes to the session's recording."""
    people = {"chair": chair, "moderator": moderator}
    for role, name in people.items():
        if not looks_like_video_id(name):
            continue
        people[role] = ""
        if not video_id:
            video_id = name
            warn(f"{where}: {role} {name!r} is a YouTube video id, not a name; moved to the session's recording")
        elif video_id == name:
            warn(f"{where}: {role} {name!r} is the session's YouTube video id, not a name; left out of {role}")
        else:
            warn(f"{where}: {role} {name!r} is a YouTube video id, not a name, and the session has the recording "
                 f"{video_id!r}; left out of {role}")  # fmt: skip
    return people["chair"], people["moderator"], video_id


def text_or_placeholder(value, what, where, warn):
    """Plain text from `value`; a placeholder ("n/a", "tba", ".") becomes empty, with a warning."""
    text = plain_text(value)
    if text and is_placeholder(text):
        warn(f"{where}: {what} {_shortened(text)!r} is a placeholder; left empty")
        return ""
    return text


def _shortened(text):
    return text if len(text) <= 40 else f"{text[:39]}…"
