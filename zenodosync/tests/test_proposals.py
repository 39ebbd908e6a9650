"""Matched records become proposals in the review queue, once each, and change nothing by themselves."""

import pytest

from conferences.models import Person, PresentationDOI
from conferences.tests import builders
from zenodosync.client import CommunityRecords
from zenodosync.models import ProposalKind, ProposalStatus, ZenodoProposal
from zenodosync.proposals import better_title, sync_conference
from zenodosync.records import Creator, ZenodoRecord

from .conftest import built_once
from .content import gothenburg_2022, recorded_community

pytestmark = pytest.mark.django_db


built_site, gothenburg = built_once(gothenburg_2022, "gothenburg")


def sync(gothenburg, fetched=None):
    return sync_conference(gothenburg["conference"], fetched or recorded_community())


def one_record(title, *creators, record_id="9911001"):
    record = ZenodoRecord(
        record_id,
        f"10.5281/zenodo.{record_id}",
        title,
        tuple(creators),
        2022,
        f"https://zenodo.org/records/{record_id}",
    )
    return CommunityRecords("iassist-2022", [record])


def test_each_matched_presentation_without_a_doi_gets_its_records_doi(gothenburg, recorded_records):
    sync(gothenburg)
    talks = gothenburg["talks"]
    proposed = {(p.presentation_id, p.proposed_value) for p in ZenodoProposal.objects.filter(kind=ProposalKind.DOI)}
    expected = {
        (talks[key].pk, recorded_records[record_id].doi)
        for key, record_id in (
            ("community", "9900101"),
            ("curation", "9900102"),
            ("bias", "9900103"),
            ("zaria", "9900104"),
        )
    }
    assert proposed == expected


def test_a_presentation_that_has_a_doi_gets_no_doi_proposal(gothenburg):
    sync(gothenburg)
    assert not ZenodoProposal.objects.filter(presentation=gothenburg["talks"]["skills"]).exists()


def test_near_misses_propose_nothing(gothenburg):
    sync(gothenburg)
    talks = gothenburg["talks"]
    assert not ZenodoProposal.objects.filter(presentation__in=[talks["masses"], talks["course"]]).exists()


def test_a_creators_orcid_is_proposed_for_the_presenter_without_one(gothenburg, recorded_records):
    sync(gothenburg)
    proposal = ZenodoProposal.objects.get(kind=ProposalKind.ORCID)
    assert proposal.person == Person.objects.get(name="Emily Mann")
    assert proposal.proposed_value == recorded_records["9900101"].creators[1].orcid


def test_an_orcid_with_a_wrong_check_character_is_not_proposed(gothenburg):
    result = sync(gothenburg)
    assert not ZenodoProposal.objects.filter(person__name="Sarah King-Hele").exists()
    assert result.notes["ORCID iD not valid"] == 1


def test_an_orcid_another_person_has_is_not_proposed(gothenburg, recorded_records):
    Person.objects.create(name="E. Mann", orcid=recorded_records["9900101"].creators[1].orcid)
    sync(gothenburg)
    assert not ZenodoProposal.objects.filter(kind=ProposalKind.ORCID).exists()


def test_nothing_changes_in_the_programme_before_approval(gothenburg):
    sync(gothenburg)
    assert not PresentationDOI.objects.filter(doi__startswith="10.5281/zenodo.99001").exists()
    assert Person.objects.get(name="Emily Mann").orcid == ""
    assert ZenodoProposal.objects.exclude(status=ProposalStatus.PENDING).count() == 0


def test_a_second_run_proposes_nothing_again(gothenburg):
    first = sync(gothenburg)
    second = sync(gothenburg)
    assert sum(second.new.values()) == 0
    assert second.known == sum(first.new.values()) == ZenodoProposal.objects.count()


def test_a_rejected_proposal_is_not_made_again(gothenburg):
    sync(gothenburg)
    ZenodoProposal.objects.update(status=ProposalStatus.REJECTED)
    sync(gothenburg)
    assert not ZenodoProposal.objects.filter(status=ProposalStatus.PENDING).exists()


def test_a_doi_on_another_presentation_is_not_proposed(gothenburg, recorded_records):
    builders.presentation(gothenburg["session"], "Another talk", dois=[recorded_records["9900102"].doi])
    result = sync(gothenburg)
    assert not ZenodoProposal.objects.filter(proposed_value=recorded_records["9900102"].doi).exists()
    assert result.notes["DOI already on another presentation"] == 1


def test_a_title_in_capitals_is_proposed_in_zenodos_letters(gothenburg):
    shouting = builders.presentation(
        gothenburg["session"], "OPEN DATA IN THE NORDIC COUNTRIES", presenters=[("Ann Green", "")]
    )
    sync(gothenburg, one_record("Open Data in the Nordic Countries", Creator("Green, Ann")))
    proposal = ZenodoProposal.objects.get(kind=ProposalKind.TITLE)
    assert (proposal.presentation, proposal.current_value) == (shouting, shouting.title)
    assert proposal.proposed_value == "Open Data in the Nordic Countries"


def test_better_title_fills_a_title_cut_short():
    full = "Building a Local Community of Practice in Three Libraries"
    assert better_title("Building a Local Community of Practice in", full) == full
    assert better_title("Building a Local Community of Practice...", full) == full


def test_better_title_keeps_the_programmes_virtual_marker():
    assert better_title("(Virtual) - DATA IN AFRICA", "Data in Africa") == "(Virtual) - Data in Africa"


@pytest.mark.parametrize(
    "current, zenodo",
    [
        ("Building a Local Community of Practice", "building a local community  of practice"),
        ("(Virtual) - Mapping by Design", "Mapping by Design"),
        ("Measuring the time spent on data curation", "Measuring time spent on curation"),
        ("DDI AND SDMX", "DDI AND SDMX"),
    ],
)
def test_better_title_leaves_a_title_that_differs_only_in_case_spacing_or_wording(current, zenodo):
    assert better_title(current, zenodo) is None
