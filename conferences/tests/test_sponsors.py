"""Sponsors: the shared snippet, its checks, and its admin."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from conferences.models import Sponsor
from conferences.tests import people_builders

pytestmark = pytest.mark.django_db


def checked(**fields):
    sponsor = Sponsor(**{"name": "UK Data Service", **fields})
    sponsor.full_clean()
    return sponsor


def errors_of(**fields):
    with pytest.raises(ValidationError) as error:
        checked(**fields)
    return error.value.message_dict


def test_a_logo_without_alt_text_is_refused_on_the_alt_text():
    logo = wagtail_factories.ImageFactory(title="ukds.png")
    assert errors_of(logo=logo) == {"logo_alt_text": ["Describe the logo for people who cannot see it."]}


def test_a_logo_without_alt_text_takes_the_description_the_image_library_has_for_it():
    logo = wagtail_factories.ImageFactory(title="ukds.png", description="UK Data Service")
    assert checked(logo=logo).logo_alt_text == "UK Data Service"


def test_alt_text_of_only_spaces_is_no_alt_text():
    logo = wagtail_factories.ImageFactory(title="ukds.png", description="   ")
    assert "logo_alt_text" in errors_of(logo=logo, logo_alt_text="   ")


def test_a_sponsor_without_a_logo_needs_no_alt_text():
    assert checked(url="https://ukdataservice.ac.uk/").logo_alt_text == ""


@pytest.mark.parametrize("address", ["javascript:alert(1)", "ftp://example.org/logo", "example.org", "//example.org/"])
def test_a_link_that_is_not_a_web_address_is_refused(address):
    assert errors_of(url=address) == {"url": ["Enter a web address that starts with https:// or http://."]}


def test_a_name_of_only_spaces_is_refused():
    assert "name" in errors_of(name="   ")


def test_a_huge_description_is_refused():
    assert "description" in errors_of(description="x" * 5000)


def test_a_name_is_kept_with_its_spaces_tidied():
    assert checked(name="  UK   Data\nService ").name == "UK Data Service"


# -- the admin ----------------------------------------------------------------


def form_data(**fields):
    return {"name": "ICPSR", "logo": "", "logo_alt_text": "", "url": "", "description": "", **fields}


def test_the_admin_creates_a_sponsor_with_its_logo(admin_client):
    logo = wagtail_factories.ImageFactory(title="icpsr.png")
    data = form_data(logo=logo.pk, logo_alt_text="ICPSR", url="https://www.icpsr.umich.edu/")
    response = admin_client.post(reverse("wagtailsnippets_conferences_sponsor:add"), data)
    assert response.status_code == 302
    sponsor = Sponsor.objects.get()
    assert (sponsor.name, sponsor.logo, sponsor.logo_alt_text) == ("ICPSR", logo, "ICPSR")


def test_the_admin_refuses_a_logo_without_alt_text_and_saves_nothing(admin_client):
    logo = wagtail_factories.ImageFactory(title="icpsr.png")
    response = admin_client.post(reverse("wagtailsnippets_conferences_sponsor:add"), form_data(logo=logo.pk))
    assert response.status_code == 200
    assert "Describe the logo for people who cannot see it." in response.content.decode()
    assert not Sponsor.objects.exists()


def test_the_admin_edits_a_sponsor(admin_client):
    sponsor = people_builders.sponsor("ICPSR", logo=False)
    url = reverse("wagtailsnippets_conferences_sponsor:edit", args=[sponsor.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, form_data(name="ICPSR", url="https://www.icpsr.umich.edu/"))
    assert response.status_code == 302
    sponsor.refresh_from_db()
    assert sponsor.url == "https://www.icpsr.umich.edu/"


def test_the_admin_refuses_a_script_link_on_edit_and_keeps_the_old_one(admin_client):
    sponsor = people_builders.sponsor("ICPSR", logo=False, url="https://www.icpsr.umich.edu/")
    url = reverse("wagtailsnippets_conferences_sponsor:edit", args=[sponsor.pk])
    response = admin_client.post(url, form_data(url="javascript:alert(1)"))
    assert "Enter a web address that starts with https:// or http://." in response.content.decode()
    sponsor.refresh_from_db()
    assert sponsor.url == "https://www.icpsr.umich.edu/"


def test_the_listing_shows_each_sponsors_logo(admin_client):
    people_builders.sponsor("ICPSR")
    people_builders.sponsor("GESIS", logo=False)
    response = admin_client.get(reverse("wagtailsnippets_conferences_sponsor:list"))
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    assert len(rows) == 2
    assert "No logo" in rows[0].get_text()  # GESIS, by name
    assert rows[1].select_one("img")["src"].endswith(".max-120x60.jpg")


def test_the_listing_reads_all_logos_in_a_fixed_number_of_queries(admin_client, django_assert_max_num_queries):
    counts = []
    for count in (1, 8):
        while Sponsor.objects.count() < count:
            people_builders.sponsor()
        admin_client.get(reverse("wagtailsnippets_conferences_sponsor:list"))  # creates the thumbnails
        with django_assert_max_num_queries(40) as captured:
            admin_client.get(reverse("wagtailsnippets_conferences_sponsor:list"))
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_the_listing_finds_a_sponsor_by_name(admin_client):
    people_builders.sponsor("Inter-university Consortium", logo=False)
    people_builders.sponsor("GESIS", logo=False)
    response = admin_client.get(reverse("wagtailsnippets_conferences_sponsor:list"), {"q": "consortium"})
    text = BeautifulSoup(response.content, "html.parser").select_one("tbody").get_text()
    assert "Inter-university Consortium" in text and "GESIS" not in text
