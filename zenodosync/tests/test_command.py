"""manage.py sync_zenodo: reads, matches, queues and sums up; offline, one clear line and nothing written."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from conferences.models import ConferencePage
from zenodosync.models import ProposalKind, ZenodoProposal

from .conftest import PAGES, UNREACHABLE_API, built_once, server_url
from .content import gothenburg_2022

pytestmark = pytest.mark.django_db

RECORDED = [arg for page in PAGES for arg in ("--from-file", str(page))]


def run(*args):
    output = StringIO()
    call_command("sync_zenodo", *args, stdout=output)
    return output.getvalue()


def summary_counts(output):
    line = next(line for line in output.splitlines() if line.startswith("iassist-2022 "))
    return {name: int(count) for name, count in re.findall(r"([a-z-]+)=(\d+)", line)}


built_site, gothenburg = built_once(gothenburg_2022, "gothenburg")


def test_offline_the_command_fails_with_one_line_and_writes_nothing(settings, gothenburg):
    settings.ZENODO_API_URL = UNREACHABLE_API
    with pytest.raises(CommandError) as failure:
        run("--community", "iassist-2022")
    message = str(failure.value)
    assert "cannot be reached" in message and "Nothing was written" in message
    assert "\n" not in message
    assert not ZenodoProposal.objects.exists()


def test_through_the_api_the_summary_counts_what_was_queued(settings, gothenburg, zenodo_server):
    settings.ZENODO_API_URL = server_url(zenodo_server)
    counts = summary_counts(run("--conference", "2022"))
    for kind in ProposalKind.values:
        assert counts[kind] == ZenodoProposal.objects.filter(kind=kind).count()
    assert counts["records"] == counts["matched"] + counts["near-misses"] + counts["unmatched"]


def test_recorded_files_give_the_same_proposals_as_the_api(settings, gothenburg, zenodo_server):
    run("--community", "iassist-2022", *RECORDED)
    from_files = set(ZenodoProposal.objects.values_list("kind", "presentation", "proposed_value"))
    ZenodoProposal.objects.all().delete()
    settings.ZENODO_API_URL = server_url(zenodo_server)
    run("--community", "iassist-2022")
    assert set(ZenodoProposal.objects.values_list("kind", "presentation", "proposed_value")) == from_files


def test_a_community_no_conference_links_is_refused_with_those_that_are(gothenburg):
    with pytest.raises(CommandError, match="Communities linked: iassist-2022"):
        run("--community", "iassist-2099", *RECORDED)


def test_a_conference_without_a_community_is_refused(gothenburg):
    with pytest.raises(CommandError, match="No conference '2019' links a Zenodo community"):
        run("--conference", "2019", *RECORDED)


def test_one_of_community_conference_or_all_is_required():
    with pytest.raises(CommandError, match="one of the arguments"):
        run(*RECORDED)


def test_a_missing_recording_is_refused(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run("--all", "--from-file", str(tmp_path / "absent.json"))


@pytest.mark.parametrize("content", ["{not json", '{"hits": "none"}', "", "\ufffe\x00"])
def test_a_recording_that_is_not_a_zenodo_response_is_refused_and_writes_nothing(tmp_path, content):
    recording = tmp_path / "recorded.json"
    recording.write_text(content)
    with pytest.raises(CommandError):
        run("--all", "--from-file", str(recording))
    assert not ZenodoProposal.objects.exists()


def test_the_recorded_fixtures_propose_on_the_imported_2022_programme(imported_site):
    """The closing note's numbers: what the recorded responses propose on the real IASSIST 2022 programme."""
    assert ConferencePage.objects.filter(zenodo_community__endswith="/iassist-2022").exists()
    counts = summary_counts(run("--community", "iassist-2022", *RECORDED))
    proposals = ZenodoProposal.objects.all()
    assert {proposal.conference.year for proposal in proposals} == {2022}
    assert counts["doi"] == proposals.filter(kind=ProposalKind.DOI).count() > 0
    assert counts["orcid"] == proposals.filter(kind=ProposalKind.ORCID).count() > 0
    assert counts["near-misses"] > 0
    assert all(not proposal.presentation.dois.exists() for proposal in proposals.filter(kind=ProposalKind.DOI))
