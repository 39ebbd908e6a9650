"""Broken or incomplete admin input, sent by an organiser, gets a form error and changes nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from conferences import roles
from conferences.models import Session
from conferences.tests import builders

pytestmark = pytest.mark.django_db

INVALID_IMAGE = "Upload a valid image"


@pytest.fixture
def section(home_page, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return builders.two_conference_section(home_page)


@pytest.fixture
def organiser(client, section):
    client.force_login(builders.member(roles.ensure_organisers(section["gothenburg"]).name, "organiser"))
    return client


def png_bytes():
    """A 256 x 256 PNG of 763 bytes: its size is in the first 33, the pixels run to the end."""
    data = io.BytesIO()
    PillowImage.linear_gradient("L").convert("RGB").save(data, "PNG")
    return data.getvalue()


def upload(client, data, name="logo.png"):
    form = {"title": "Logo", "collection": Collection.get_first_root_node().pk}
    form["file"] = SimpleUploadedFile(name, data, "image/png")
    return client.post(reverse("wagtailimages:add"), form)


@pytest.mark.parametrize("length", [60, 400])
def test_a_truncated_png_is_refused_on_the_upload_form(organiser, length):
    response = upload(organiser, png_bytes()[:length])
    assert response.status_code == 200 and INVALID_IMAGE in response.content.decode()
    assert not get_image_model().objects.exists()
    assert upload(organiser, png_bytes()).status_code == 302
    assert get_image_model().objects.get().width == 256


def test_a_truncated_png_is_refused_by_the_multiple_uploader(organiser):
    file = SimpleUploadedFile("logo.png", png_bytes()[:400], "image/png")
    response = organiser.post(reverse("wagtailimages:add_multiple"), {"files[]": file})
    assert response.status_code == 200
    assert response.json()["success"] is False and INVALID_IMAGE in response.json()["error_message"]
    assert not get_image_model().objects.exists()


def test_creating_a_session_from_the_chooser_is_refused_without_an_error(organiser, section):
    url = reverse("wagtailsnippetchoosers_conferences_session:create")
    response = organiser.post(url, {"conference": section["gothenburg"].pk, "title": "From the chooser"})
    assert response.status_code in (302, 403)
    assert not Session.objects.filter(title="From the chooser").exists()


def test_a_page_edit_missing_its_stream_inputs_gets_an_error_and_saves_nothing(organiser, section):
    page = section["gothenburg"]
    revisions = page.revisions.count()
    data = builders.conference_form_data(page, theme="Lost theme?")
    del data["body-count"]
    response = organiser.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    assert "did not arrive complete, so nothing was saved" in response.content.decode()
    assert page.revisions.count() == revisions
    complete = builders.conference_form_data(page, theme="Kept")
    assert organiser.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), complete).status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().theme == "Kept"


def test_a_page_edit_with_a_count_that_is_not_a_number_gets_the_same_error(organiser, section):
    page = section["gothenburg"]
    data = builders.conference_form_data(page)
    data["body-count"] = "many"
    response = organiser.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200 and "did not arrive complete" in response.content.decode()
