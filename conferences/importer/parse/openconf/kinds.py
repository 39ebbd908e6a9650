"""What kind of slot an OpenConf session is, from its CSS class (`oc_program_type_Panel`) and its title.

Each conference names its OpenConf types itself, so the class is read loosely (case, spaces and
plurals folded). A specific class ("Break", "Workshop", "Lunch") is taken as it is. A broad one
("Plenary", "Reception", "IndividualPresentations", "Discussion") is what OpenConf offers for many
kinds of slot, and its title says which: 2025 filed the banquet under Plenary, the poster session
and the closing ceremony under Reception, the lightning talks and panels under
IndividualPresentations. A class this table does not know gives OTHER, with a warning.
"""

import re

from conferences.choices import SessionType

CLASS_PREFIX = "oc_program_type_"

SPECIFIC_CLASSES = {
    "break": SessionType.BREAK,
    "coffeebreak": SessionType.BREAK,
    "lunch": SessionType.MEAL,
    "breakfast": SessionType.MEAL,
    "dinner": SessionType.MEAL,
    "meal": SessionType.MEAL,
    "registration": SessionType.REGISTRATION,
    "workshop": SessionType.WORKSHOP,
    "poster": SessionType.POSTER,
    "lightningtalk": SessionType.LIGHTNING,
    "lightning": SessionType.LIGHTNING,
    "bof": SessionType.BOF,
    "birdsofafeather": SessionType.BOF,
    "banquet": SessionType.BANQUET,
    "panel": SessionType.PANEL,
    "closing": SessionType.CLOSING,
    "social": SessionType.SOCIAL,
    "excursion": SessionType.SOCIAL,
    "tour": SessionType.SOCIAL,
}
BROAD_CLASSES = {
    "plenary": SessionType.PLENARY,
    "keynote": SessionType.PLENARY,
    "reception": SessionType.RECEPTION,
    "presentation": SessionType.PAPER,
    "individualpresentation": SessionType.PAPER,
    "paper": SessionType.PAPER,
    "refereedpaper": SessionType.PAPER,
    "session": SessionType.PAPER,
    "accept": SessionType.PAPER,
    "discussion": SessionType.MEETING,
    "sig": SessionType.MEETING,
    "meeting": SessionType.MEETING,
}
# The words of a title that say what kind of slot it is; the one written first counts.
TITLE_WORDS = [
    (r"panels?", SessionType.PANEL),
    (r"posters?", SessionType.POSTER),
    (r"workshops?", SessionType.WORKSHOP),
    (r"lightning", SessionType.LIGHTNING),
    (r"birds of a feather|bof", SessionType.BOF),
    (r"keynotes?|plenary|plenaries", SessionType.PLENARY),
    (r"(?:coffee |tea )?breaks?", SessionType.BREAK),
    (r"lunch|breakfast|dinner", SessionType.MEAL),
    (r"registration", SessionType.REGISTRATION),
    (r"receptions?", SessionType.RECEPTION),
    (r"banquet|gala dinner", SessionType.BANQUET),
    (r"closing", SessionType.CLOSING),
    (r"interest groups?|meetings?", SessionType.MEETING),
    (r"excursions?|tours?", SessionType.SOCIAL),
]
TITLE_PATTERN = re.compile(r"\b(" + "|".join(f"(?:{words})" for words, _ in TITLE_WORDS) + r")\b", re.IGNORECASE)


def type_classes(classes):
    """The OpenConf type names among an element's CSS classes: ["Panel"] for oc_program_type_Panel."""
    return [name[len(CLASS_PREFIX) :] for name in classes if name.startswith(CLASS_PREFIX)]


def slot_kind(type_name, title):
    """(SessionType value, whether the type was unknown) for a slot of OpenConf type `type_name`."""
    key = _class_key(type_name)
    if key in SPECIFIC_CLASSES:
        return SPECIFIC_CLASSES[key].value, False
    from_title = title_kind(title)
    if key in BROAD_CLASSES:
        return (from_title or BROAD_CLASSES[key]).value, False
    return (from_title or SessionType.OTHER).value, True


def title_kind(title):
    match = TITLE_PATTERN.search(title or "")
    if not match:
        return None
    word = match.group(1).lower()
    return next(kind for words, kind in TITLE_WORDS if re.fullmatch(words, word))


def _class_key(type_name):
    key = re.sub(r"[^a-z]", "", (type_name or "").lower())
    return key[:-1] if key.endswith("s") and key[:-1] in {**SPECIFIC_CLASSES, **BROAD_CLASSES} else key
