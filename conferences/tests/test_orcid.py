"""People's ORCID iDs: checked by their check character, stored in one form, shown where their names are."""

import pytest
from django.core.exceptions import ValidationError

from conferences.models import Person
from conferences.orcid import check_character, normalise_orcid, validate_orcid
from conferences.tests import builders

# Josiah Carberry, ORCID's own test researcher, and an iD whose check character is X.
CARBERRY = "0000-0002-1825-0097"
WITH_X = "0000-0002-1694-233X"


@pytest.mark.parametrize("orcid", [CARBERRY, WITH_X, "0000-0001-5109-3700"])
def test_a_valid_orcid_is_accepted(orcid):
    validate_orcid(orcid)


def test_the_check_character_can_be_x():
    assert check_character("000000021694233") == "X"


@pytest.mark.parametrize("orcid", ["0000-0002-1825-0098", "0000-0002-1825-009X", "0000-0002-1694-2330"])
def test_an_orcid_with_a_wrong_check_character_is_refused(orcid):
    with pytest.raises(ValidationError, match="last character does not match"):
        validate_orcid(orcid)


@pytest.mark.parametrize(
    "value",
    [
        "0000-0002-1825-009",
        "0000-0002-1825-00977",
        "0000_0002_1825_0097",
        "ORCID 0000-0002-1825-0097",
        "https://example.org/0000-0002-1825-0097",
        "0000-0002-1825-009Y",
        "X000-0002-1825-0097",
        "<script>",
        "0" * 5000,
    ],
)
def test_a_value_not_written_as_an_orcid_is_refused(value):
    with pytest.raises(ValidationError, match="Enter an ORCID iD"):
        validate_orcid(value)


@pytest.mark.parametrize(
    "value",
    [
        "https://orcid.org/0000-0002-1825-0097",
        "http://orcid.org/0000-0002-1825-0097/",
        "orcid.org/0000-0002-1825-0097",
        " 0000000218250097 ",
        "https://www.orcid.org/0000-0002-1825-0097",
    ],
)
def test_an_orcid_address_or_bare_digits_are_stored_as_the_id(value):
    assert normalise_orcid(value) == CARBERRY


def test_a_lower_case_x_is_stored_in_capitals():
    assert normalise_orcid("0000-0002-1694-233x") == WITH_X


@pytest.mark.django_db
def test_cleaning_a_person_stores_the_id_of_a_pasted_address():
    person = Person(name="Josiah Carberry", orcid="https://orcid.org/0000-0002-1825-0097")
    person.full_clean()
    assert person.orcid == CARBERRY


@pytest.mark.django_db
def test_cleaning_a_person_refuses_a_wrong_check_character():
    person = Person(name="Josiah Carberry", orcid="0000-0002-1825-0098")
    with pytest.raises(ValidationError) as raised:
        person.full_clean()
    assert "orcid" in raised.value.message_dict


@pytest.mark.django_db
def test_a_person_page_links_their_orcid(client, home_page):
    index = builders.conference_index(home_page)
    conference = builders.conference(index, 2024, slug="iassist2024")
    builders.presentation(builders.session(conference), "Talk", presenters=[("Josiah Carberry", "Brown")])
    Person.objects.filter(name="Josiah Carberry").update(orcid=CARBERRY)
    page = client.get("/conferences/people/josiah-carberry/").content.decode()
    assert f'<a href="https://orcid.org/{CARBERRY}">https://orcid.org/{CARBERRY}</a>' in page


@pytest.mark.django_db
def test_a_presentation_page_gives_its_authors_orcid_as_citation_meta(client, home_page):
    index = builders.conference_index(home_page)
    conference = builders.conference(index, 2024, slug="iassist2024")
    builders.presentation(builders.session(conference), "Talk", slug="talk", presenters=[("Josiah Carberry", "")])
    Person.objects.filter(name="Josiah Carberry").update(orcid=CARBERRY)
    page = client.get("/conferences/iassist2024/presentations/talk/").content.decode()
    assert f'<meta name="citation_author_orcid" content="https://orcid.org/{CARBERRY}">' in page
