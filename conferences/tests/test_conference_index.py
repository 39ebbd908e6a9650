import datetime

import pytest
from bs4 import BeautifulSoup

from conferences.demo import load_demo_content
from conferences.models import ConferenceIndexPage, ConferencePage
from conferences.tests import builders

pytestmark = pytest.mark.django_db


def content_sequence(html):
    """The index body as (kind, detail) pairs in document order."""
    article = BeautifulSoup(html, "html.parser").select_one("article.conference-index")
    sequence = []
    for element in article.find_all(["h2", "h3", "h4", "div", "a", "p"]):
        classes = element.get("class") or []
        if element.name in ("h2", "h3", "h4") and not element.find_parent(class_="notice"):
            sequence.append(("heading", element.name, element.get_text(strip=True)))
        elif "notice" in classes:
            inner = [h.get_text(strip=True) for h in element.find_all(["h2", "h3", "h4"])]
            sequence.append(("notice", [c for c in classes if c.startswith("notice--")][0], inner))
        elif element.name == "a" and "button" in classes:
            sequence.append(("button", element.get_text(strip=True), element["href"]))
        elif element.name == "p" and "zenodo-link" in classes:
            sequence.append(("zenodo", element.get_text(strip=True), element.a["href"]))
    return sequence


def test_demo_index_shows_the_seed_with_its_panel_computed(client, home_page):
    load_demo_content()
    html = client.get("/conferences/").content.decode()
    upcoming = ConferencePage.objects.get(slug__startswith="iassist20", start_date__gt=datetime.date.today())
    assert content_sequence(html) == [
        ("heading", "h2", "Annual IASSIST Conference"),
        ("notice", "notice--highlight", ["Forthcoming and Recent Conferences"]),
        ("button", upcoming.title, upcoming.url),  # in the year's panel, the forthcoming year
        ("heading", "h3", "2022 IASSIST Events"),
        ("heading", "h4", "IASSIST 2022, Sweden"),
        ("button", "IASSIST 2022, Sweden", "/conferences/iassist-sweden-2022/"),
        ("heading", "h3", "2021 IASSIST Events"),
        ("heading", "h4", "IASSIST 2021 Global Virtual Conference"),
        ("button", "IASSIST 2021 Global Virtual Conference", "/conferences/iassist-virtual-2021/"),
        ("heading", "h4", "IASSIST Africa Workshop 2021"),
        ("button", "IASSIST Africa Workshop 2021", "/conferences/iassist-africa-2021/"),
    ]


def test_demo_upcoming_conference_shows_its_website(client, home_page):
    load_demo_content()
    upcoming = ConferencePage.objects.get(slug__startswith="iassist20", start_date__gt=datetime.date.today())
    soup = BeautifulSoup(client.get(upcoming.url).content, "html.parser")
    text = soup.get_text(" ", strip=True)
    assert "Proposals due" in text
    assert "Call for proposals" in text
    assert "EUR 420" in text
    assert [name.get_text(strip=True) for name in soup.select(".sponsor__name")] == [
        "Nordic Data Archive Network",
        "Social Science Data Trust",
    ]
    assert soup.select_one("details#visa") is not None


def test_demo_index_links_code_of_conduct_and_archive(client, home_page):
    load_demo_content()
    soup = BeautifulSoup(client.get("/conferences/").content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.select("article a")}
    assert links["Code of Conduct"] == "/community/code-of-conduct/"
    assert links["Conference Archive"] == "/conferences/archive/"
    assert client.get("/community/code-of-conduct/").status_code == 200


def test_two_buttons_of_one_event_buttons_block_share_a_row(client, home_page):
    index = builders.conference_index(home_page)
    virtual = builders.conference(index, 2021, title="IASSIST 2021 Global Virtual Conference")
    africa = builders.conference(index, 2021, title="IASSIST Africa Workshop 2021")
    buttons = [
        {"label": label, "page": page, "url": "", "new_tab": False}
        for label, page in [("Global Virtual Conference", virtual), ("Africa Workshop", africa)]
    ]
    index.body = [("event_buttons", buttons)]
    index.save_revision().publish()
    soup = BeautifulSoup(client.get(index.url).content, "html.parser")
    rows = [[a.get_text(strip=True) for a in row.select("a.button")] for row in soup.select(".button-row")]
    assert ["Global Virtual Conference", "Africa Workshop"] in rows


def test_loading_demo_content_twice_duplicates_nothing(home_page):
    load_demo_content()
    from wagtail.models import Page

    count = Page.objects.count()
    assert load_demo_content() == []
    assert Page.objects.count() == count


def test_upcoming_events_are_listed_below_the_body(client, home_page):
    index = builders.conference_index(home_page)
    next_year = datetime.date.today().year + 1
    builders.conference(index, next_year, title="IASSIST Next")
    builders.conference(index, 2010, title="IASSIST Past")
    html = client.get(index.url).content.decode()
    upcoming = BeautifulSoup(html, "html.parser").select_one("section.upcoming")
    assert "IASSIST Next" in upcoming.get_text()
    assert "IASSIST Past" not in upcoming.get_text()


def test_editors_can_turn_the_generated_lists_off(client, home_page):
    index = builders.conference_index(home_page, show_upcoming=False, show_archive_link=False)
    builders.archive_page(index)
    builders.conference(index, datetime.date.today().year + 1)
    soup = BeautifulSoup(client.get(index.url).content, "html.parser")
    assert soup.select_one("section.upcoming") is None
    assert soup.select_one("p.archive-link") is None
    assert soup.select_one("main h1").get_text(strip=True) == index.title


def render_index_with(client, home_page, django_assert_max_num_queries, children, max_queries):
    index = ConferenceIndexPage.objects.first() or builders.conference_index(home_page)
    builders.archive_page(index) if not index.get_children().filter(slug="archive").exists() else None
    next_year = datetime.date.today().year + 1
    for offset in range(children - index.get_children().count() + 1):
        builders.conference(index, next_year + offset % 3, title=f"Conference {offset}")
    with django_assert_max_num_queries(max_queries) as captured:
        assert client.get(index.url).status_code == 200
    return len(captured)


def test_index_with_60_children_renders_in_as_many_queries_as_with_5(client, home_page, django_assert_max_num_queries):
    with_five = render_index_with(client, home_page, django_assert_max_num_queries, 5, 20)
    with_sixty = render_index_with(client, home_page, django_assert_max_num_queries, 60, 20)
    assert with_sixty <= with_five
