"""Lists of conferences and a person's talks read as plain rows: the same addresses and facts as the pages."""

import datetime

import pytest
from bs4 import BeautifulSoup

from conferences.choices import ConferenceKind, DatePrecision
from conferences.listing import ConferenceRow, conference_rows
from conferences.models import ConferencePage
from conferences.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


def test_a_conference_row_has_the_address_wagtail_gives_the_page(index):
    conference = builders.conference(index, 2019, slug="iassist2019")
    [row] = conference_rows(ConferencePage.objects.filter(pk=conference.pk), index.get_url())
    assert row.url == conference.get_url() == "/conferences/iassist2019/"


@pytest.mark.parametrize(
    "fields",
    [
        {"ordinal": 45, "start_date": datetime.date(2019, 5, 28), "end_date": datetime.date(2019, 5, 31)},
        {
            "start_date": datetime.date(2019, 5, 1),
            "date_precision": DatePrecision.MONTH,
            "end_date": datetime.date(2019, 5, 4),
        },
        {"kind": ConferenceKind.WORKSHOP, "city": "", "start_date": None, "end_date": None},
    ],
)
def test_a_conference_row_states_the_facts_the_page_states(index, fields):
    conference = builders.conference(index, 2019, **fields)
    [row] = conference_rows(ConferencePage.objects.filter(pk=conference.pk), index.get_url())
    for name in ("year_text", "ordinal_text", "location", "date_display"):
        assert getattr(row, name) == getattr(conference, name), name
    assert row.get_kind_display() == conference.get_kind_display()


def test_an_unknown_kind_is_shown_as_stored():
    assert ConferenceRow({"kind": "retreat"}, "/").get_kind_display() == "retreat"


def test_a_person_page_links_each_talk_and_its_conference(client, index):
    conference = builders.conference(index, 2016, title="IASSIST 2016", slug="iassist2016")
    session = builders.session(conference)
    talk = builders.presentation(session, "Open data in Bergen", presenters=[("Ada Lovelace", "Analytical Society")])
    page = BeautifulSoup(client.get(index.person_url(talk.presenters.first().person.slug)).content, "html.parser")
    item = page.select_one(".conference-list__item")
    assert item.select_one(".conference-list__year").get_text() == "2016"
    assert [a["href"] for a in item.select("a")] == [talk.get_url(), conference.get_url()]
    assert "Analytical Society" in item.select_one(".conference-list__meta").get_text()
