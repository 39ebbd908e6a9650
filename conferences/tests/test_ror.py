"""Institutions' ROR IDs on presenter entries: checked by their check digits, stored in one form, linked."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from conferences.importer.write.programme_rows import _presenter_entries
from conferences.models import Person, Presentation, Presenter
from conferences.ror import check_digits, normalise_ror, validate_ror
from conferences.tests import builders

# Real ROR IDs (ror.org): California Digital Library, Brown University, Universidad de los Andes
# (Colombia), University of Cambridge, University of Oxford.
CDL, BROWN = "03yrm5c26", "05gq02987"
REAL_IDS = [CDL, BROWN, "02mhbdp94", "013meh722", "052gg0110"]


@pytest.mark.parametrize("ror_id", REAL_IDS)
def test_a_real_ror_id_is_accepted(ror_id):
    validate_ror(ror_id)
    assert normalise_ror(ror_id) == ror_id


@pytest.mark.parametrize("ror_id", REAL_IDS)
def test_the_check_digits_are_those_ror_gave_the_id(ror_id):
    assert check_digits(ror_id[:7]) == ror_id[7:]


@pytest.mark.parametrize(
    "ror_id",
    [
        "03yrm5c27",  # the last digit mistyped
        "03yrm5c62",  # the check digits swapped
        "05gq20987",  # two neighbours of the body swapped
        "03yrn5c26",  # one letter of the body mistyped
        "03yrm5c00",  # 00 is never a check value (they run from 02 to 98)
    ],
)
def test_a_ror_id_whose_check_digits_do_not_match_is_refused(ror_id):
    with pytest.raises(ValidationError, match="last two digits do not match"):
        validate_ror(ror_id)
    assert normalise_ror(ror_id) is None


@pytest.mark.parametrize(
    "value",
    [
        "03yrm5c2",
        "03yrm5c266",
        "13yrm5c26",
        "03yrm5cx6",
        "03yrm-5c26",
        "ROR 03yrm5c26",
        "https://example.org/03yrm5c26",
        "https://ror.org/03yrm5c26?lang=en",
        "https://ror.org/",
        "<script>alert(1)</script>",
        "0" * 5000,
    ],
)
def test_a_value_not_written_as_a_ror_id_is_refused(value):
    with pytest.raises(ValidationError, match="Enter a ROR ID such as 03yrm5c26"):
        validate_ror(value)
    assert normalise_ror(value) is None


@pytest.mark.parametrize("value", ["o3yrm5c26", "03yrm5l26", "03yim5c26", "03yrm5u26"])
def test_a_letter_in_place_of_a_digit_is_named(value):
    with pytest.raises(ValidationError, match="no letters i, l, o or u"):
        validate_ror(value)


@pytest.mark.parametrize(
    "value",
    [
        "https://ror.org/03yrm5c26",
        "http://ror.org/03yrm5c26/",
        "ror.org/03yrm5c26",
        "https://www.ror.org/03yrm5c26",
        " 03YRM5C26 ",
        "HTTPS://ROR.ORG/03YRM5C26",
    ],
)
def test_a_ror_address_or_the_id_in_capitals_is_read_as_the_id(value):
    assert normalise_ror(value) == CDL


@pytest.mark.parametrize("value", [None, 3, b"03yrm5c26", ""])
def test_normalising_what_is_not_text_gives_nothing(value):
    assert normalise_ror(value) is None


@pytest.fixture
def talk(home_page):
    index = builders.conference_index(home_page)
    conference = builders.conference(index, 2024, slug="iassist2024")
    return builders.presentation(
        builders.session(conference), "Data rescue", slug="data-rescue", presenters=[("Josiah Carberry", "Brown")]
    )


@pytest.mark.django_db
def test_cleaning_a_presenter_stores_the_id_of_a_pasted_address(talk):
    entry = talk.presenters.get()
    entry.ror_id = "https://ror.org/05GQ02987"
    entry.full_clean()
    assert entry.ror_id == BROWN


@pytest.mark.django_db
def test_cleaning_a_presenter_refuses_a_wrong_id_with_one_message(talk):
    entry = talk.presenters.get()
    entry.ror_id = "https://ror.org/05gq02978"
    with pytest.raises(ValidationError) as raised:
        entry.full_clean()
    assert raised.value.message_dict["ror_id"] == [
        "This is not a ROR ID: its last two digits do not match the others. Check for a typo."
    ]


@pytest.mark.django_db
def test_a_long_paste_gets_the_ror_message_not_a_length_message(talk):
    entry = talk.presenters.get()
    entry.ror_id = "https://ror.org/05gq02987 (Brown University, Providence)"
    with pytest.raises(ValidationError) as raised:
        entry.full_clean()
    assert raised.value.message_dict["ror_id"] == ["Enter a ROR ID such as 03yrm5c26 or https://ror.org/03yrm5c26."]


def _edit_post(talk, ror_id, title="Data rescue, revised"):
    entry = talk.presenters.get()
    presenter = {"id": entry.pk, "person": entry.person_id, "institution": "Brown University", "ror_id": ror_id}
    return nested_form_data(
        {
            "session": talk.session_id, "title": title, "slug": talk.slug, "sort_order": talk.sort_order,
            "abstract": "Rescued tapes.", "video_id": "",
            "presenters": inline_formset([{**presenter, "country": "", "doi": ""}], initial=1),
            "dois": inline_formset([]), "materials": inline_formset([]),
            "action-publish": "1",
        }
    )  # fmt: skip


@pytest.mark.django_db
def test_the_presentation_form_stores_a_pasted_ror_address_as_the_id(admin_client, talk):
    url = reverse("wagtailsnippets_conferences_presentation:edit", args=[talk.pk])
    response = admin_client.post(url, _edit_post(talk, "https://ror.org/05gq02987"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Presenter.objects.get(presentation=talk).ror_id == BROWN


@pytest.mark.django_db
def test_the_presentation_form_refuses_a_bad_ror_id_and_keeps_what_was_typed(admin_client, talk):
    url = reverse("wagtailsnippets_conferences_presentation:edit", args=[talk.pk])
    response = admin_client.post(url, _edit_post(talk, "05gq02978"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "its last two digits do not match the others" in soup.get_text()
    assert soup.find("input", {"name": "title"})["value"] == "Data rescue, revised"
    assert soup.find("input", {"name": "presenters-0-institution"})["value"] == "Brown University"
    assert soup.find("input", {"name": "presenters-0-ror_id"})["value"] == "05gq02978"
    saved = Presentation.objects.get(pk=talk.pk)
    assert (saved.title, saved.presenters.get().ror_id) == ("Data rescue", "")


def _with_ror(talk, ror_id=BROWN, institution="Brown University"):
    Presenter.objects.filter(presentation=talk).update(ror_id=ror_id, institution=institution)


def _ror_link(html):
    return BeautifulSoup(html, "html.parser").select_one("a.presenter__ror")


@pytest.mark.django_db
def test_a_presentation_page_links_the_institution_to_its_ror_record(client, talk):
    _with_ror(talk)
    link = _ror_link(client.get("/conferences/iassist2024/presentations/data-rescue/").content)
    assert link["href"] == f"https://ror.org/{BROWN}"
    assert link.get_text() == "ROR record of Brown University"
    assert link.select_one(".visually-hidden").get_text() == " record of Brown University"


@pytest.mark.django_db
def test_a_presenter_without_a_ror_id_has_no_ror_link(client, talk):
    assert _ror_link(client.get("/conferences/iassist2024/presentations/data-rescue/").content) is None


@pytest.mark.django_db
def test_the_ror_links_name_escapes_the_institution(client, talk):
    _with_ror(talk, institution="<b>Brown</b>")
    html = client.get("/conferences/iassist2024/presentations/data-rescue/").content.decode()
    assert "record of &lt;b&gt;Brown&lt;/b&gt;" in html and "<b>Brown</b>" not in html


@pytest.mark.django_db
def test_a_ror_link_without_an_institution_says_whose_institution(client, talk):
    _with_ror(talk, institution="")
    link = _ror_link(client.get("/conferences/iassist2024/presentations/data-rescue/").content)
    assert link.get_text() == "ROR record of Josiah Carberry’s institution"


@pytest.mark.django_db
def test_the_conference_programme_links_the_ror_record_too(client, talk):
    _with_ror(talk)
    link = _ror_link(client.get("/conferences/iassist2024/").content)
    assert link["href"] == f"https://ror.org/{BROWN}"


@pytest.mark.django_db
def test_a_person_page_links_each_institution_with_a_ror_id(client, talk):
    _with_ror(talk)
    link = _ror_link(client.get("/conferences/people/josiah-carberry/").content)
    assert link["href"] == f"https://ror.org/{BROWN}"
    assert link.get_text() == "ROR record of Brown University"


@pytest.mark.django_db
def test_the_citation_meta_names_the_institution_and_adds_no_id_highwire_lacks(client, talk):
    _with_ror(talk)
    soup = BeautifulSoup(client.get("/conferences/iassist2024/presentations/data-rescue/").content, "html.parser")
    citation_meta = {(meta["name"], meta["content"]) for meta in soup.select('meta[name^="citation_author"]')}
    assert citation_meta == {
        ("citation_author", "Josiah Carberry"),
        ("citation_author_institution", "Brown University"),
    }


def _json_ld(client):
    soup = BeautifulSoup(client.get("/conferences/iassist2024/presentations/data-rescue/").content, "html.parser")
    return json.loads(soup.find("script", type="application/ld+json").string)


@pytest.mark.django_db
def test_the_json_ld_gives_the_institution_as_an_organization_with_its_ror_id(client, talk):
    _with_ror(talk)
    [author] = _json_ld(client)["author"]
    assert author["affiliation"] == {
        "@type": "Organization",
        "name": "Brown University",
        "identifier": {"@type": "PropertyValue", "propertyID": "ROR", "value": BROWN},
        "sameAs": f"https://ror.org/{BROWN}",
    }


@pytest.mark.django_db
def test_the_json_ld_gives_an_institution_without_a_ror_id_by_name(client, talk):
    [author] = _json_ld(client)["author"]
    assert author["affiliation"] == {"@type": "Organization", "name": "Brown"}


@pytest.mark.django_db
def test_the_json_ld_gives_an_authors_orcid_as_same_as_and_their_page(client, talk):
    Person.objects.filter(name="Josiah Carberry").update(orcid="0000-0002-1825-0097")
    [author] = _json_ld(client)["author"]
    assert author["sameAs"] == "https://orcid.org/0000-0002-1825-0097"
    assert author["url"] == "http://testserver/conferences/people/josiah-carberry/"


@pytest.mark.django_db
def test_the_json_ld_cannot_break_out_of_its_script(client, talk):
    _with_ror(talk, institution="</script><script>alert(1)</script>")
    html = client.get("/conferences/iassist2024/presentations/data-rescue/").content.decode()
    assert "<script>alert(1)" not in html
    assert _json_ld(client)["author"][0]["affiliation"]["name"] == "</script><script>alert(1)</script>"


@pytest.mark.django_db
def test_the_presentation_pages_queries_do_not_grow_with_presenters_and_ror_ids(
    client, talk, django_assert_max_num_queries
):
    url = "/conferences/iassist2024/presentations/data-rescue/"
    with django_assert_max_num_queries(60) as one_presenter:
        assert client.get(url).status_code == 200
    talk.presenters = [
        Presenter(person=builders.person(f"Person {number}"), institution="Brown", ror_id=BROWN)
        for number in range(20)
    ]
    talk.save()
    with django_assert_max_num_queries(len(one_presenter)):
        assert client.get(url).content.decode().count(f'href="https://ror.org/{BROWN}"') == 20


@pytest.mark.django_db
def test_an_import_that_changes_the_institution_drops_its_ror_id(talk):
    _with_ror(talk)
    entry = talk.presenters.get()
    [kept] = _presenter_entries(talk, [[entry.person_id, "Brown University", ""]])
    [moved] = _presenter_entries(talk, [[entry.person_id, "Yale University", ""]])
    assert (kept.ror_id, moved.ror_id) == (BROWN, "")
