"""Reading presenters' name fields apart, with the archive's own examples."""

import pytest

from conferences.importer.parse.person_names import read_name
from conferences.importer.parse.presenters import presenter_records
from conferences.importer.parse.records import PresenterRecord


def entries(name, institution=""):
    return [(entry.name, entry.institution) for entry in read_name(name, institution).entries]


def kinds(name, institution=""):
    return [note.kind for note in read_name(name, institution).notes]


def test_several_people_in_one_field_become_entries_in_their_order():
    assert entries("Pascal Heus, Jack Gager, Carson Hunter", "Metadata Technology North America") == [
        ("Pascal Heus", "Metadata Technology North America"),
        ("Jack Gager", "Metadata Technology North America"),
        ("Carson Hunter", "Metadata Technology North America"),
    ]


@pytest.mark.parametrize(
    ("field", "people"),
    [
        ("Mus Ahmet and Louise Corti", ["Mus Ahmet", "Louise Corti"]),
        ("William Mockovak; Jesus Ranon; Garrett Schmitt", ["William Mockovak", "Jesus Ranon", "Garrett Schmitt"]),
        ("Mari Kleemola, Katja Moilanen, Tuomas J. Alaterä", ["Mari Kleemola", "Katja Moilanen", "Tuomas J. Alaterä"]),
    ],
)
def test_people_are_split_on_commas_semicolons_and_and(field, people):
    assert [name for name, _ in entries(field)] == people


def test_a_split_is_noted():
    assert kinds("Hayley Mills, Jon Johnson") == ["split"]


def test_et_al_is_removed_and_noted():
    assert entries("David Medyckyj-Scott, et al", "University of Edinburgh") == [
        ("David Medyckyj-Scott", "University of Edinburgh")
    ]
    assert kinds("David Medyckyj-Scott, et al") == ["et-al"]


def test_an_institution_in_the_name_moves_to_an_empty_institution():
    assert entries("Deirdre Lungley, UK Data Archive") == [("Deirdre Lungley", "UK Data Archive")]
    assert kinds("Deirdre Lungley, UK Data Archive") == ["institution"]


def test_an_acronym_after_the_name_is_an_institution():
    assert entries("Ilona Trtíková, CSDA") == [("Ilona Trtíková", "CSDA")]


def test_an_institution_of_several_parts_stays_whole():
    assert entries("Gustavo Durand, The Dataverse Project, IQSS") == [
        ("Gustavo Durand", "The Dataverse Project, IQSS")
    ]


def test_an_institution_in_the_name_is_added_after_a_different_given_one():
    assert entries("Gustavo Durand, The Dataverse Project, IQSS", "Harvard University") == [
        ("Gustavo Durand", "Harvard University; The Dataverse Project, IQSS")
    ]


def test_an_institution_already_given_is_not_repeated():
    assert entries("Deirdre Lungley, UK Data Archive", "UK Data Archive, University of Essex") == [
        ("Deirdre Lungley", "UK Data Archive, University of Essex")
    ]


def test_and_inside_an_institution_is_kept():
    assert entries("Bill Block, Department of Library and Information Studies") == [
        ("Bill Block", "Department of Library and Information Studies")
    ]


@pytest.mark.parametrize(
    ("field", "name"),
    [
        ("Colin Conrad, PhD", "Colin Conrad"),
        ("Jen Pecoskie, MLIS, Ph.D.", "Jen Pecoskie"),
        ("Dr. Steve McEachern", "Steve McEachern"),
        ("Professor John M. Abowd", "John M. Abowd"),
    ],
)
def test_titles_and_degrees_are_removed(field, name):
    assert entries(field) == [(name, "")]
    assert kinds(field) == ["degree"]


def test_a_suffix_that_is_part_of_the_name_stays():
    assert entries("Florio Arguillas Jr.") == [("Florio Arguillas Jr.", "")]


