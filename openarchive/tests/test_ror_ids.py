"""Institutions' ROR IDs in the archive as data: a column of the presenters table, constrained by its schema."""

import csv
import io
import json

import pytest
from frictionless import Package, Resource, Schema

from conferences.models import Presenter
from conferences.tests import builders
from openarchive.package import TABLE_FILES

pytestmark = pytest.mark.django_db

ESSEX = "02nkxrq89"  # University of Essex


@pytest.fixture
def essex_archive(small_archive):
    Presenter.objects.filter(institution="University of Essex").update(ror_id=ESSEX)
    builders.person("Someone Else")  # a save: the archive's content changed
    return small_archive


def _download(client, name):
    response = client.get(f"/data/latest/{name}", follow=True)
    assert response.status_code == 200, name
    return response.content


def _ror_field(client):
    descriptor = json.loads(_download(client, "datapackage.json"))
    [presenters] = [resource for resource in descriptor["resources"] if resource["name"] == "presenters"]
    return next(field for field in presenters["schema"]["fields"] if field["name"] == "ror_id")


def test_presenters_table_gives_the_institutions_ror_id(client, essex_archive):
    rows = csv.DictReader(io.StringIO(_download(client, "presenters.csv").decode("utf-8")))
    assert sorted((row["institution"], row["ror_id"]) for row in rows) == [
        ("UCD", ""),
        ("University of Essex", ESSEX),
        ("University of Essex", ESSEX),
    ]


def test_the_data_package_with_ror_ids_validates(client, essex_archive, tmp_path):
    for name in ["datapackage.json", *TABLE_FILES]:
        (tmp_path / name).write_bytes(_download(client, name))
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_the_schema_describes_the_ror_id_as_a_string_with_a_pattern(client, essex_archive):
    field = _ror_field(client)
    assert field["type"] == "string" and "https://ror.org/" in field["description"]
    assert set(field["constraints"]) == {"pattern"}


@pytest.mark.parametrize("value", ["03yrm5c2", "https://ror.org/03yrm5c26", "03YRM5C26", "o3yrm5c26", "03yrm5cx6"])
def test_the_schemas_pattern_refuses_what_is_not_a_ror_id(client, essex_archive, value):
    schema = Schema.from_descriptor({"fields": [_ror_field(client)]})
    report = Resource(data=[["ror_id"], [ESSEX], ["03yrm5c26"], [value]], schema=schema).validate()
    assert [(error.row_number, error.type) for error in report.tasks[0].errors] == [(4, "constraint-error")]
