"""The programme's admin listings read a page of rows in a fixed number of queries, however many rows
it shows: each row's session, room and conference come with it, not one query per row."""

import pytest
from django.urls import reverse

from conferences.tests import builders, schedule_builders

pytestmark = pytest.mark.django_db

# Each listing, and the name of its last row.
LISTINGS = {"presentation": "Talk 19", "session": "Session 19", "scheduleitem": "Coffee 19", "room": "Room 19"}


def _rows(conference, count, start=0):
    """`count` presentations in sessions in rooms, and as many breaks in those rooms."""
    for number in range(start, start + count):
        room = schedule_builders.room(conference, f"Room {number}", building="Main")
        session = schedule_builders.timed_session(
            conference, f"Session {number}", schedule_builders.BRISTOL_DAY, "09:00", "10:00", room=room
        )
        builders.presentation(session, f"Talk {number}", presenters=[(f"Ann Other{number}", "UCL")])
        schedule_builders.schedule_item(
            conference, f"Coffee {number}", schedule_builders.BRISTOL_DAY, "10:00", "10:30", room=room
        )


@pytest.mark.parametrize("model", list(LISTINGS))
def test_a_programme_listing_runs_the_same_queries_for_2_and_20_rows(
    admin_client, home_page, model, django_assert_max_num_queries
):
    conference = builders.conference(builders.conference_index(home_page), 2026, time_zone="Europe/London")
    url = reverse(f"wagtailsnippets_conferences_{model}:list")
    _rows(conference, 2)
    admin_client.get(url)  # the first request reads what later ones keep (site root, locales)
    with django_assert_max_num_queries(40) as two:
        assert admin_client.get(url).status_code == 200
    _rows(conference, 18, start=2)
    with django_assert_max_num_queries(len(two.captured_queries)):
        response = admin_client.get(url)
    assert response.status_code == 200 and LISTINGS[model] in response.content.decode()