@pytest.mark.parametrize(
    ("field", "name"),
    [
        ("SONIA BARBOSA", "Sonia Barbosa"),
        ("VEERLE VAN DEN EYNDEN", "Veerle van den Eynden"),
        ("STEVEN MCEACHERN", "Steven McEachern"),
        ("ALASDAIR MACDONALD", "Alasdair MacDonald"),
        ("ANA MACHADO", "Ana Machado"),
        ("MAEVE O'BRIEN-SMITH", "Maeve O'Brien-Smith"),
    ],
)
def test_names_in_capitals_are_written_as_names(field, name):
    assert entries(field) == [(name, "")]
    assert kinds(field) == ["capitals"]


def test_initials_and_acronyms_in_a_name_are_not_capitals_to_fix():
    assert entries("A. J. Million") == [("A. J. Million", "")]
    assert kinds("Alina DCDSP") == []


def test_a_committee_stays_one_group_entry():
    reading = read_name("2019 IASSIST organizing committee", "2019 IASSIST organizing committee")
    assert [(entry.name, entry.is_group) for entry in reading.entries] == [("2019 IASSIST organizing committee", True)]
    assert [note.kind for note in reading.notes] == ["group"]


@pytest.mark.parametrize("field", ["Smith, John", "T.E, Raghunathan", "McEachern, Steven"])
def test_a_single_name_with_a_comma_is_kept_as_written_and_left_to_an_editor(field):
    assert entries(field, "University of Michigan") == [(field, "University of Michigan")]
    assert kinds(field) == ["undecided"]


def test_a_bracketed_institution_is_left_to_an_editor():
    assert entries("Alina DCDSP (Sciences Po, CNRS)") == [("Alina DCDSP (Sciences Po, CNRS)", "")]
    assert kinds("Alina DCDSP (Sciences Po, CNRS)") == ["undecided"]


def test_a_nickname_in_brackets_is_part_of_the_name():
    assert entries("William (Bill) Block") == [("William (Bill) Block", "")]
    assert kinds("William (Bill) Block") == []


def test_a_role_in_brackets_is_removed():
    assert entries("Mary Vardigan (presenter)") == [("Mary Vardigan", "")]


def test_an_ordinary_name_is_left_alone():
    assert entries("Steven McEachern", "Australian Data Archive") == [("Steven McEachern", "Australian Data Archive")]
    assert kinds("Steven McEachern") == []


@pytest.mark.parametrize("field", ["", " ", ",", ";;", "and", "et al", "()", "Dr.", "PhD"])
def test_empty_or_punctuation_only_fields_give_no_crash_and_lose_nothing(field):
    reading = read_name(field, "X")
    assert len(reading.entries) == 1 and reading.entries[0].institution == "X"


def test_a_huge_field_is_read_without_losing_anyone():
    field = ", ".join(f"Given{n} Surname{n}" for n in range(2000))
    assert len(read_name(field, "").entries) == 2000


def test_hostile_markup_in_a_name_is_kept_as_text_for_escaping():
    assert entries("<script>alert(1)</script> Smith") == [("<script>alert(1)</script> Smith", "")]


class Reader:
    surname_first = False

    def __init__(self):
        self.warnings = []

    def warn(self, message):
        self.warnings.append(message)

    def check_keys(self, record, known, where):
        pass


def test_presenter_records_split_a_field_and_warn_once_per_reading():
    reader = Reader()
    records = presenter_records(
        [{"name": "Hayley Mills, Jon Johnson", "institution": "University College London"}], "talk", reader
    )
    assert records == [
        PresenterRecord("Hayley Mills", "University College London"),
        PresenterRecord("Jon Johnson", "University College London"),
    ]
    assert reader.warnings == ["talk: 'Hayley Mills, Jon Johnson' names 2 people; each presents on their own"]


def test_presenter_records_mark_a_group():
    records = presenter_records([{"name": "2019 IASSIST organizing committee"}], "talk", Reader())
    assert [record.is_group for record in records] == [True]
