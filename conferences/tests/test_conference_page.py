import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from conferences.choices import ConferenceKind, DatePrecision
from conferences.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


def test_end_date_before_start_date_is_refused_on_the_end_date(index):
    page = builders.conference(index, 2022)
    page.end_date = datetime.date(2022, 6, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "before the start date" in error.value.message_dict["end_date"][0]


def test_duplicate_ordinal_among_annual_conferences_is_refused_on_the_ordinal(index):
    builders.conference(index, 2022, ordinal=47)
    other = builders.conference(index, 2023)
    other.ordinal = 47
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "already the 47th annual conference" in error.value.message_dict["ordinal"][0]


def test_workshops_may_share_an_ordinal_with_an_annual_conference(index):
    builders.conference(index, 2022, ordinal=5)
    workshop = builders.conference(index, 2025, ordinal=5, kind=ConferenceKind.WORKSHOP)
    workshop.full_clean()


def test_two_conferences_can_share_a_year(index):
    first = builders.conference(index, 1977, title="IASSIST 1977 (1)")
    second = builders.conference(index, 1977, title="IASSIST 1977 (2)")
    second.full_clean()
    assert first.year == second.year


def test_malformed_zenodo_community_is_refused_on_its_field(index):
    page = builders.conference(index, 2022)
    page.zenodo_community = "https://example.org/x"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "zenodo_community" in error.value.message_dict


@pytest.mark.parametrize(
    ("precision", "start", "end", "shown"),
    [
        (DatePrecision.DAY, datetime.date(2022, 6, 7), datetime.date(2022, 6, 10), "June 7–10, 2022"),
        (DatePrecision.DAY, datetime.date(2026, 6, 2), datetime.date(2026, 6, 5), "June 2–5, 2026"),
        (DatePrecision.DAY, datetime.date(2021, 5, 31), datetime.date(2021, 6, 2), "May 31 – June 2, 2021"),
        (DatePrecision.MONTH, datetime.date(1978, 8, 1), None, "August 1978"),
        (DatePrecision.YEAR, datetime.date(1977, 1, 1), None, "1977"),
        (DatePrecision.DAY, None, None, "1977"),
    ],
)
def test_dates_show_only_what_is_known(index, precision, start, end, shown):
    page = builders.conference(
        index, start.year if start else 1977, start_date=start, end_date=end, date_precision=precision
    )
    assert page.date_display == shown


def test_conference_page_shows_its_facts(client, index):
    page = builders.conference(
        index, 2022, ordinal=47, theme="Data by Design", host="SND", website_url="https://iassist2022.org/"
    )
    html = client.get(page.url).content.decode()
    facts = BeautifulSoup(html, "html.parser").select_one("dl.facts").get_text(" ", strip=True)
    for fact in ("47th annual IASSIST conference", "June 7–10, 2022", "Gothenburg, Sweden", "SND", "In person"):
        assert fact in facts
    assert "Data by Design" in html


def test_conference_page_emits_schema_org_event(client, index):
    page = builders.conference(index, 2022, host="SND", attendance_mode="hybrid")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["name"] == page.title
    assert data["startDate"] == "2022-06-07" and data["endDate"] == "2022-06-10"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["organizer"]["name"] == "IASSIST"
    assert data["url"].endswith(page.url)
    assert any(place.get("address", {}).get("addressLocality") == "Gothenburg" for place in data["location"])


def test_json_ld_cannot_break_out_of_its_script(client, index):
    page = builders.conference(index, 2022, title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in html
    script = BeautifulSoup(html, "html.parser").find("script", type="application/ld+json")
    assert json.loads(script.string)["name"] == page.title


def test_upcoming_event_offers_an_ics_download(client, index):
    year = datetime.date.today().year + 1
    page = builders.conference(index, year, city="Bristol", country="UK")
    html = client.get(page.url).content.decode()
    assert f'href="{page.url}calendar/"' in html
    response = client.get(f"{page.url}calendar/")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert f"DTSTART;VALUE=DATE:{year}0607" in body
    assert f"DTEND;VALUE=DATE:{year}0611" in body
    assert "LOCATION:Bristol\\, UK" in body
    assert body.endswith("END:VCALENDAR\r\n")


def test_past_event_offers_no_ics_link(client, index):
    page = builders.conference(index, 2010, title="IASSIST 2010 in Ithaca")
    html = client.get(page.url).content.decode()
    assert "calendar/" not in html
    assert "IASSIST 2010 in Ithaca</h1>" in html


def test_event_without_dates_has_no_calendar(client, index):
    page = builders.conference(index, 1977, start_date=None, end_date=None)
    dated = builders.conference(index, 1978)
    assert client.get(f"{page.url}calendar/").status_code == 404
    assert client.get(f"{dated.url}calendar/").status_code == 200


class TestAdminEditRefusesBadZenodo:
    def post_body(self, client, page, target):
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = builders.conference_form_data(page, body=[("zenodo", {"target": target, "label": "Slides"})])
        return client.post(url, data)

    def test_bad_zenodo_value_is_refused_with_its_message_and_nothing_saved(self, admin_client, index):
        page = builders.conference(index, 2022)
        revisions_before = page.revisions.count()
        response = self.post_body(admin_client, page, "https://example.org/not-zenodo")
        assert response.status_code == 200
        assert "is not a Zenodo address" in response.content.decode()
        page.refresh_from_db()
        assert page.revisions.count() == revisions_before
        assert len(page.body) == 0

    def test_good_zenodo_value_is_saved_normalised(self, admin_client, index):
        page = builders.conference(index, 2022)
        response = self.post_body(admin_client, page, "10.5281/zenodo.6620829")
        assert response.status_code == 302
        revision = page.revisions.order_by("-created_at").first().as_object()
        assert revision.body[0].value["target"] == "https://doi.org/10.5281/zenodo.6620829"
