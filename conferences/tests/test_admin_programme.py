"""A conference's programme from its edit view: the Programme tab lists it and every link comes back."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conferences import roles
from conferences.models import Presentation, Session
from conferences.tests import builders
from conferences.tests.schedule_forms import presentation_data

pytestmark = pytest.mark.django_db

TAB = "#tab-programme"


@pytest.fixture
def section(home_page):
    section = builders.two_conference_section(home_page)
    opening = builders.session(section["gothenburg"], "Opening plenary", code="P1")
    closing = builders.session(section["gothenburg"], "Closing plenary", live=False)
    builders.presentation(opening, "Data for all", presenters=[("Ada Lovelace", "Analytical Society")], sort_order=2)
    builders.presentation(opening, "Metadata at scale", presenters=[("Grace Hopper", "Navy")], sort_order=1)
    builders.session(section["sydney"], "Sydney session")
    return {**section, "opening": opening, "closing": closing}


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "a-long-pass-phrase"))
    return client


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def programme_tab(client, page):
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".programme-panel")


def link(tab, text):
    return next(a["href"] for a in tab.find_all("a") if a.get_text(" ", strip=True) == text)


def form_action(client, url):
    """Where the add or edit form at `url` posts."""
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.select_one("form[data-edit-form]")["action"]


def next_of(url):
    return parse_qs(urlsplit(url).query)["next"][0]


def test_programme_tab_lists_sessions_in_order_with_their_presentations_in_order(admin, section):
    tab = programme_tab(admin, section["gothenburg"])
    sessions = [h.get_text(strip=True) for h in tab.select(".programme-panel__session h3")]
    talks = [a.get_text(strip=True) for a in tab.select(".programme-panel__presentations a")]
    assert sessions == ["Opening plenary", "Closing plenary"]
    assert talks == ["Metadata at scale", "Data for all"]


def test_programme_tab_shows_presenters_room_code_and_draft_state(admin, section):
    text = programme_tab(admin, section["gothenburg"]).get_text(" ", strip=True)
    assert "Grace Hopper" in text and "P1" in text
    assert "Draft" in text and "Live" in text


def test_programme_tab_leaves_out_other_conferences(admin, section):
    assert "Sydney session" not in programme_tab(admin, section["gothenburg"]).get_text()


def test_every_link_of_the_tab_comes_back_to_the_tab(admin, section):
    tab = programme_tab(admin, section["gothenburg"])
    hrefs = [a["href"] for a in tab.find_all("a")]
    assert len(hrefs) == 2 + 2 + 2 + 2  # add and order; two sessions; two talks; add to each session
    assert {next_of(href) for href in hrefs} == {edit_url(section["gothenburg"]) + TAB}


def test_add_session_link_preselects_the_conference_and_the_next_place(admin, section):
    url = link(programme_tab(admin, section["gothenburg"]), "Add a session")
    form = BeautifulSoup(admin.get(url).content, "html.parser")
    assert form.select_one("[name=conference]")["value"] == str(section["gothenburg"].pk)
    assert form.select_one("[name=sort_order]")["value"] == "2"


def test_add_presentation_link_preselects_the_session(admin, section):
    url = link(programme_tab(admin, section["gothenburg"]), "Add a presentation to Opening plenary")
    form = BeautifulSoup(admin.get(url).content, "html.parser")
    assert form.select_one("[name=session]")["value"] == str(section["opening"].pk)


def test_saving_a_new_session_comes_back_to_the_conference(admin, section):
    url = link(programme_tab(admin, section["gothenburg"]), "Add a session")
    action = form_action(admin, url)
    response = admin.post(action, {"conference": section["gothenburg"].pk, "title": "Posters", "sort_order": 2})
    assert response.status_code == 302
    assert response["Location"] == edit_url(section["gothenburg"]) + TAB
    assert Session.objects.filter(conference=section["gothenburg"], title="Posters").exists()


def test_saving_an_edited_session_comes_back_to_the_conference(admin, section):
    url = link(programme_tab(admin, section["gothenburg"]), "Closing plenary")
    action = form_action(admin, url)
    data = {"conference": section["gothenburg"].pk, "title": "Farewell", "sort_order": 1}
    response = admin.post(action, data)
    assert response["Location"] == edit_url(section["gothenburg"]) + TAB
    assert Session.objects.get(pk=section["closing"].pk).title == "Farewell"


def test_saving_a_new_presentation_comes_back_to_the_conference(admin, section):
    url = link(programme_tab(admin, section["gothenburg"]), "Add a presentation to Opening plenary")
    data = presentation_data(section["opening"], "Lightning talk", [builders.person("Ada Lovelace")])
    response = admin.post(form_action(admin, url), data)
    assert response["Location"] == edit_url(section["gothenburg"]) + TAB
    assert section["opening"].presentations.filter(title="Lightning talk").exists()


def test_a_next_address_on_another_site_is_ignored(admin, section):
    url = reverse("wagtailsnippets_conferences_session:add") + "?next=https://evil.example/"
    data = {"conference": section["gothenburg"].pk, "title": "Posters", "sort_order": 2}
    response = admin.post(url, data)
    assert "evil.example" not in response["Location"]


def test_new_conference_tab_asks_to_save_first(admin, section):
    url = reverse("wagtailadmin_pages:add", args=["conferences", "conferencepage", section["index"].pk])
    assert "Save the conference first" in admin.get(url).content.decode()


def test_programme_tab_runs_the_same_queries_for_5_and_50_sessions(admin, section, django_assert_max_num_queries):
    conference = builders.conference(section["index"], 2024, title="IASSIST 2024", slug="iassist-2024")

    def grow_to(count):
        while conference.sessions.count() < count:
            session = builders.session(conference, f"Session {conference.sessions.count()}")
            builders.presentation(session, presenters=[("Ada Lovelace", ""), (f"Person {session.pk}", "")])

    grow_to(5)
    admin.get(edit_url(conference))  # warm caches that are filled once per process
    with CaptureQueriesContext(connection) as five:
        admin.get(edit_url(conference))
    grow_to(50)
    with django_assert_max_num_queries(len(five)):
        tab = programme_tab(admin, conference)
    assert len(tab.select(".programme-panel__session")) == 50


# -- the order ------------------------------------------------------------


def order_page(client, section):
    return link(programme_tab(client, section["gothenburg"]), "Change the order")


def test_moving_a_session_down_swaps_it_with_the_next_and_comes_back(admin, section):
    url = order_page(admin, section)
    response = admin.post(url, {"kind": "session", "pk": section["opening"].pk, "direction": "down"})
    assert response.status_code == 302
    titles = list(section["gothenburg"].sessions.order_by("sort_order").values_list("title", flat=True))
    assert titles == ["Closing plenary", "Opening plenary"]
    page = BeautifulSoup(admin.get(response["Location"]).content, "html.parser")
    assert link(page, "Back to IASSIST 2022") == edit_url(section["gothenburg"]) + TAB


def test_moving_a_presentation_up_reorders_only_its_session(admin, section):
    talk = Presentation.objects.get(title="Data for all")
    admin.post(order_page(admin, section), {"kind": "presentation", "pk": talk.pk, "direction": "up"})
    titles = list(section["opening"].presentations.order_by("sort_order").values_list("title", flat=True))
    assert titles == ["Data for all", "Metadata at scale"]


def test_moving_the_first_session_up_changes_nothing(admin, section):
    admin.post(order_page(admin, section), {"kind": "session", "pk": section["opening"].pk, "direction": "up"})
    assert section["gothenburg"].sessions.order_by("sort_order").first().title == "Opening plenary"


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "session", "pk": "x1", "direction": "up"},
        {"kind": "room", "pk": "1", "direction": "up"},
        {"kind": "session", "pk": "1", "direction": "sideways"},
        {"kind": "session", "pk": "9" * 30, "direction": "up"},
        {},
    ],
)
def test_a_malformed_move_gets_a_message_not_a_500(admin, section, data):
    response = admin.post(order_page(admin, section), data, follow=True)
    assert response.status_code == 200
    titles = list(section["gothenburg"].sessions.order_by("sort_order").values_list("title", flat=True))
    assert titles == ["Opening plenary", "Closing plenary"]


def test_a_session_of_another_conference_cannot_be_moved_from_this_one(admin, section):
    sydney = section["sydney"].sessions.get()
    move = {"kind": "session", "pk": sydney.pk, "direction": "up"}
    response = admin.post(order_page(admin, section), move, follow=True)
    assert "no such session" in response.content.decode()


def test_an_organiser_cannot_open_another_conferences_order(client, section):
    client.force_login(builders.member(roles.ensure_organisers(section["gothenburg"]).name, "organiser"))
    assert client.get(reverse("programme_order:order", args=[section["sydney"].pk])).status_code == 404
    assert client.get(reverse("programme_order:order", args=[section["gothenburg"].pk])).status_code == 200


# -- the listings and the session chooser --------------------------------------


def listing(model):
    return reverse(f"wagtailsnippets_conferences_{model}:list")


def chooser(model, view="choose_results"):
    return reverse(f"wagtailsnippetchoosers_conferences_{model}:{view}")


def titles(response, selector="tbody td.title .title-wrapper a"):
    assert response.status_code == 200
    return [a.get_text(strip=True) for a in BeautifulSoup(response.content, "html.parser").select(selector)]


@pytest.mark.parametrize("model", ["session", "presentation"])
def test_listings_start_at_the_newest_conference(admin, section, model):
    builders.presentation(section["sydney"].sessions.get(), "Sydney talk")
    rows = titles(admin.get(listing(model)))
    assert rows.index("Sydney session" if model == "session" else "Sydney talk") == len(rows) - 1


@pytest.mark.parametrize("model", ["session", "presentation"])
def test_listings_filter_by_a_chosen_conference(admin, section, model):
    builders.presentation(section["sydney"].sessions.get(), "Sydney talk")
    rows = titles(admin.get(listing(model), {"conference": section["sydney"].pk}))
    assert rows == (["Sydney session"] if model == "session" else ["Sydney talk"])


@pytest.mark.parametrize("model", ["session", "presentation"])
@pytest.mark.parametrize("value", ["abc", "9" * 40, "-1", "1 OR 1=1", "<b>x</b>"])
def test_a_conference_filter_that_names_no_conference_gets_a_clean_page(admin, section, model, value):
    response = admin.get(listing(model), {"conference": value})
    assert response.status_code == 200
    assert "<b>x</b>" not in response.content.decode()


def test_listings_conference_filter_is_a_chooser_not_a_long_select(admin, section):
    page = BeautifulSoup(admin.get(listing("presentation")).content, "html.parser")
    assert page.select_one("select[name=conference]") is None
    assert page.select_one("input[name=conference]") is not None


def test_conference_chooser_lists_newest_first_and_searches_by_year(admin, section):
    url = reverse("conference_chooser:choose_results")
    assert titles(admin.get(url), "tbody a") == ["IASSIST 2022", "IASSIST 2019"]
    assert titles(admin.get(url, {"q": "2019"}), "tbody a") == ["IASSIST 2019"]


def test_conference_chooser_lists_only_an_organisers_conferences(client, section):
    client.force_login(builders.member(roles.ensure_organisers(section["gothenburg"]).name, "organiser"))
    url = reverse("conference_chooser:choose_results")
    assert titles(client.get(url), "tbody a") == ["IASSIST 2022"]
    assert client.get(reverse("conference_chooser:chosen", args=[section["sydney"].pk])).status_code == 404


def test_session_chooser_lists_newest_conference_first(admin, section):
    assert titles(admin.get(chooser("session")), "tbody a") == [
        "Opening plenary (2022)",
        "Closing plenary (2022)",
        "Sydney session (2019)",
    ]


def test_session_chooser_searches_by_title(admin, section):
    assert titles(admin.get(chooser("session"), {"q": "closing"}), "tbody a") == ["Closing plenary (2022)"]


def test_session_chooser_searches_by_conference_year(admin, section):
    assert titles(admin.get(chooser("session"), {"q": "2019"}), "tbody a") == ["Sydney session (2019)"]


def test_session_chooser_finds_a_workshop_by_its_year_though_its_title_has_none(admin, section):
    workshop = builders.conference(section["index"], 2026, title="6th IASSIST Africa Regional Workshop")
    builders.session(workshop, "Welcome")
    assert titles(admin.get(chooser("session"), {"q": "2026"}), "tbody a") == ["Welcome (2026)"]


def test_session_chooser_filters_by_conference(admin, section):
    response = admin.get(chooser("session"), {"conference": section["sydney"].pk})
    assert titles(response, "tbody a") == ["Sydney session (2019)"]


def test_session_chooser_offers_the_conferences_newest_first(admin, section):
    page = BeautifulSoup(admin.get(chooser("session", "choose")).json()["html"], "html.parser")
    options = [option.get_text(strip=True) for option in page.select("select[name=conference] option")]
    assert options == ["All conferences", "IASSIST 2022", "IASSIST 2019"]


@pytest.mark.parametrize("params", [{"conference": "abc"}, {"q": "x" * 100_000}, {"q": '"'}, {"conference": "9" * 40}])
def test_session_chooser_takes_bad_input_cleanly(admin, section, params):
    assert admin.get(chooser("session"), params).status_code == 200


def test_searching_a_listing_ordered_by_year_gets_a_clean_page(admin, section):
    response = admin.get(listing("presentation"), {"q": "Hopper", "ordering": "conference__year"})
    assert titles(response) == ["Metadata at scale"]


@pytest.mark.parametrize("model", ["session", "presentation"])
@pytest.mark.parametrize(
    "params",
    [{"session": "9" * 40}, {"conference": "9" * 40}, {"session": "²"}, {"conference": "x"}, {"conference": ""}],
)
def test_an_add_view_named_no_conference_or_session_gets_a_clean_form(admin, section, model, params):
    response = admin.get(reverse(f"wagtailsnippets_conferences_{model}:add"), params)
    assert response.status_code == 200
