"""Pairing the export's sessions and submissions with the archive's: carefully, one to one."""

from conferences.importer.parse.openconf.matching import match_programme

from .records import session, slot, submission, talk


def pairs(sessions, slots):
    """(session title, presentation title) -> (slot title, submission title or None)."""
    matching = match_programme(sessions, slots)
    return {
        (sessions[s].title, sessions[s].presentations[p].title): (slots[slot_index].title, sub.title if sub else None)
        for (s, p), (slot_index, sub) in matching.presentations.items()
    }


def test_sessions_with_the_same_title_are_the_same_session():
    matching = match_programme([session("Panel A2"), session("Panel A1")], [slot("Panel A1")])
    assert matching.session_of_slot == {0: 1}


def test_a_session_whose_title_begins_the_exports_is_the_same_session():
    matching = match_programme([session("Lightning Talks")], [slot("Lightning Talks & Closing Ceremony")])
    assert matching.session_of_slot == {0: 0}


def test_submissions_match_presentations_of_the_same_title():
    found = pairs(
        [session("Session A3", talk("Ageism and Technology"))],
        [slot("Session A3", submission("Ageism and technology"))],
    )
    assert found == {("Session A3", "Ageism and Technology"): ("Session A3", "Ageism and technology")}


def test_a_workshop_matches_its_presentation_without_the_label_in_another_session():
    sessions = [session("Pre-Conference Workshops", talk("Workshop 2: Understanding Data Anonymization"))]
    found = pairs(
        sessions,
        [slot("Workshops - Understanding Data Anonymization", submission("Understanding Data Anonymization"))],
    )
    assert list(found.values()) == [
        ("Workshops - Understanding Data Anonymization", "Understanding Data Anonymization")
    ]


def test_a_title_with_a_typo_matches_when_it_is_nearly_the_same():
    found = pairs(
        [session("S", talk("Researh data management in the social sciences"))],
        [slot("T", submission("Research data management in the social sciences"))],
    )
    assert len(found) == 1


def test_a_looser_likeness_matches_only_with_an_author_in_common():
    sessions = [session("S", talk("Data services for a small college library", "Ann Lee"))]
    same_author = [slot("T", submission("Data services in a small college library today", "Ann Lee"))]
    other_author = [slot("T", submission("Data services in a small college library today", "Bo Chen"))]
    assert len(pairs(sessions, same_author)) == 1
    assert pairs(sessions, other_author) == {}


def test_two_different_talks_with_alike_titles_are_not_merged():
    found = pairs(
        [session("S", talk("Data literacy for undergraduates"))],
        [slot("T", submission("Data literacy for graduate students"))],
    )
    assert found == {}


def test_the_same_title_twice_is_told_apart_by_the_sessions():
    mast = "Introducing the MAST Methodology"
    sessions = [
        session("Session F3", talk(mast, "Samuel Spencer")),
        session("Poster Session", talk(mast, "Samuel Spencer")),
    ]
    slots = [
        slot("Poster Session", submission(mast, "Samuel Spencer")),
        slot("Session F3", submission(mast, "Samuel Spencer")),
    ]
    matching = match_programme(sessions, slots)
    assert {key: slot_index for key, (slot_index, _) in matching.presentations.items()} == {(0, 0): 1, (1, 0): 0}


def test_the_same_title_twice_with_nothing_to_tell_them_apart_stays_unmatched():
    mast = "Introducing the MAST Methodology"
    sessions = [session("Sessions", talk(mast, "Samuel Spencer"), talk(mast, "Samuel Spencer"))]
    slots = [slot("Posters", submission(mast, "Samuel Spencer")), slot("Talks", submission(mast, "Samuel Spencer"))]
    assert pairs(sessions, slots) == {}


def test_the_same_title_twice_is_told_apart_by_its_authors():
    sessions = [session("Sessions", talk("Lightning talk", "Ann Lee"), talk("Lightning talk", "Bo Chen"))]
    slots = [slot("Talks", submission("Lightning talk", "Bo Chen"), submission("Lightning talk", "Ann Lee"))]
    found = match_programme(sessions, slots).presentations
    assert {key: sub.authors[0].name for key, (_, sub) in found.items()} == {(0, 0): "Ann Lee", (0, 1): "Bo Chen"}


def test_a_plenary_without_submissions_is_the_presentation_whose_speaker_it_names():
    sessions = [session("Plenaries", talk("Plenary 1 (Wednesday): no title available", "Dr. Shawn Sobers,"))]
    slots = [
        slot(
            "Opening Remarks & Plenary",
            kind="plenary",
            description="Remarks, then Shawn Sobers, University of the West of England.",
        ),
        slot("Thursday Plenary", kind="plenary", description="Dr. Steve McEachern, UK Data Archive."),
    ]
    assert pairs(sessions, slots) == {
        ("Plenaries", "Plenary 1 (Wednesday): no title available"): ("Opening Remarks & Plenary", None)
    }


def test_a_keynote_is_the_session_named_for_it_and_its_speaker():
    found = pairs(
        [session("Plenaries", talk("Keynote", "Erik Larson"))], [slot("Keynote by Erik Larson", kind="plenary")]
    )
    assert list(found.values()) == [("Keynote by Erik Larson", None)]


def test_a_session_naming_a_speaker_is_not_their_talk_when_nothing_else_relates_them():
    found = pairs(
        [session("Panels", talk("Data and justice", "Ann Lee"))],
        [slot("Banquet", kind="banquet", description="Ann Lee opens the evening.")],
    )
    assert found == {}
