"""The old site's files and folder-wide redirects, answered where nothing else answers (conferences.old_addresses)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from conferences.models import FolderRedirect, OldFileAddress
from conferences.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


def png_bytes():
    out = io.BytesIO()
    PILImage.new("RGB", (4, 3), "teal").save(out, "PNG")
    return out.getvalue()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_old_image_address_answers_with_the_original_file(client, home_page):
    data = png_bytes()
    image = get_image_model().objects.create(title="Logo", file=ImageFile(io.BytesIO(data), name="logo.png"))
    OldFileAddress.objects.create(path="/img/conferences/logo.png", image=image)
    response = client.get("/img/conferences/logo.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert body(response) == data


def test_an_old_document_address_leads_to_the_document(client, home_page):
    document = get_document_model().objects.create(title="Manual", file=ContentFile(b"PK manual", name="manual.docx"))
    OldFileAddress.objects.create(path="/file/conferences/manual.docx", document=document)
    response = client.get("/file/conferences/manual.docx")
    assert response.status_code == 301
    assert response["Location"] == document.url
    assert body(client.get(document.url)) == b"PK manual"


def test_a_folder_rule_leads_every_address_below_it_to_its_page(client, index):
    conference = builders.conference(index, 2018, slug="2018-montreal")
    FolderRedirect.objects.create(folder="/conferences/archive/2018/", redirect_page=conference)
    for path in ("/conferences/archive/2018/", "/conferences/archive/2018", "/conferences/archive/2018/a/b.html"):
        response = client.get(path)
        assert (response.status_code, response["Location"]) == (301, "/conferences/2018-montreal/"), path


def test_the_deepest_folder_rule_wins(client, index):
    FolderRedirect.objects.create(folder="/conferences/iassist2025/", redirect_link="/conferences/")
    FolderRedirect.objects.create(folder="/conferences/iassist2025/full-program/", redirect_link="/conferences/x/")
    assert client.get("/conferences/iassist2025/full-program/s100.html")["Location"] == "/conferences/x/"


def test_a_page_wins_over_a_folder_rule(client, index):
    FolderRedirect.objects.create(folder="/conferences/", redirect_link="https://example.org/")
    assert client.get("/conferences/").status_code == 200


def test_splat_in_the_target_stands_for_the_rest_of_the_address(client, home_page):
    FolderRedirect.objects.create(folder="/old/", redirect_link="/new/:splat", is_permanent=False)
    response = client.get("/old/a/b/")
    assert (response.status_code, response["Location"]) == (302, "/new/a/b/")


def test_an_address_no_rule_names_stays_a_404(client, home_page):
    FolderRedirect.objects.create(folder="/conferences/archive/2018/", redirect_link="/conferences/")
    assert client.get("/conferences/archive/2019/x/").status_code == 404


def test_splat_never_leads_off_the_site_through_a_doubled_slash(client, home_page):
    FolderRedirect.objects.create(folder="/old/", redirect_link="/new/:splat")
    for path in ("/old//evil.example/x", "/old/\\evil.example"):
        answer = client.get(path)
        assert answer.status_code == 301 and answer["Location"].startswith("/new/"), path
        assert not answer["Location"].startswith("/new//")
