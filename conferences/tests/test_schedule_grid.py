"""The admin's read-only schedule grid: each day's sessions and items by room, for the conference's editors."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from conferences import roles
from conferences.models import ScheduleItem
from conferences.tests import builders
from conferences.tests.schedule_forms import bristol_section, edit_url, utc

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home_page):
    section = bristol_section(home_page)
    a1 = builders.session(
        section["bristol"], "Session A1", starts_at=utc(3, 8), ends_at=utc(3, 9, 30), room=section["room_241"]
    )
    lunch = ScheduleItem.objects.create(
        conference=section["bristol"], title="Lunch", item_type="meal", starts_at=utc(3, 11), place="Foyer"
    )
    return {**section, "a1": a1, "lunch": lunch}


def grid_url(conference):
    return reverse("conference_schedule:grid", args=[conference.pk])


def column_of(table, title):
    """The heading of the column in which `title` appears."""
    headings = [cell.get_text(strip=True) for cell in table.select("thead th")]
    for row in table.select("tbody tr"):
        for index, cell in enumerate(row.find_all(["th", "td"])):
            if title in cell.get_text():
                return headings[index]
    return None


def test_a_session_is_in_its_rooms_column_at_its_local_start(admin_client, section):
    html = admin_client.get(grid_url(section["bristol"])).content.decode()
    table = BeautifulSoup(html, "html.parser").select_one("table.schedule-grid")
    assert column_of(table, "Session A1") == "Room 2.41"
    row = next(row for row in table.select("tbody tr") if "Session A1" in row.get_text())
    assert row.th.get_text(strip=True) == "09:00"


def test_an_item_without_a_room_is_in_the_no_room_column(admin_client, section):
    html = admin_client.get(grid_url(section["bristol"])).content.decode()
    table = BeautifulSoup(html, "html.parser").select_one("table.schedule-grid")
    assert column_of(table, "Lunch") == "No room"


def test_each_entry_links_to_its_edit_form(admin_client, section):
    soup = BeautifulSoup(admin_client.get(grid_url(section["bristol"])).content, "html.parser")
    links = {link.get_text(strip=True): link["href"] for link in soup.select("table.schedule-grid a")}
    assert links["Session A1"] == edit_url("session", section["a1"].pk)
    assert links["Lunch"] == edit_url("scheduleitem", section["lunch"].pk)


def test_their_own_conferences_organisers_see_the_grid(client, section):
    client.force_login(builders.member(roles.ensure_organisers(section["bristol"]).name, "organiser"))
    response = client.get(grid_url(section["bristol"]))
    assert response.status_code == 200 and "Session A1" in response.content.decode()


def test_another_conferences_organisers_get_404(client, section):
    client.force_login(builders.member(roles.ensure_organisers(section["gothenburg"]).name, "organiser"))
    response = client.get(grid_url(section["bristol"]))
    assert response.status_code == 404 and "Session A1" not in response.content.decode()
    assert client.get(grid_url(section["gothenburg"])).status_code == 200


def test_the_schedule_menu_lists_only_their_conference(client, section):
    client.force_login(builders.member(roles.ensure_organisers(section["gothenburg"]).name, "organiser"))
    html = client.get(reverse("conference_schedule:index")).content.decode()
    assert "IASSIST 2022" in html and "IASSIST 2026" not in html
