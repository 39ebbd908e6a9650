"""The blocks of a conference website: what they show, where their dates come from, and what they refuse."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.blocks import StreamValue, StructBlockValidationError

from conferences.blocks import ConferenceStreamBlock
from conferences.choices import ImportantDateKind
from conferences.tests import builders
from conferences.tests.form_data import list_block
from conferences.website_blocks import (
    CallForProposalsBlock,
    FAQBlock,
    ImportantDatesBlock,
    RegistrationBlock,
    TravelBlock,
    VenueBlock,
    amount_text,
)

Kind = ImportantDateKind
WEBSITE_BLOCKS = ["important_dates", "call_for_proposals", "registration", "faq", "venue", "travel"]


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def soup(html):
    return BeautifulSoup(html, "html.parser")


def cleaned(block, raw):
    return block.clean(block.to_python(raw))


def errors_of(block, raw):
    with pytest.raises(StructBlockValidationError) as error:
        cleaned(block, raw)
    return error.value


def item_error(error, field, index, item_field):
    return " ".join(error.block_errors[field].block_errors[index].block_errors[item_field].messages)


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


@pytest.fixture
def conference(index):
    """A conference in 100 days, with a passed proposals deadline and coming notifications and registration dates."""
    start = days_from_today(97)
    page = builders.conference(index, start.year, start_date=start, end_date=days_from_today(100))
    builders.important_date(page, Kind.PROPOSALS_DUE, days_from_today(-20))
    builders.important_date(page, Kind.NOTIFICATIONS, days_from_today(10))
    builders.important_date(page, Kind.EARLY_BIRD_ENDS, days_from_today(40))
    builders.important_date(page, Kind.REGISTRATION_CLOSES, days_from_today(80))
    builders.important_date(page, Kind.CONFERENCE_DAYS, days_from_today(97), days_from_today(100))
    return page


def publish_body(page, *blocks):
    page.body = list(blocks)
    page.save_revision().publish()
    return page


# -- every block -------------------------------------------------------------


@pytest.mark.parametrize("name", WEBSITE_BLOCKS)
def test_each_website_block_is_offered_on_conference_pages(name):
    assert name in ConferenceStreamBlock().child_blocks


@pytest.mark.django_db
@pytest.mark.parametrize("name", WEBSITE_BLOCKS)
def test_each_website_blocks_preview_renders_in_the_admin(admin_client, name):
    block = ConferenceStreamBlock().child_blocks[name]
    response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    main = soup(response.content.decode()).select_one("main")
    assert main.get_text(strip=True)


@pytest.mark.django_db
def test_the_important_dates_preview_shows_sample_dates_past_and_coming(admin_client):
    block = ConferenceStreamBlock().child_blocks["important_dates"]
    response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    items = soup(response.content.decode()).select(".date-list__item")
    assert len(items) == 6
    assert any("date-list__item--past" in item["class"] for item in items)
    assert not all("date-list__item--past" in item["class"] for item in items)


# -- important dates ---------------------------------------------------------


@pytest.mark.django_db
def test_important_dates_list_the_conferences_dates_soonest_first_with_machine_dates(client, conference):
    publish_body(conference, ("important_dates", {"heading": "Key dates", "kinds": []}))
    page = soup(client.get(conference.url).content.decode())
    block = page.select_one(".important-dates")
    assert block.h2.get_text() == "Key dates"
    names = [dt.get_text() for dt in block.select("dt")]
    assert names == [
        "Proposals due",
        "Acceptance notifications",
        "Early-bird registration ends",
        "Registration closes",
        "Conference days",
    ]
    first_time = block.select_one("dd time")
    assert first_time["datetime"] == days_from_today(-20).isoformat()
    assert len(block.select(".date-list__item:last-child time")) == 2


@pytest.mark.django_db
def test_a_passed_date_is_marked_past_in_words(client, conference):
    publish_body(conference, ("important_dates", {"heading": "", "kinds": []}))
    items = soup(client.get(conference.url).content.decode()).select(".date-list__item")
    past = [item.dt.get_text() for item in items if "date-list__item--past" in item["class"]]
    assert past == ["Proposals due"]
    assert "(past)" in items[0].dd.get_text()
    assert "(past)" not in items[1].dd.get_text()


@pytest.mark.django_db
def test_important_dates_can_show_only_some_kinds(client, conference):
    publish_body(conference, ("important_dates", {"heading": "", "kinds": [Kind.EARLY_BIRD_ENDS]}))
    names = [dt.get_text() for dt in soup(client.get(conference.url).content.decode()).select(".date-list dt")]
    assert names == ["Early-bird registration ends"]


@pytest.mark.django_db
def test_without_a_conference_days_entry_the_conferences_own_days_are_listed(client, index):
    page = builders.conference(index, 2027, start_date=datetime.date(2027, 5, 25), end_date=datetime.date(2027, 5, 28))
    builders.important_date(page, Kind.PROPOSALS_DUE, datetime.date(2026, 12, 1))
    publish_body(page, ("important_dates", {"heading": "", "kinds": []}))
    items = soup(client.get(page.url).content.decode()).select(".date-list__item")
    assert [item.dt.get_text() for item in items] == ["Proposals due", "Conference days"]
    assert [time["datetime"] for time in items[1].select("time")] == ["2027-05-25", "2027-05-28"]


@pytest.mark.django_db
def test_a_conference_known_only_to_the_month_adds_no_days_to_its_dates(client, index):
    page = builders.conference(
        index, 1990, start_date=datetime.date(1990, 5, 1), end_date=None, date_precision="month"
    )
    builders.important_date(page, Kind.OTHER, datetime.date(1990, 1, 15), label="Programme mailed")
    publish_body(page, ("important_dates", {"heading": "", "kinds": []}))
    names = [dt.get_text() for dt in soup(client.get(page.url).content.decode()).select(".date-list dt")]
    assert names == ["Programme mailed"]


@pytest.mark.django_db
def test_a_content_page_shows_the_dates_of_its_conference(client, conference):
    page = builders.content_page(conference, title="Dates")
    publish_body(page, ("important_dates", {"heading": "Dates", "kinds": [Kind.NOTIFICATIONS]}))
    html = client.get(page.url).content.decode()
    assert "Acceptance notifications" in html


@pytest.mark.django_db
def test_important_dates_outside_a_conference_show_nothing(client, index):
    page = builders.content_page(index, title="Dates")
    publish_body(page, ("important_dates", {"heading": "Important dates", "kinds": []}))
    assert "important-dates" not in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_a_label_is_rendered_escaped(client, conference):
    builders.important_date(conference, Kind.OTHER, days_from_today(5), label="<script>alert(1)</script>")
    publish_body(conference, ("important_dates", {"heading": "<b>Dates</b>", "kinds": [Kind.OTHER]}))
    html = client.get(conference.url).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Dates&lt;/b&gt;" in html


@pytest.mark.django_db
def test_a_conference_page_with_every_website_block_renders_in_bounded_queries(
    client, conference, django_assert_max_num_queries
):
    stream = ConferenceStreamBlock()
    publish_body(conference, *[(name, stream.child_blocks[name].get_preview_value()) for name in WEBSITE_BLOCKS])
    client.get(conference.url)  # the site's root paths, cached from here on
    with django_assert_max_num_queries(20):
        response = client.get(conference.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Registration fees in USD" in html and "Frequently asked questions" in html


@pytest.mark.django_db
def test_more_website_blocks_cost_no_more_queries(client, conference, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_with(count):
        publish_body(conference, *[("important_dates", {"heading": "", "kinds": []})] * count)
        client.get(conference.url)
        with CaptureQueriesContext(connection) as captured:
            client.get(conference.url)
        return len(captured)

    assert queries_with(4) == queries_with(1)


# -- call for proposals ------------------------------------------------------


CFP = {
    "heading": "Call for proposals",
    "intro": "<p>We invite proposals.</p>",
    "submission_types": [{"name": "Paper", "length": "15 minutes", "description": "A talk."}],
    "guidelines": "<p>Up to 300 words.</p>",
    "submission_link": "https://submit.example.org/iassist",
    "submission_label": "",
}


@pytest.mark.django_db
def test_the_call_for_proposals_shows_its_kinds_link_and_the_conferences_deadlines(client, conference):
    publish_body(conference, ("call_for_proposals", CFP))
    block = soup(client.get(conference.url).content.decode()).select_one(".call-for-proposals")
    assert [dt.get_text() for dt in block.select(".date-list dt")] == ["Proposals due", "Acceptance notifications"]
    assert block.select_one(".submission-types dt").get_text(" ", strip=True) == "Paper (15 minutes)"
    assert block.select_one("a.button")["href"] == "https://submit.example.org/iassist"
    assert block.select_one("a.button").get_text() == "Submit a proposal"
    assert "Up to 300 words." in block.get_text()


@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://example.org/", "/submit", "submit.example.org"])
def test_the_call_for_proposals_refuses_a_link_that_is_not_http(link):
    error = errors_of(CallForProposalsBlock(), {**CFP, "submission_link": link})
    assert "submission_link" in error.block_errors


def test_the_call_for_proposals_refuses_a_missing_submission_link():
    error = errors_of(CallForProposalsBlock(), {**CFP, "submission_link": ""})
    assert "submission_link" in error.block_errors


def test_the_call_for_proposals_refuses_a_kind_listed_twice():
    kinds = [{"name": "Poster", "length": "", "description": ""}, {"name": "poster ", "length": "", "description": ""}]
    error = errors_of(CallForProposalsBlock(), {**CFP, "submission_types": kinds})
    assert "is listed twice" in item_error(error, "submission_types", 1, "name")


# -- registration ------------------------------------------------------------


REGISTRATION = {
    "heading": "Registration",
    "intro": "",
    "currency": "CAD",
    "fees": [
        {"category": "Member", "early_bird": "450", "regular": "1212.5"},
        {"category": "One day", "early_bird": None, "regular": "225"},
    ],
    "included": ["All sessions", "Lunches"],
    "registration_link": "https://register.example.org/",
}


@pytest.mark.django_db
def test_registration_fees_are_an_accessible_table_with_amounts_in_the_currency(client, conference):
    publish_body(conference, ("registration", REGISTRATION))
    block = soup(client.get(conference.url).content.decode()).select_one(".registration")
    table = block.table
    assert table.caption.get_text() == "Registration fees in CAD"
    assert [th["scope"] for th in table.thead.select("th")] == ["col", "col", "col"]
    rows = [[cell.get_text() for cell in row.select("th, td")] for row in table.tbody.select("tr")]
    assert rows == [["Member", "CAD 450", "CAD 1,212.50"], ["One day", "Not offered", "CAD 225"]]
    assert all(row.th["scope"] == "row" for row in table.tbody.select("tr"))
    dates = [dt.get_text() for dt in block.select(".date-list dt")]
    assert dates == ["Early-bird registration ends", "Registration closes"]
    assert [li.get_text() for li in block.select(".registration__included li")] == ["All sessions", "Lunches"]


@pytest.mark.parametrize("fees", [REGISTRATION["fees"], []])
def test_registration_without_a_currency_is_refused_on_the_currency(fees):
    error = errors_of(RegistrationBlock(), {**REGISTRATION, "fees": fees, "currency": ""})
    assert "Choose the currency of the fees" in " ".join(error.block_errors["currency"].messages)


def test_a_currency_outside_the_list_is_refused():
    error = errors_of(RegistrationBlock(), {**REGISTRATION, "currency": "XBT"})
    assert "currency" in error.block_errors


def test_a_fee_without_any_rate_is_refused():
    fees = [{"category": "Student", "early_bird": None, "regular": None}]
    error = errors_of(RegistrationBlock(), {**REGISTRATION, "fees": fees})
    assert "Enter the early-bird rate, the regular rate, or both." in item_error(error, "fees", 0, "regular")


@pytest.mark.parametrize("amount", ["-5", "abc", "1" * 40, "<script>"])
def test_a_malformed_or_huge_fee_is_refused(amount):
    block = RegistrationBlock()
    value = block.to_python(REGISTRATION)
    value["fees"][0]["regular"] = amount  # as the admin form posts it: text, not yet a number
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "regular" in error.value.block_errors["fees"].block_errors[0].block_errors


def test_amounts_are_written_with_their_currency_and_without_needless_cents():
    assert amount_text("USD", "450") == "USD 450"
    assert amount_text("EUR", "1250.00") == "EUR 1,250"
    assert amount_text("GBP", "99.5") == "GBP 99.50"


def test_a_registration_link_that_is_not_http_is_refused():
    error = errors_of(RegistrationBlock(), {**REGISTRATION, "registration_link": "javascript:alert(1)"})
    assert "https:// or http://" in " ".join(error.block_errors["registration_link"].messages)


# -- questions and answers ---------------------------------------------------


def faq(*questions):
    return {"heading": "FAQ", "questions": [{"answer": "<p>Yes.</p>", "anchor": "", **q} for q in questions]}


def test_a_question_without_an_anchor_gets_one_from_its_words():
    value = cleaned(FAQBlock(), faq({"question": "Do I need a visa letter?"}))
    assert value["questions"][0]["anchor"] == "do-i-need-a-visa-letter"


def test_an_anchor_used_twice_in_one_faq_is_refused_on_the_second():
    error = errors_of(FAQBlock(), faq({"question": "Visa?"}, {"question": "Hotels?", "anchor": "visa"}))
    assert "“visa” is already the anchor of question 1" in item_error(error, "questions", 1, "anchor")


def test_two_questions_with_the_same_words_are_refused():
    error = errors_of(FAQBlock(), faq({"question": "Parking?"}, {"question": "Parking!"}))
    assert "already the anchor" in item_error(error, "questions", 1, "anchor")


@pytest.mark.parametrize("anchor", ["Visa Letters", "#visa", '"><script>', "visa/letters"])
def test_an_anchor_that_is_not_a_slug_is_refused_with_a_suggestion(anchor):
    error = errors_of(FAQBlock(), faq({"question": "Visa?", "anchor": anchor}))
    assert "Use only lower-case letters, digits and hyphens" in item_error(error, "questions", 0, "anchor")


def test_a_question_of_punctuation_alone_asks_for_an_anchor():
    error = errors_of(FAQBlock(), faq({"question": "???"}))
    assert "enter one" in item_error(error, "questions", 0, "anchor")


def test_an_faq_renders_details_that_a_link_to_their_anchor_opens():
    block = FAQBlock()
    html = block.render(cleaned(block, faq({"question": "Visa?", "anchor": "visa"}, {"question": "<b>Hotels</b>?"})))
    items = soup(html).select("details.faq__item")
    assert [item["id"] for item in items] == ["visa", "bhotelsb"]
    assert items[0].summary.get_text() == "Visa?"
    assert "&lt;b&gt;Hotels&lt;/b&gt;?" in html


def test_an_faq_saved_before_its_anchors_were_checked_still_renders_unique_ids():
    block = FAQBlock()
    html = block.render(block.to_python(faq({"question": "Visa"}, {"question": "Visa"})))
    assert [item["id"] for item in soup(html).select("details")] == ["visa", "visa-2"]


# -- venue and travel --------------------------------------------------------


VENUE = {
    "heading": "Venue",
    "name": "Harbour Centre",
    "address": "1 Harbour Street\nGothenburg",
    "map_link": "https://www.openstreetmap.org/way/1",
    "directions": "",
}


def test_the_venue_renders_its_address_and_a_map_link_without_embeds():
    block = VenueBlock()
    page = soup(block.render(cleaned(block, VENUE)))
    assert page.address.get_text("|", strip=True) == "Harbour Centre|1 Harbour Street|Gothenburg"
    assert page.select_one("a")["href"] == "https://www.openstreetmap.org/way/1"
    assert not page.select("iframe, script, img")


def test_a_venue_map_link_that_is_not_http_is_refused():
    error = errors_of(VenueBlock(), {**VENUE, "map_link": "data:text/html,<script>alert(1)</script>"})
    assert "map_link" in error.block_errors


def test_a_venue_without_an_address_is_refused():
    error = errors_of(VenueBlock(), {**VENUE, "address": "   "})
    assert "address" in error.block_errors


def travel(*hotels, notes="<p>Ask for an invitation letter.</p>"):
    base = {"booking_link": "", "rate": "", "notes": "", "booking_deadline": None}
    return {"heading": "Travel", "hotels": [{**base, **hotel} for hotel in hotels], "travel_notes": notes}


@pytest.mark.django_db
def test_a_hotel_without_its_own_deadline_shows_the_conferences_hotel_deadline(client, conference):
    builders.important_date(conference, Kind.HOTEL_DEADLINE, days_from_today(60))
    publish_body(conference, ("travel", travel({"name": "Harbour Hotel", "rate": "EUR 160 a night"})))
    hotel = soup(client.get(conference.url).content.decode()).select_one(".hotel")
    assert hotel.h3.get_text() == "Harbour Hotel"
    assert hotel.select_one(".hotel__deadline time")["datetime"] == days_from_today(60).isoformat()
    assert "Visas and travel" in client.get(conference.url).content.decode()


def test_a_hotel_booking_link_that_is_not_http_is_refused():
    error = errors_of(TravelBlock(), travel({"name": "Inn", "booking_link": "javascript:alert(1)"}))
    assert "booking_link" in error.block_errors["hotels"].block_errors[0].block_errors


def travel_form(name, deadline):
    """What the admin posts for a travel block with one hotel."""
    from wagtail.test.utils.form_data import rich_text

    hotel = {"name": name, "booking_link": "", "rate": "", "notes": "", "booking_deadline": deadline}
    return {"heading": "Travel", "hotels": list_block([hotel]), "travel_notes": rich_text("")}


@pytest.mark.django_db
class TestHotelDeadlinesInTheAdmin:
    def post(self, client, page, deadline, **changes):
        body = [("travel", travel_form("Harbour Hotel", deadline))]
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return client.post(url, builders.conference_form_data(page, body=body, **changes))

    def test_a_booking_deadline_after_the_conference_is_refused(self, admin_client, index):
        page = builders.conference(
            index, 2027, start_date=datetime.date(2027, 5, 25), end_date=datetime.date(2027, 5, 28)
        )
        response = self.post(admin_client, page, "2027-06-02")
        assert response.status_code == 200
        assert (
            "The booking deadline of Harbour Hotel (June 2, 2027) is after the conference ends (May 28, 2027)."
            in response.content.decode()
        )
        page.refresh_from_db()
        assert len(page.body) == 0

    def test_a_booking_deadline_before_the_conference_is_saved(self, admin_client, index):
        page = builders.conference(
            index, 2027, start_date=datetime.date(2027, 5, 25), end_date=datetime.date(2027, 5, 28)
        )
        assert self.post(admin_client, page, "2027-04-30").status_code == 302

    def test_a_content_page_checks_deadlines_against_its_conference(self, admin_client, index):
        from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

        conference = builders.conference(
            index, 2027, start_date=datetime.date(2027, 5, 25), end_date=datetime.date(2027, 5, 28)
        )
        page = builders.content_page(conference, title="Travel")
        body = streamfield([("travel", travel_form("Harbour Hotel", "2027-07-01"))])
        data = nested_form_data({"title": page.title, "slug": page.slug, "body": body, "comments": inline_formset([])})
        response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert response.status_code == 200
        assert "is after the conference ends (May 28, 2027)" in response.content.decode()


def test_a_hotel_deadline_after_the_conference_is_flagged_when_rendered():
    class Conference:
        start_date = datetime.date(2027, 5, 25)
        end_date = datetime.date(2027, 5, 28)

        def date_of(self, kind):
            return None

    block = TravelBlock()
    value = block.to_python(travel({"name": "Inn", "booking_deadline": "2027-06-30"}))
    html = block.render(value, context={"website_conference": Conference()})
    assert "This date is after the conference ends" in html


def test_stream_of_website_blocks_renders_without_a_page():
    stream = ConferenceStreamBlock()
    value = StreamValue(stream, [("important_dates", {"heading": "Dates", "kinds": []}), ("venue", VENUE)])
    html = stream.render(value)
    assert "Harbour Centre" in html and "important-dates" not in html
    assert ImportantDatesBlock().render(ImportantDatesBlock().to_python({"heading": "x", "kinds": []})).strip() == ""
