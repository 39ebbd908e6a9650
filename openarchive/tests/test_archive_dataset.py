"""The whole imported archive as a data package: valid, complete, and readable back."""

import csv
import io
import json

import pytest
from frictionless import Package

from conferences.models import ConferencePage, Presentation, PresentationDOI, Presenter
from openarchive.package import TABLE_FILES
from openarchive.tables import TABLES, archive_rows, cell, public_conferences

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive_files(imported_site, client, tmp_path):
    names = ["datapackage.json", "archive.json", *TABLE_FILES]
    for name in names:
        response = client.get(f"/data/latest/{name}", follow=True)
        assert response.status_code == 200, name
        (tmp_path / name).write_bytes(response.content)
    return tmp_path


def test_data_package_validates(archive_files):
    report = Package(str(archive_files / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_row_counts_equal_the_database(archive_files):
    descriptor = json.loads((archive_files / "datapackage.json").read_text())
    counts = {resource["name"]: resource["rows"] for resource in descriptor["resources"]}
    public = Presentation.objects.public()
    assert counts["conferences"] == ConferencePage.objects.live().public().count()
    assert counts["presentations"] == public.count() > 2000
    assert counts["presenters"] == Presenter.objects.filter(presentation__in=public).count()
    assert counts["dois"] == PresentationDOI.objects.filter(presentation__in=public).count()
    assert counts["people"] == Presenter.objects.filter(presentation__in=public).values("person").distinct().count()


def test_csv_reads_back_as_the_same_rows(archive_files):
    rows = archive_rows(public_conferences())
    for table in TABLES:
        with open(archive_files / f"{table.name}.csv", newline="", encoding="utf-8") as file:
            read = list(csv.DictReader(file))
        expected = [{name: _text(cell(row[name])) for name in table.field_names} for row in rows[table.name]]
        assert read == expected, table.name


def test_json_holds_the_same_rows_as_csv(archive_files):
    data = json.loads((archive_files / "archive.json").read_text())
    with open(archive_files / "presentations.csv", newline="", encoding="utf-8") as file:
        titles = [row["title"] for row in csv.DictReader(io.StringIO(file.read()))]
    assert [row["title"] for row in data["tables"]["presentations"]] == titles


def _text(value):
    return "" if value is None else str(value)
