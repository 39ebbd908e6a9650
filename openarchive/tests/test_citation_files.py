"""A conference's presentations as BibTeX, RIS and CSL-JSON: each parses as its readers expect."""

import json
import re

import pytest

from conferences.models import ConferencePage
from conferences.tests import builders
from openarchive.citation_formats import csl_name

pytestmark = pytest.mark.django_db

RIS_LINE = re.compile(r"[A-Z][A-Z0-9]  - .*")
CSL_TYPES = {"paper-conference", "speech", "article"}


def ris_records(text):
    """The records of a RIS file as lists of (tag, value); fails on a line that is not `XX  - value`."""
    records, current = [], None
    for line in text.split("\r\n"):
        if not line:
            continue
        assert RIS_LINE.fullmatch(line), line
        tag, value = line[:2], line[6:]
        if tag == "TY":
            assert current is None, "TY inside a record"
            current = [(tag, value)]
        elif tag == "ER":
            records.append(current)
            current = None
        else:
            assert current is not None, f"{tag} outside a record"
            current.append((tag, value))
    assert current is None, "a record without ER"
    return records


def assert_csl_item(item):
    assert isinstance(item["id"], str) and item["id"]
    assert item["type"] in CSL_TYPES
    assert item["title"]
    parts = item["issued"]["date-parts"][0]
    assert 1 <= len(parts) <= 3 and all(isinstance(part, int) for part in parts)
    for name in item["author"]:
        assert set(name) in ({"family", "given"}, {"literal"}), name


def test_ris_gives_one_record_per_presentation(client, small_archive):
    text = client.get("/data/conferences/iassist2024/presentations.ris").content.decode()
    records = ris_records(text)
    assert [dict(record)["TI"] for record in records] == ["Open data for all", "Metadata at scale"]
    assert [value for tag, value in records[0] if tag == "AU"] == ["Jane Smith", "Tomás Ó Briain"]


def test_ris_keeps_an_abstract_on_one_line(client, small_archive):
    records = ris_records(client.get("/data/conferences/iassist2024/presentations.ris").content.decode())
    assert dict(records[0])["AB"] == 'First paragraph. Second, with a comma, and "quotes".'


def test_csl_json_items_have_the_required_fields(client, small_archive):
    items = json.loads(client.get("/data/conferences/iassist2024/presentations.csl.json").content)
    for item in items:
        assert_csl_item(item)
    assert items[0]["DOI"] == "10.5281/zenodo.1234"
    assert items[0]["issued"] == {"date-parts": [[2024, 6, 7]]}


def test_bibtex_holds_each_presentation(client, small_archive):
    text = client.get("/data/conferences/iassist2024/presentations.bib").content.decode()
    assert text.count("@inproceedings{") == 2
    assert "booktitle = {IASSIST 2024: Data \\& trust}" in text


@pytest.fixture
def slides(small_archive, settings, tmp_path):
    """The first presentation's slides as a document of their own."""
    settings.MEDIA_ROOT = str(tmp_path)
    document = builders.document("open-data-slides.pdf")
    builders.material(small_archive["presentations"][0], kind="slides", document=document)
    return f"http://testserver{document.url}"


def test_ris_links_the_slides_own_file_as_l1(client, slides):
    records = ris_records(client.get("/data/conferences/iassist2024/presentations.ris").content.decode())
    assert [value for tag, value in records[0] if tag == "L1"] == [slides]
    assert "L1" not in dict(records[1])


def test_csl_json_notes_the_slides_own_address(client, slides):
    items = json.loads(client.get("/data/conferences/iassist2024/presentations.csl.json").content)
    assert [item.get("note") for item in items] == [f"Slides: {slides}", None]
    assert items[0]["DOI"] == "10.5281/zenodo.1234"


def test_a_one_word_name_is_written_whole():
    assert csl_name("Madonna") == {"literal": "Madonna"}


def test_a_name_written_with_a_comma_is_written_whole():
    assert csl_name("Smith, Jane") == {"literal": "Smith, Jane"}


def test_every_imported_conference_gives_well_formed_citations(imported_site, client):
    for slug in (
        ConferencePage.objects.live()
        .public()
        .filter(presentations__isnull=False)
        .values_list("slug", flat=True)
        .distinct()
    ):
        ris = client.get(f"/data/conferences/{slug}/presentations.ris").content.decode()
        csl = json.loads(client.get(f"/data/conferences/{slug}/presentations.csl.json").content)
        assert len(ris_records(ris)) == len(csl) > 0, slug
        for item in csl:
            assert_csl_item(item)
