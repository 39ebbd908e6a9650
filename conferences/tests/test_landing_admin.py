"""The Conferences page's pins in the admin: a pin on another index's conference is refused and nothing is saved."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from conferences.models import ConferenceIndexPage, ConferenceLandingPin
from conferences.tests import builders

pytestmark = pytest.mark.django_db


def index_form_data(index, pins):
    return nested_form_data(
        {
            "title": index.title,
            "slug": index.slug,
            "intro": rich_text(""),
            "body": streamfield([]),
            "menu": streamfield([]),
            "show_upcoming": "on",
            "show_archive_link": "on",
            "landing_panel": "on",
            "landing_heading": "Forthcoming and Recent Conferences",
            "recent_years": "2",
            "landing_pins": inline_formset(
                [{"conference": str(conference.pk), "choice": choice} for conference, choice in pins]
            ),
        }
    )


def edit(admin_client, index, pins):
    return admin_client.post(f"/admin/pages/{index.pk}/edit/", index_form_data(index, pins))


def test_a_pin_on_a_conference_of_another_index_is_refused_in_the_admin(admin_client, home_page):
    index = builders.conference_index(home_page)
    other = builders.conference_index(home_page, slug="other-conferences")
    foreign = builders.conference(other, 2027, title="Elsewhere 2027")
    response = edit(admin_client, index, [(foreign, "pin")])
    assert response.status_code == 200
    assert "Elsewhere 2027 belongs to another Conferences page" in response.content.decode()
    assert not ConferenceLandingPin.objects.exists()


def test_pins_of_the_indexs_own_conferences_are_saved_in_their_order(admin_client, home_page):
    index = builders.conference_index(home_page)
    first, second = builders.conference(index, 2027), builders.conference(index, 2028)
    response = edit(admin_client, index, [(second, "pin"), (first, "hide")])
    assert response.status_code == 302
    saved = ConferenceIndexPage.objects.get(pk=index.pk).get_latest_revision_as_object().landing_pins.all()
    assert [(pin.conference_id, pin.choice) for pin in saved] == [(second.pk, "pin"), (first.pk, "hide")]
