"""What kind of slot an OpenConf session is: its class, refined by its title when the class is a broad one."""

import pytest

from conferences.choices import SessionType
from conferences.importer.parse.openconf.kinds import BROAD_CLASSES, SPECIFIC_CLASSES, TITLE_WORDS, slot_kind


@pytest.mark.parametrize(
    ("type_name", "title", "kind"),
    [
        ("Break", "Transition Break", "break"),
        ("Lunch", "Business Lunch", "meal"),
        ("Dinner", "Dinner on your own", "meal"),
        ("Registration", "Registration - Ballroom Foyer / Continental breakfast - Hamilton Room", "registration"),
        ("Workshop", "Morning Workshops", "workshop"),
        ("Posters", "Posters - IASSIST Africa Research Grant winners", "poster"),
        ("LightningTalk", "Lightning Talks & Closing Ceremony", "lightning"),
        ("BoF", "Birds of a Feather", "bof"),
        ("Panel", "Session F2", "panel"),
        ("Break", "Poster viewing and coffee", "break"),
    ],
)
def test_a_specific_class_says_the_kind_whatever_the_title(type_name, title, kind):
    assert slot_kind(type_name, title) == (kind, False)


@pytest.mark.parametrize(
    ("type_name", "title", "kind"),
    [
        ("Plenary", "Banquet", "banquet"),
        ("Plenary", "IASSIST Business Lunch", "meal"),
        ("Reception", "Poster Reception", "poster"),
        ("Reception", "Closing Ceremony", "closing"),
        ("IndividualPresentations", "Lightning Talks", "lightning"),
        ("IndividualPresentations", "Concurrent Session A. Panel", "panel"),
        ("Presentations", "Panel A1", "panel"),
        ("Discussion", "Birds of a Feather", "bof"),
        ("Discussion", "Interest Groups: Geospatial", "meeting"),
    ],
)
def test_a_broad_class_takes_the_kind_its_title_names(type_name, title, kind):
    assert slot_kind(type_name, title) == (kind, False)


@pytest.mark.parametrize(
    ("type_name", "title", "kind"),
    [
        ("Plenary", "Fireside Chat with Dr. Jackie Carter", "plenary"),
        ("Reception", "Opening Reception", "reception"),
        ("IndividualPresentations", "Concurrent Session A.1", "paper"),
        ("SIG", "Regional Group", "meeting"),
    ],
)
def test_a_broad_class_whose_title_names_no_kind_keeps_its_own(type_name, title, kind):
    assert slot_kind(type_name, title) == (kind, False)


def test_class_names_are_read_without_case_spaces_or_plurals():
    assert slot_kind("individual_presentation", "Session B") == slot_kind("IndividualPresentations", "Session B")


def test_an_unknown_class_is_other_and_said_to_be_unknown():
    assert slot_kind("Hackathon", "Open hack") == ("other", True)


def test_every_kind_is_a_session_type():
    kinds = {*SPECIFIC_CLASSES.values(), *BROAD_CLASSES.values(), *(kind for _, kind in TITLE_WORDS)}
    assert kinds <= set(SessionType)
