"""OAI-PMH on a small archive: each verb's answer, the spec's errors, tokens, dates and sets."""

import datetime

import pytest
from django.core import signing
from wagtail.models import PageViewRestriction

from conferences.models import Person, Presentation
from conferences.tests import builders
from openarchive.oai import tokens

from .oai_checks import DC, OAI, check_header, check_record, errors, parse, verb_element

pytestmark = pytest.mark.django_db

IDENTIFIER = "oai:conferences.iassistdata.org:iassist2024/open-data-for-all"


@pytest.fixture
def archive(small_archive):
    first, second = small_archive["presentations"]
    Presentation.objects.filter(pk=first.pk).update(slug="open-data-for-all")
    Presentation.objects.filter(pk=first.pk).update(
        last_published_at=datetime.datetime(2024, 3, 1, 12, 0, tzinfo=datetime.UTC)
    )
    Presentation.objects.filter(pk=second.pk).update(
        last_published_at=datetime.datetime(2024, 5, 1, 8, 30, tzinfo=datetime.UTC)
    )
    return small_archive


def oai(client, **arguments):
    return client.get("/oai/", arguments)


def test_identify_names_the_repository(client, archive):
    identify = verb_element(oai(client, verb="Identify"), "Identify")
    names = "repositoryName baseURL protocolVersion adminEmail earliestDatestamp deletedRecord granularity"
    assert [child.tag[len(OAI) :] for child in identify] == names.split()
    assert identify.find(f"{OAI}earliestDatestamp").text == "2024-03-01T12:00:00Z"
    assert identify.find(f"{OAI}deletedRecord").text == "no"


def test_oai_answers_post_as_get(client, archive):
    verb_element(client.post("/oai/", {"verb": "Identify"}), "Identify")


def test_list_metadata_formats_gives_oai_dc(client, archive):
    formats = verb_element(oai(client, verb="ListMetadataFormats"), "ListMetadataFormats")
    assert [node.findtext(f"{OAI}metadataPrefix") for node in formats] == ["oai_dc"]


def test_list_sets_gives_one_set_per_conference(client, archive):
    builders.conference(archive["index"], 2025, slug="iassist2025")  # no programme: no set
    sets = verb_element(oai(client, verb="ListSets"), "ListSets")
    assert [(node.findtext(f"{OAI}setSpec"), node.findtext(f"{OAI}setName")) for node in sets] == [
        ("iassist2024", "IASSIST 2024")
    ]


def test_get_record_gives_dublin_core(client, archive):
    record = verb_element(oai(client, verb="GetRecord", identifier=IDENTIFIER, metadataPrefix="oai_dc"), "GetRecord")[
        0
    ]
    assert check_record(record) == IDENTIFIER
    dc = record.find(f"{OAI}metadata")[0]
    assert [node.text for node in dc.findall(f"{DC}creator")] == ["Jane Smith", "Tomás Ó Briain"]
    identifiers = [node.text for node in dc.findall(f"{DC}identifier")]
    assert "https://doi.org/10.5281/zenodo.1234" in identifiers
    assert "http://testserver/conferences/iassist2024/presentations/open-data-for-all/" in identifiers
    assert dc.findtext(f"{DC}date") == "2024-06-07"
    assert dc.findtext(f"{DC}source") == "IASSIST 2024: Data & trust"
    assert dc.findtext(f"{DC}description").startswith("First paragraph.")


def test_list_records_gives_every_public_presentation(client, archive):
    records = verb_element(oai(client, verb="ListRecords", metadataPrefix="oai_dc"), "ListRecords")
    assert len([check_record(record) for record in records]) == 2


def test_a_restricted_conference_has_no_records(client, archive):
    other = builders.conference(archive["index"], 2025, slug="iassist2025")
    builders.presentation(builders.session(other), "Open talk")
    PageViewRestriction.objects.create(page=archive["conference"], restriction_type=PageViewRestriction.LOGIN)
    records = verb_element(oai(client, verb="ListRecords", metadataPrefix="oai_dc"), "ListRecords")
    assert [record.find(f"{OAI}metadata")[0].findtext(f"{DC}title") for record in records] == ["Open talk"]
    assert errors(oai(client, verb="GetRecord", identifier=IDENTIFIER, metadataPrefix="oai_dc")) == ["idDoesNotExist"]


