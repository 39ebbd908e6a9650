"""The import answers the old site's addresses that are not pages: files, folders, feeds of sections that moved."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

from conferences.models import ConferencePage, FolderRedirect, OldFileAddress

from ..trees import write_file
from .test_media import png

pytestmark = pytest.mark.django_db

INDEX = '+++\ntitle = "Conferences"\n+++\n<a class="btn" href="./iassist2030/">IASSIST 2030</a>\n'
EVENT = '+++\ntitle = "IASSIST 2030 - Main Page"\n+++\nSomewhere, May 5-8, 2030\n'
EXPORT = "<html><head><title>IASSIST2030 Program – powered by OpenConf</title></head></html>"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def tree(root, files):
    for relative, text in {"content/conferences/_index.md": INDEX, **files}.items():
        write_file(root / "hugo", relative, text)
    return root / "hugo"


def run(root):
    output = StringIO()
    call_command("import_hugo", str(root), verbosity=1, stdout=output)
    return output.getvalue()


def test_every_file_of_the_sections_static_folder_is_imported_whether_a_page_shows_it_or_not(home_page, tmp_path):
    source = tree(
        tmp_path,
        {
            "static/conferences/iassist2030/speakers/old-photo.png": png((8, 8)),
            "static/conferences/iassist2030/sponsorship-package.docx": b"PK package",
        },
    )
    run(source)
    addresses = {address.path: (address.image_id, address.document_id) for address in OldFileAddress.objects.all()}
    assert addresses["/conferences/iassist2030/speakers/old-photo.png"][0] is not None
    assert addresses["/conferences/iassist2030/sponsorship-package.docx"][1] is not None


def test_a_static_file_of_a_type_the_site_cannot_hold_is_reported(home_page, tmp_path):
    source = tree(tmp_path, {"static/conferences/iassist2030/archive.zip": b"PK zip"})
    output = run(source)
    assert "static/conferences/iassist2030/archive.zip: neither an image nor a document type" in output
    assert not OldFileAddress.objects.exists()


def test_every_address_of_an_openconf_export_leads_to_its_conference(home_page, tmp_path):
    source = tree(
        tmp_path,
        {
            "content/conferences/iassist2030/_index.md": EVENT,
            "static/conferences/iassist2030/full-program/index.html": EXPORT,
            "static/conferences/iassist2030/full-program/s1.html": EXPORT,
        },
    )
    run(source)
    rule = FolderRedirect.objects.get()
    assert rule.folder == "/conferences/iassist2030/full-program/"
    assert rule.redirect_page_id == ConferencePage.objects.get().pk
    assert not OldFileAddress.objects.exists()


def test_a_netlify_splat_becomes_a_folder_redirect_to_the_page_it_names(home_page, tmp_path):
    netlify = """[[redirects]]
from = "https://iassistdata.org/conferences/iassist2030/old/*"
to = "/conferences/iassist2030/"
"""
    source = tree(tmp_path, {"content/conferences/iassist2030/_index.md": EVENT, "netlify.toml": netlify})
    output = run(source)
    rule = FolderRedirect.objects.get()
    assert (rule.folder, rule.redirect_page_id) == ("/conferences/iassist2030/old/", ConferencePage.objects.get().pk)
    assert "redirects=1" in output


def test_the_feed_of_a_section_that_moved_leads_to_the_feed_that_now_lists_it(home_page, tmp_path):
    source = tree(
        tmp_path,
        {
            "content/conferences/iassist2030/_index.md": EVENT,
            "content/conferences/iassist-usa-2030/_index.md": '+++\ntitle = "IASSIST 2030"\n+++\nThis way.\n',
        },
    )
    run(source)
    redirect = Redirect.objects.get(old_path="/conferences/iassist-usa-2030/index.xml")
    assert redirect.link == "/conferences/iassist2030/index.xml"


def test_a_figure_that_leads_to_a_pdf_leads_to_the_imported_document(home_page, tmp_path):
    figure = '{{< figure src="/img/flyer.png" link="/file/flyer.pdf" alt="Flyer" >}}'
    source = tree(
        tmp_path,
        {
            "content/conferences/iassist2030/_index.md": EVENT + "\n" + figure + "\n",
            "static/img/flyer.png": png((8, 8)),
            "static/file/flyer.pdf": b"%PDF-1.4 flyer",
        },
    )
    run(source)
    [block] = [block for block in ConferencePage.objects.get().body if block.block_type == "image"]
    assert block.value["document"].filename == "flyer.pdf"
