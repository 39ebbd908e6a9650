"""Editors cannot lose content: bad input is refused on its field, and any revision can be brought back."""

import pytest
from django.urls import reverse

from conferences.models import Person
from conferences.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference(home_page):
    page = builders.conference(builders.conference_index(home_page), 2022, theme="First theme")
    page.save_revision().publish()
    page.theme = "Second theme"
    page.save_revision().publish()
    return page


def edit_data(page, **changes):
    return builders.conference_form_data(page, **changes)


def test_page_form_refuses_an_end_before_the_start_on_the_field_and_saves_nothing(admin_client, conference):
    revisions = conference.revisions.count()
    url = reverse("wagtailadmin_pages:edit", args=[conference.pk])
    response = admin_client.post(url, edit_data(conference, end_date="2022-06-01", theme="Lost?"))
    assert response.status_code == 200
    assert "The end date is before the start date." in response.context["form"].errors["end_date"]
    assert conference.revisions.count() == revisions


def test_person_form_refuses_a_blank_name_and_saves_nothing(admin_client, db):
    people = Person.objects.count()
    response = admin_client.post(reverse("wagtailsnippets_conferences_person:add"), {"name": "   "})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert Person.objects.count() == people


def test_an_editor_can_roll_back_to_an_earlier_revision(admin_client, conference):
    first = conference.revisions.order_by("created_at").first()
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[conference.pk, first.pk])
    form = admin_client.get(revert_url).context["form"]
    assert form.initial["theme"] == "First theme"
    data = edit_data(conference, theme=form.initial["theme"], **{"action-publish": "1"})
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[conference.pk]), data)
    assert response.status_code == 302
    conference.refresh_from_db()
    assert conference.theme == "First theme"


def test_publish_scheduled_publishes_a_revision_whose_time_has_come(home_page):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    page = builders.conference(builders.conference_index(home_page), 2027, theme="Announced later")
    page.live = False
    page.save()
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live and page.get_latest_revision().approved_go_live_at is not None

    # Move the schedule into the past, as the passing hour would.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = page.get_latest_revision()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live and page.theme == "Announced later"