def test_list_identifiers_pages_through_resumption_tokens(client, archive, settings):
    settings.OAI_PAGE_SIZE = 1
    first = verb_element(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc"), "ListIdentifiers")
    token = first.find(f"{OAI}resumptionToken")
    assert (token.get("completeListSize"), token.get("cursor")) == ("2", "0")
    last = verb_element(oai(client, verb="ListIdentifiers", resumptionToken=token.text), "ListIdentifiers")
    closing = last.find(f"{OAI}resumptionToken")
    assert closing.text is None and closing.get("cursor") == "1"
    assert check_header(first[0]) != check_header(last[0])


def test_an_expired_token_is_a_bad_resumption_token(client, archive, settings, monkeypatch):
    settings.OAI_PAGE_SIZE = 1
    first = verb_element(oai(client, verb="ListRecords", metadataPrefix="oai_dc"), "ListRecords")
    token = first.find(f"{OAI}resumptionToken").text
    monkeypatch.setattr(tokens, "LIFETIME", datetime.timedelta(seconds=-1))
    assert errors(oai(client, verb="ListRecords", resumptionToken=token)) == ["badResumptionToken"]


def test_a_signed_token_of_another_shape_is_a_bad_resumption_token(client, archive):
    token = signing.dumps({"after": "1; DROP TABLE"}, salt=tokens.SALT, compress=True)
    assert errors(oai(client, verb="ListRecords", resumptionToken=token)) == ["badResumptionToken"]


@pytest.mark.parametrize(
    ("window", "titles"),
    [
        ({"from": "2024-04-01"}, ["Metadata at scale"]),
        ({"until": "2024-03-01"}, ["Open data for all"]),
        ({"until": "2024-03-01T12:00:00Z"}, ["Open data for all"]),
        ({"until": "2024-03-01T11:59:59Z"}, []),
        ({"from": "2024-05-01T08:30:00Z", "until": "2024-05-01T08:30:00Z"}, ["Metadata at scale"]),
    ],
)
def test_from_and_until_select_by_datestamp(client, archive, window, titles):
    response = oai(client, verb="ListRecords", metadataPrefix="oai_dc", **window)
    if not titles:
        assert errors(response) == ["noRecordsMatch"]
        return
    records = verb_element(response, "ListRecords")
    assert [record.find(f"{OAI}metadata")[0].findtext(f"{DC}title") for record in records] == titles


def test_a_set_selects_its_conference(client, archive):
    other = builders.conference(archive["index"], 2025, slug="iassist2025")
    builders.presentation(builders.session(other), "Elsewhere")
    records = verb_element(oai(client, verb="ListRecords", metadataPrefix="oai_dc", set="iassist2025"), "ListRecords")
    assert [record.find(f"{OAI}metadata")[0].findtext(f"{DC}title") for record in records] == ["Elsewhere"]


def test_control_characters_in_an_abstract_are_left_out(client, archive):
    Presentation.objects.filter(slug="open-data-for-all").update(abstract="Bell\x07 and escape\x1b.")
    record = verb_element(oai(client, verb="GetRecord", identifier=IDENTIFIER, metadataPrefix="oai_dc"), "GetRecord")[
        0
    ]
    assert record.find(f"{OAI}metadata")[0].findtext(f"{DC}description") == "Bell and escape."


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Shout"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ""}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-13-45"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01", "until": "2024-02-01T00:00:00Z"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-01-01", "until": "2024-01-01"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "x" * 5000}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListRecords", "resumptionToken": ""}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "anything"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "no-such-set"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2030-01-01"}, "noRecordsMatch"),
        ({"verb": "GetRecord", "identifier": IDENTIFIER}, "badArgument"),
        ({"verb": "GetRecord", "identifier": IDENTIFIER, "metadataPrefix": "mods"}, "cannotDisseminateFormat"),
        ({"verb": "GetRecord", "identifier": "oai:elsewhere.org:a/b", "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
        ({"verb": "GetRecord", "identifier": "<script>\x00", "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
        ({"verb": "ListMetadataFormats", "identifier": "oai:x:y"}, "idDoesNotExist"),
    ],
)
def test_bad_requests_get_the_spec_error_codes(client, archive, arguments, code):
    assert errors(client.get("/oai/", arguments)) == [code]


def test_a_refused_request_echoes_no_arguments(client, archive):
    root = parse(oai(client, verb="Shout", identifier="<b>"))
    assert root[1].attrib == {}


def test_an_accepted_request_echoes_its_arguments(client, archive):
    root = parse(oai(client, verb="ListRecords", metadataPrefix="oai_dc", set="iassist2024"))
    assert root[1].attrib == {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "iassist2024"}


def test_list_records_queries_do_not_grow_with_records(client, archive, django_assert_max_num_queries):
    session = archive["conference"].sessions.get()
    for number in range(40):
        builders.presentation(
            session, f"Talk {number}", presenters=[(f"Person {number}", "")], dois=[f"10.1/{number}"]
        )
    with django_assert_max_num_queries(10):
        records = verb_element(oai(client, verb="ListRecords", metadataPrefix="oai_dc"), "ListRecords")
    assert len(records) == 42


def test_a_record_relates_its_presenters_orcid(client, archive):
    Person.objects.filter(name="Jane Smith").update(orcid="0000-0002-1825-0097")
    record = verb_element(oai(client, verb="GetRecord", identifier=IDENTIFIER, metadataPrefix="oai_dc"), "GetRecord")[
        0
    ]
    relations = [node.text for node in record.find(f"{OAI}metadata")[0].findall(f"{DC}relation")]
    assert relations == ["https://orcid.org/0000-0002-1825-0097"]
