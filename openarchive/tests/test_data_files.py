"""The archive as data on a small archive: what goes in, versions, addresses and the download page."""

import csv
import io
import json

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from conferences.models import Person, Presentation
from conferences.tests import builders
from openarchive.models import ArchiveRelease

pytestmark = pytest.mark.django_db


def _download(client, name, version="latest"):
    response = client.get(f"/data/{version}/{name}", follow=True)
    assert response.status_code == 200
    return response.content


def _csv_rows(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def test_presentations_table_holds_every_public_presentation(client, small_archive):
    rows = _csv_rows(_download(client, "presentations.csv"))
    assert [row["title"] for row in rows] == ["Open data for all", "Metadata at scale"]


def test_a_restricted_conference_is_not_exported(client, small_archive):
    other = builders.conference(small_archive["index"], 2025, title="IASSIST 2025", slug="iassist2025")
    builders.presentation(builders.session(other), "Open talk", presenters=[("Ann Other", "")])
    PageViewRestriction.objects.create(page=small_archive["conference"], restriction_type=PageViewRestriction.LOGIN)
    assert [row["title"] for row in _csv_rows(_download(client, "conferences.csv"))] == ["IASSIST 2025"]
    assert [row["title"] for row in _csv_rows(_download(client, "presentations.csv"))] == ["Open talk"]
    assert [row["name"] for row in _csv_rows(_download(client, "people.csv"))] == ["Ann Other"]


def test_a_draft_presentation_is_not_exported(client, small_archive):
    Presentation.objects.filter(pk=small_archive["presentations"][1].pk).update(live=False)
    builders.person("Someone Else")  # a save: the archive's content changed
    rows = _csv_rows(_download(client, "presentations.csv"))
    assert [row["title"] for row in rows] == ["Open data for all"]


def test_latest_leads_to_the_current_version(client, small_archive):
    response = client.get("/data/latest/archive.json")
    version = ArchiveRelease.objects.get().version
    assert response.status_code == 302
    assert response["Location"] == f"/data/{version}/archive.json"


def test_unchanged_content_keeps_its_version(client, small_archive):
    _download(client, "archive.json")
    builders.person("Nobody Presenting")  # saved, but in no public programme: the tables stay the same
    _download(client, "archive.json")
    assert ArchiveRelease.objects.count() == 1


def test_an_earlier_version_keeps_serving_its_own_files(client, small_archive):
    first = _csv_rows(_download(client, "presentations.csv"))
    old_version = ArchiveRelease.objects.get().version
    builders.presentation(small_archive["conference"].sessions.get(), "A third talk")
    assert len(_csv_rows(_download(client, "presentations.csv"))) == 3
    assert _csv_rows(_download(client, "presentations.csv", version=old_version)) == first


def test_a_version_is_kept_by_caches(client, small_archive):
    response = client.get("/data/latest/datapackage.json", follow=True)
    assert "immutable" in response["Cache-Control"]


@pytest.mark.parametrize(
    "address",
    [
        "/data/latest/secrets.csv",
        "/data/latest/",
        "/data/000000000000/archive.json",
        "/data/ZZZ/archive.json",
        "/data/latest/" + "a" * 5000 + ".csv",
        "/data/latest/..%2F..%2Fsettings.py",
        "/data/conferences/iassist2024/../../etc/passwd",
        "/data/conferences/no-such-conference/archive.json",
        "/data/conferences/iassist2024/secrets.bib",
        "/data/conferences/" + "x" * 5000 + "/archive.json",
    ],
)
def test_a_bad_address_is_not_found(client, small_archive, address):
    assert client.get(address).status_code == 404


def test_a_restricted_conference_has_no_files(client, small_archive):
    builders.conference(small_archive["index"], 2025, slug="iassist2025")
    PageViewRestriction.objects.create(page=small_archive["conference"], restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/data/conferences/iassist2024/archive.json").status_code == 404
    assert client.get("/data/conferences/iassist2025/archive.json").status_code == 200


def test_conference_json_holds_its_tables(client, small_archive):
    data = json.loads(client.get("/data/conferences/iassist2024/archive.json").content)
    assert [row["name"] for row in data["tables"]["people"]] == ["Jane Smith", "Tomás Ó Briain"]
    assert data["tables"]["dois"][0]["doi"] == "10.5281/zenodo.1234"


def test_data_page_gives_sizes_and_row_counts(client, small_archive):
    page = client.get(reverse("openarchive:data")).content.decode()
    release = ArchiveRelease.objects.get()
    assert f"Version {release.version}" in page
    assert "<td>presentations</td><td>Presentations</td><td>2</td>" in page
    assert "<td>presenters</td><td>Who presented what, with the institution they had then</td><td>3</td>" in page


def test_data_page_escapes_conference_titles(client, small_archive):
    builders.conference(small_archive["index"], 2025, title="<script>alert(1)</script>", slug="iassist2025")
    page = client.get(reverse("openarchive:data")).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_data_page_queries_do_not_grow_with_conferences(client, small_archive, django_assert_max_num_queries):
    for year in range(2000, 2020):
        conference = builders.conference(small_archive["index"], year, slug=f"iassist{year}")
        builders.presentation(builders.session(conference), presenters=[("A Person", "")])
    client.get(reverse("openarchive:data"))  # built once, after which a visit reads what was built
    with django_assert_max_num_queries(12):
        assert client.get(reverse("openarchive:data")).status_code == 200


def test_archive_page_links_to_the_data(client, small_archive):
    small_archive["archive"].save_revision().publish()
    page = client.get(small_archive["archive"].url).content.decode()
    assert 'href="/data/"' in page


def test_people_table_gives_their_orcid(client, small_archive):
    Person.objects.filter(name="Jane Smith").update(orcid="0000-0002-1825-0097")
    builders.person("Someone Else")  # a save: the archive's content changed
    rows = {row["name"]: row["orcid"] for row in _csv_rows(_download(client, "people.csv"))}
    assert rows == {"Jane Smith": "0000-0002-1825-0097", "Tomás Ó Briain": ""}
