"""Every address of the real tree's OpenConf exports answers: a submission's page with its presentation.

The expected titles are read from the export files here, independently of the importer's parser.
"""

import re
from urllib.parse import urlsplit

import pytest

from conferences import paths
from conferences.tests.test_import_openconf import exports, text

pytestmark = pytest.mark.django_db

HEADING = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def words(title):
    return re.findall(r"\w+", text(title).casefold())


def same_talk(submitted, presented):
    """Titles differ by prefixes ("Workshop 3:") and subtitles: one's words run on in the other's."""
    shorter, longer = sorted((words(submitted), words(presented)), key=len)
    joined, wanted = " ".join(longer), " ".join(shorter)
    return bool(shorter) and wanted in joined


def old_address(tree, file):
    return "/" + file.relative_to(tree / "static").as_posix()


def submission_title(file):
    markup = file.read_text(encoding="utf-8", errors="replace")
    if "oc_program_summary_main" not in markup:
        return None
    heading = HEADING.search(markup.split("oc_program_summary_main", 1)[1])
    return text(heading.group(1)) if heading else None


@pytest.fixture(scope="module")
def export_files(hugo_tree):
    found = exports(hugo_tree)
    assert found, "the real tree has OpenConf exports"
    return {
        year: (folder, sorted(path for path in folder.rglob("*") if path.is_file())) for year, folder in found.items()
    }


def test_every_export_address_leads_to_a_page_that_answers(client, imported_site, export_files):
    for year, (folder, files) in export_files.items():
        for path in [old_address(imported_site, folder) + "/", *(old_address(imported_site, file) for file in files)]:
            response = client.get(path)
            assert response.status_code == 301, (year, path, response.status_code)
            target = client.get(response["Location"])
            assert target.status_code == 200, (path, response["Location"])


def test_the_export_and_its_schedule_page_lead_to_the_conferences_schedule(client, imported_site, export_files):
    for year, (_, files) in export_files.items():
        index = next(file for file in files if file.name == "index.html")
        location = client.get(old_address(imported_site, index))["Location"]
        assert urlsplit(location).path.endswith("/" + paths.SCHEDULE), (year, location)
        assert str(year) in location


def test_a_submissions_page_leads_to_its_presentation_checked_by_title(client, imported_site, export_files):
    for year, (_, files) in export_files.items():
        submissions = [(file, title) for file in files if file.suffix == ".html" and (title := submission_title(file))]
        assert submissions, year
        to_presentations = 0
        for file, title in submissions:
            location = client.get(old_address(imported_site, file))["Location"]
            if f"/{paths.PRESENTATIONS}" not in location:
                continue
            to_presentations += 1
            page = client.get(location).content.decode()
            presented = text(HEADING.search(page).group(1))
            assert same_talk(title, presented), (file.name, title, presented)
        # The few the import could not match lead to their session or the schedule (see test_import_openconf).
        assert to_presentations >= len(submissions) - 5, (year, to_presentations, len(submissions))


def test_a_stylesheet_of_the_export_leads_to_the_schedule(client, imported_site, export_files):
    for year, (_, files) in export_files.items():
        sheet = next(file for file in files if file.suffix == ".css")
        location = client.get(old_address(imported_site, sheet))["Location"]
        assert urlsplit(location).path.endswith("/" + paths.SCHEDULE), (year, location)
