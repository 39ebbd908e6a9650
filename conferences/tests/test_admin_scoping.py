"""An organiser reads no title of another conference's programme or drafts anywhere in the admin.

Each test asks, as the Gothenburg organiser, for a place a title can appear, and checks that their
own conference's row is there and Sydney's draft is not.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from conferences import roles
from conferences.tests import builders

pytestmark = pytest.mark.django_db

OWN_SESSION, OTHER_SESSION = "Gothenburg opening session", "Sydney draft session"
OWN_TALK, OTHER_TALK = "Gothenburg opening talk", "Sydney draft talk"
DRAFT_CONFERENCE = "IASSIST 2030 draft"


@pytest.fixture
def section(home_page):
    section = builders.two_conference_section(home_page)
    own = builders.session(section["gothenburg"], OWN_SESSION)
    other = builders.session(section["sydney"], OTHER_SESSION, live=False)
    draft = builders.conference(section["index"], 2030, title=DRAFT_CONFERENCE, slug="iassist-2030", live=False)
    return {
        **section,
        "own": own,
        "other": other,
        "own_talk": builders.presentation(own, OWN_TALK),
        "other_talk": builders.presentation(other, OTHER_TALK, live=False),
        "draft": draft,
    }


@pytest.fixture
def organiser(client, section):
    client.force_login(builders.member(roles.ensure_organisers(section["gothenburg"]).name, "organiser"))
    return client


def options(html, name):
    return [
        option.get_text(strip=True) for option in BeautifulSoup(html, "html.parser").select(f"[name={name}] option")
    ]


def chooser(model, view, *args):
    return reverse(f"wagtailsnippetchoosers_conferences_{model}:{view}", args=args)


def chooser_titles(client, url_name):
    html = client.get(reverse(url_name)).json()["html"]
    return [link.get_text(strip=True) for link in BeautifulSoup(html, "html.parser").select("tbody td.title a")]


def test_presentation_filters_offer_only_their_conference_and_its_sessions(organiser, section):
    listing = reverse("wagtailsnippets_conferences_presentation:list")
    html = organiser.get(listing).content.decode()
    # The session filter is the scoped session chooser, which lists only their conference's sessions.
    assert chooser("session", "choose") in html
    html = organiser.get(chooser("session", "choose")).json()["html"]
    assert OWN_SESSION in html and OTHER_SESSION not in html
    assert chooser_titles(organiser, "conference_chooser:choose") == ["IASSIST 2022"]
    # Another conference's session typed into the address filters nothing: it is not a choice.
    refused = organiser.get(listing, {"session": section["other"].pk}).content.decode()
    assert "Select a valid choice" in refused and OTHER_SESSION not in refused


def test_session_filter_offers_only_their_conference(organiser, section):
    html = organiser.get(reverse("wagtailsnippets_conferences_session:list")).content.decode()
    assert reverse("conference_chooser:choose") in html
    assert chooser_titles(organiser, "conference_chooser:choose") == ["IASSIST 2022"]


@pytest.mark.parametrize(
    ("model", "own", "other"), [("session", OWN_SESSION, OTHER_SESSION), ("presentation", OWN_TALK, OTHER_TALK)]
)
def test_chooser_lists_only_their_conferences_rows(organiser, section, model, own, other):
    html = organiser.get(chooser(model, "choose_results")).content.decode()
    assert own in html and other not in html


@pytest.mark.parametrize("query", ["Sydney", "draft", "session"])
def test_chooser_search_finds_only_their_conferences_sessions(organiser, section, query):
    html = organiser.get(chooser("session", "choose_results"), {"q": query}).content.decode()
    assert OTHER_SESSION not in html
    assert OWN_SESSION in organiser.get(chooser("session", "choose_results"), {"q": "opening"}).content.decode()


@pytest.mark.parametrize(
    ("model", "own", "other"), [("session", "own", "other"), ("presentation", "own_talk", "other_talk")]
)
def test_chosen_answers_404_for_another_conferences_row(organiser, section, model, own, other):
    refused = organiser.get(chooser(model, "chosen", section[other].pk))
    assert refused.status_code == 404 and section[other].title not in refused.content.decode()
    assert section[own].title in organiser.get(chooser(model, "chosen", section[own].pk)).content.decode()


def test_chosen_multiple_leaves_out_another_conferences_rows(organiser, section):
    url = chooser("session", "chosen_multiple")
    body = organiser.get(url, {"id": [section["own"].pk, section["other"].pk]}).content.decode()
    assert OWN_SESSION in body and OTHER_SESSION not in body


@pytest.mark.parametrize(
    ("model", "own", "other"), [("session", "own", "other"), ("presentation", "own_talk", "other_talk")]
)
def test_bulk_delete_confirmation_names_only_their_conferences_rows(organiser, section, model, own, other):
    url = reverse("wagtail_bulk_action", args=["conferences", model, "delete"])
    only_other = organiser.get(url, {"id": section[other].pk})
    assert only_other.status_code == 404 and section[other].title not in only_other.content.decode()
    both = organiser.get(url, {"id": [section[own].pk, section[other].pk]}).content.decode()
    assert section[own].title in both and section[other].title not in both


@pytest.mark.parametrize("action", ["delete", "publish", "unpublish", "move"])
def test_page_bulk_actions_name_no_page_they_cannot_explore(organiser, section, action):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    pages = {"id": [section["gothenburg"].pk, section["draft"].pk], "childOf": section["index"].pk}
    html = organiser.get(url, pages).content.decode()
    assert "IASSIST 2022" in html and DRAFT_CONFERENCE not in html


def test_page_chooser_shows_published_pages_and_their_own_but_no_other_draft(organiser, section):
    html = organiser.get(reverse("wagtailadmin_choose_page_child", args=[section["index"].pk])).content.decode()
    assert "IASSIST 2022" in html and "IASSIST 2019" in html
    assert DRAFT_CONFERENCE not in html


def test_page_chooser_search_finds_no_other_draft(organiser, section):
    html = organiser.get(reverse("wagtailadmin_choose_page_search"), {"q": "IASSIST"}).content.decode()
    assert "IASSIST 2022" in html and DRAFT_CONFERENCE not in html


def test_site_history_shows_only_their_conferences_rows(organiser, section):
    for row in (section["own"], section["other"]):
        row.save_revision(log_action=True)
    html = organiser.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert OWN_SESSION in html and OTHER_SESSION not in html


@pytest.mark.parametrize("model", ["session", "presentation"])
def test_another_conference_typed_into_the_filter_shows_no_title_of_it(organiser, section, model):
    html = organiser.get(reverse(f"wagtailsnippets_conferences_{model}:list"), {"conference": section["draft"].pk})
    assert DRAFT_CONFERENCE not in html.content.decode()
