"""A visitor's agenda: the starred sessions named in the address, listed and as a calendar; bad addresses refused."""

import icalendar
import pytest
from bs4 import BeautifulSoup

from conferences.agenda import MAX_STARRED, AgendaError, parse_starred
from conferences.tests import builders
from conferences.tests.schedule_builders import bristol_conference, washington_conference

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


@pytest.fixture
def bristol(index):
    return bristol_conference(index)


def agenda(client, conference, query):
    return client.get(f"{conference.url}schedule/agenda/", query)


def agenda_calendar(client, conference, query):
    return client.get(f"{conference.url}schedule/agenda/calendar/", query)


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h3.get_text() for h3 in soup.select(".agenda__entries .schedule-entry__title")]


def test_the_agenda_lists_the_starred_sessions_and_events_by_time(client, bristol):
    starred = f"s{bristol['b1'].pk},s{bristol['a1'].pk},i{bristol['coffee'].pk}"
    response = agenda(client, bristol["conference"], {"starred": starred})
    assert response.status_code == 200
    assert titles(response) == ["Coffee", "A1: Data rescue", "B1: Metadata in practice"]


def test_the_agenda_offers_its_calendar_with_the_same_stars(client, bristol):
    starred = f"s{bristol['a1'].pk},i{bristol['coffee'].pk}"
    soup = BeautifulSoup(agenda(client, bristol["conference"], {"starred": starred}).content, "html.parser")
    link = soup.find("a", attrs={"data-agenda-calendar": True})["href"]
    assert link == f"{bristol['conference'].url}schedule/agenda/calendar/?starred={starred}"


def test_the_agendas_calendar_holds_the_starred_entries(client, bristol):
    response = agenda_calendar(
        client, bristol["conference"], {"starred": f"s{bristol['a2'].pk},i{bristol['reception'].pk}"}
    )
    calendar = icalendar.Calendar.from_ical(response.content)
    assert sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT")) == [
        "A2: Census futures",
        "Welcome reception",
    ]
    assert str(calendar["X-WR-CALNAME"]) == "IASSIST 2026: my agenda"


def test_a_star_for_a_session_no_longer_in_the_schedule_is_counted_not_shown(client, bristol):
    response = agenda(client, bristol["conference"], {"starred": f"s{bristol['a1'].pk},s999999"})
    assert titles(response) == ["A1: Data rescue"]
    assert "1 of your starred sessions is no longer in the schedule." in response.content.decode()


def test_a_session_of_another_conference_is_not_in_this_agenda(client, bristol, index):
    other = washington_conference(index)["workshop"]
    response = agenda(client, bristol["conference"], {"starred": f"s{other.pk}"})
    assert titles(response) == []


def test_an_agenda_without_stars_says_how_to_star(client, bristol):
    response = agenda(client, bristol["conference"], {})
    assert response.status_code == 200
    assert "Your agenda is empty." in response.content.decode()


def test_the_same_star_twice_is_listed_once(client, bristol):
    key = f"s{bristol['a1'].pk}"
    assert titles(agenda(client, bristol["conference"], {"starred": f"{key},{key}"})) == ["A1: Data rescue"]


HOSTILE = [
    "s0",
    "x12",
    "s12,,s13",
    "s12;s13",
    "s12 ,s13",
    "S12",
    "s-1",
    "s012",
    "s١٢",  # Arabic-Indic digits
    "s12345678901",
    "s1," * MAX_STARRED + "s1",
    "s1" + "1" * 100_000,
    "<script>alert(1)</script>",
    "s1\x00",
]


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_a_malformed_agenda_address_is_refused_with_a_clear_message(client, bristol, value):
    response = agenda(client, bristol["conference"], {"starred": value})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Expected a comma-separated list of starred ids such as s12,s15,i3." in html
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("value", HOSTILE[:4], ids=range(4))
def test_a_malformed_agenda_calendar_address_is_refused_as_text(client, bristol, value):
    response = agenda_calendar(client, bristol["conference"], {"starred": value})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert b"Expected a comma-separated list" in response.content


def test_starred_given_twice_is_refused(client, bristol):
    response = client.get(f"{bristol['conference'].url}schedule/agenda/?starred=s1&starred=s2")
    assert response.status_code == 400
    assert "more than once" in response.content.decode()


def test_the_refusal_keeps_the_way_back_to_the_schedule(client, bristol):
    soup = BeautifulSoup(agenda(client, bristol["conference"], {"starred": "x"}).content, "html.parser")
    assert soup.select_one(".agenda__error").find("a", href=f"{bristol['conference'].url}schedule/")


def test_parsing_keeps_the_order_of_the_stars():
    assert parse_starred(["i3,s12,s4"]) == ["i3", "s12", "s4"]


def test_parsing_takes_at_most_the_limit():
    assert len(parse_starred([",".join(f"s{n}" for n in range(1, MAX_STARRED + 1))])) == MAX_STARRED
    with pytest.raises(AgendaError):
        parse_starred([",".join(f"s{n}" for n in range(1, MAX_STARRED + 2))])
