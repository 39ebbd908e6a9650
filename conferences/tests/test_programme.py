import pytest
from bs4 import BeautifulSoup
from django.db.models import ProtectedError

from conferences.citations import bibtex, citation_html, plain_citation
from conferences.models import Person, Presentation, PresentationDOI, Presenter, Session
from conferences.models.programme_query import conference_programme
from conferences.tests import builders
from conferences.text import person_name_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


@pytest.fixture
def conference(index):
    return builders.conference(index, 2022, ordinal=47, theme="Data by Design", title="IASSIST 2022")


@pytest.fixture
def panel(conference):
    """A presentation with two presenters and two DOIs."""
    session = builders.session(conference, "Session A1", day="June 8, 2022", chair="Lynda Kellam")
    return builders.presentation(
        session,
        "Who is counted? The Census of Canada",
        slug="who-is-counted",
        presenters=[("Kevin Manuel", "Ryerson University"), ("Rosa Orlandini", "York University")],
        dois=["10.5281/zenodo.8135967", "https://doi.org/10.5281/ZENODO.6620829"],
        abstract="Finding data on race.\n\nA second paragraph.",
    )


class TestPersonMatching:
    @pytest.mark.parametrize(
        ("first", "second"),
        [
            ("José García", "Jose Garcia"),
            ("Jose Garcia", "jose  garcia"),
            ("Thomas Krämer", "THOMAS KRAMER"),
            ("San Cannon ", " San Cannon"),
            ("J.R. Smith", "J R Smith"),
        ],
    )
    def test_same_person_spelt_differently_meets_under_one_key(self, first, second):
        assert person_name_key(first) == person_name_key(second)

    @pytest.mark.parametrize(
        ("first", "second"),
        [("John Smith", "Jon Smith"), ("J. Smith", "John Smith"), ("Ann Lee", "Anne Lee"), ("Li Wei", "Wei Li")],
    )
    def test_different_people_with_similar_names_stay_apart(self, first, second):
        assert person_name_key(first) != person_name_key(second)

    def test_a_person_presenting_in_two_years_is_one_person(self, index):
        for year in (2019, 2022):
            session = builders.session(builders.conference(index, year))
            builders.presentation(session, presenters=[("Kevin Manuel", "A")])
        assert Person.objects.filter(name_key="kevin manuel").count() == 1
        assert Person.objects.get(name_key="kevin manuel").presenter_entries.count() == 2

    def test_person_slugs_are_unique(self):
        first = Person.objects.create(name="Ann Lee")
        second = Person.objects.create(name="Ann-Lee")
        assert first.slug != second.slug


class TestOrdering:
    def test_sessions_follow_their_sort_order(self, conference):
        builders.session(conference, "Second", sort_order=2)
        builders.session(conference, "First", sort_order=1)
        assert [s["title"] for s in conference_programme(conference)] == ["First", "Second"]

    def test_presentations_follow_their_sort_order_within_a_session(self, conference):
        session = builders.session(conference)
        builders.presentation(session, "Later", sort_order=5)
        builders.presentation(session, "Earlier", sort_order=1)
        titles = [p["title"] for p in conference_programme(conference)[0]["presentations"]]
        assert titles == ["Earlier", "Later"]

    def test_presenters_keep_their_order(self, panel):
        assert [entry.person.name for entry in panel.presenters.all()] == ["Kevin Manuel", "Rosa Orlandini"]


class TestIntegrity:
    def test_presentations_do_not_outlive_their_conference(self, conference, panel):
        assert Presenter.objects.filter(presentation=panel).exists() and panel.dois.exists()
        conference.delete()
        assert not Session.objects.exists()
        assert not Presentation.objects.exists()
        assert not Presenter.objects.exists() and not PresentationDOI.objects.exists()

    def test_people_stay_when_a_conference_goes(self, conference, panel):
        conference.delete()
        assert Person.objects.filter(name="Kevin Manuel").exists()

    def test_a_person_with_presentations_cannot_be_deleted(self, panel):
        with pytest.raises(ProtectedError):
            Person.objects.get(name="Kevin Manuel").delete()

    def test_session_of_another_conference_is_refused(self, index, conference):
        other_session = builders.session(builders.conference(index, 2023))
        item = Presentation(conference=conference, session=other_session, title="X", slug="x")
        with pytest.raises(Exception, match="another conference"):
            item.full_clean()

    def test_dois_are_stored_bare_and_lower_case(self, panel):
        assert [doi.doi for doi in panel.dois.all()] == ["10.5281/zenodo.8135967", "10.5281/zenodo.6620829"]


class TestProgrammePage:
    def test_shows_sessions_presentations_presenters_and_dois(self, client, conference, panel):
        soup = BeautifulSoup(client.get(conference.url).content, "html.parser")
        session = soup.select_one("section.session")
        assert session.select_one(".session__title").get_text() == "Session A1"
        assert "June 8, 2022" in session.select_one(".session__meta").get_text()
        assert "Chair: Lynda Kellam" in session.select_one(".session__meta").get_text()
        item = session.select_one("li.presentation")
        assert item.select_one(".presentation__title a")["href"] == f"{conference.url}presentations/who-is-counted/"
        presenters = item.select_one(".presenters").get_text(" ", strip=True)
        assert "Kevin Manuel (Ryerson University)" in presenters
        assert [a["href"] for a in item.select(".materials a")] == [
            "https://doi.org/10.5281/zenodo.8135967",
            "https://doi.org/10.5281/zenodo.6620829",
        ]

    def test_a_panellists_own_doi_is_linked_beside_their_name(self, client, conference, panel):
        panel.presenters.filter(person__name="Rosa Orlandini").update(doi="10.5281/zenodo.777")
        soup = BeautifulSoup(client.get(conference.url).content, "html.parser")
        line = soup.select_one("li.presentation .presenters")
        people = [entry.person for entry in panel.presenters.order_by("sort_order", "pk")]
        # Right after the panellist's own name, and nobody else's.
        assert [a["href"] for a in line.select("a")] == [
            f"/conferences/people/{people[0].slug}/",
            f"/conferences/people/{people[1].slug}/",
            "https://doi.org/10.5281/zenodo.777",
        ]
        assert people[1].name == "Rosa Orlandini"

    def test_abstracts_are_collapsed_in_details(self, client, conference, panel):
        soup = BeautifulSoup(client.get(conference.url).content, "html.parser")
        details = soup.select_one("li.presentation details.abstract")
        assert details is not None and not details.has_attr("open")
        assert "Finding data on race." in details.get_text()

    def test_presenter_links_lead_to_their_person_page(self, client, conference, panel):
        soup = BeautifulSoup(client.get(conference.url).content, "html.parser")
        href = soup.select_one(".presenters a")["href"]
        assert href == "/conferences/people/kevin-manuel/"
        assert client.get(href).status_code == 200

    def test_session_recording_is_linked(self, client, conference):
        builders.session(conference, "Plenaries", video_id="R7mH1L2ODDM")
        html = client.get(conference.url).content.decode()
        assert "https://www.youtube.com/watch?v=R7mH1L2ODDM" in html

    def test_user_text_is_escaped(self, client, conference):
        session = builders.session(conference, "<script>alert(1)</script>")
        builders.presentation(session, "<img src=x onerror=alert(1)>", abstract="<b>bold</b>")
        html = client.get(conference.url).content.decode()
        assert "<script>alert(1)" not in html and "<img src=x" not in html and "<b>bold" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html


def build_programme(conference, sessions, per_session):
    for number in range(sessions):
        session = builders.session(conference, f"Session {number}", chair="Chair")
        for _ in range(per_session):
            builders.presentation(
                session,
                presenters=[("A Person", "Inst"), (f"P {number}", "Inst")],
                dois=["10.5281/zenodo.1"],
                abstract="Text",
            )


def render_queries(client, url, django_assert_max_num_queries, bound):
    with django_assert_max_num_queries(bound) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_programme_queries_do_not_grow_with_the_programme(client, index, django_assert_max_num_queries):
    small = builders.conference(index, 2021)
    build_programme(small, 2, 2)
    big = builders.conference(index, 2022)
    build_programme(big, 17, 10)
    assert big.presentations.count() == 170
    small_queries = render_queries(client, small.url, django_assert_max_num_queries, 25)
    big_queries = render_queries(client, big.url, django_assert_max_num_queries, 25)
    assert big_queries <= small_queries


class TestPresentationPage:
    def test_shows_full_abstract_presenters_and_dois(self, client, conference, panel):
        html = client.get(panel.get_url()).content.decode()
        assert "Who is counted? The Census of Canada" in html
        assert "A second paragraph." in html
        assert "York University" in html
        assert "https://doi.org/10.5281/zenodo.6620829" in html

    def test_a_panellists_own_doi_is_linked_on_the_presentation_page(self, client, conference, panel):
        panel.presenters.filter(person__name="Kevin Manuel").update(doi="10.5281/zenodo.778")
        soup = BeautifulSoup(client.get(panel.get_url()).content, "html.parser")
        link = soup.select_one(".presenters a.presenter__doi")
        assert link["href"] == "https://doi.org/10.5281/zenodo.778"
        assert "Kevin Manuel" in link.get_text()

    def test_citation_meta_tags_for_two_presenters_and_two_dois(self, client, conference, panel):
        soup = BeautifulSoup(client.get(panel.get_url()).content, "html.parser")

        def meta(name):
            return [tag["content"] for tag in soup.find_all("meta", attrs={"name": name})]

        assert meta("citation_title") == ["Who is counted? The Census of Canada"]
        assert meta("citation_author") == ["Kevin Manuel", "Rosa Orlandini"]
        assert meta("citation_conference_title") == ["IASSIST 2022: Data by Design"]
        assert meta("citation_date") == ["2022/06/07"]
        assert meta("citation_doi") == ["10.5281/zenodo.8135967", "10.5281/zenodo.6620829"]

    def test_bibtex_download(self, client, conference, panel):
        response = client.get(f"{panel.get_url()}bibtex/")
        assert response["Content-Type"].startswith("application/x-bibtex")
        assert 'filename="who-is-counted.bib"' in response["Content-Disposition"]
        body = response.content.decode()
        assert body.startswith("@inproceedings{manuel2022counted,")
        assert "  author = {Kevin Manuel and Rosa Orlandini}," in body
        assert "  booktitle = {IASSIST 2022: Data by Design}," in body
        assert "  year = {2022}," in body
        assert "  doi = {10.5281/zenodo.8135967, 10.5281/zenodo.6620829}," in body
        assert "  url = {http://testserver/conferences/" in body

    def test_bibtex_escapes_special_characters(self, conference):
        session = builders.session(conference)
        item = builders.presentation(session, "Costs & 100% {braces}_x", presenters=[("A B", "")])
        assert "title = {Costs \\& 100\\% braces\\_x}" in bibtex(item)

    def test_plain_citation(self, panel):
        assert plain_citation(panel) == (
            "Kevin Manuel & Rosa Orlandini (2022). Who is counted? The Census of Canada. "
            "IASSIST 2022: Data by Design, Gothenburg, Sweden. https://doi.org/10.5281/zenodo.8135967 "
            "https://doi.org/10.5281/zenodo.6620829"
        )

    def test_citation_html_links_each_doi_with_break_points_after_slashes(self, panel):
        html = citation_html(panel)
        assert (
            '<a href="https://doi.org/10.5281/zenodo.8135967">https://doi.org/<wbr>10.5281/<wbr>zenodo.8135967</a>'
            in html
        )
        assert html.count("<a ") == 2

    def test_citation_html_escapes_the_title(self, conference):
        session = builders.session(conference)
        item = builders.presentation(session, "<b>Bold</b> & co", presenters=[("A B", "")])
        assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co." in citation_html(item)
        assert "<b>" not in citation_html(item)

    def test_unknown_presentation_is_404(self, client, conference, panel):
        assert client.get(f"{conference.url}presentations/nope/").status_code == 404
        assert client.get(f"{conference.url}presentations/{panel.slug}/").status_code == 200

    def test_presentation_of_another_conference_is_404_here(self, client, index, conference, panel):
        other = builders.conference(index, 2023)
        assert client.get(f"{other.url}presentations/{panel.slug}/").status_code == 404
        assert client.get(f"{conference.url}presentations/{panel.slug}/").status_code == 200

    def test_presentation_page_queries_are_bounded(self, client, panel, django_assert_max_num_queries):
        # 25, and three reads of the public programme for related presentations when none are cached.
        with django_assert_max_num_queries(28):
            client.get(panel.get_url())


class TestPersonPage:
    def test_lists_presentations_across_years_newest_first(self, client, index):
        for year in (2015, 2022):
            session = builders.session(builders.conference(index, year))
            builders.presentation(session, f"Talk of {year}", presenters=[("Kevin Manuel", f"Inst {year}")])
        soup = BeautifulSoup(client.get("/conferences/people/kevin-manuel/").content, "html.parser")
        titles = [a.get_text() for a in soup.select(".conference-list__title a")]
        assert titles == ["Talk of 2022", "Talk of 2015"]
        assert "Inst 2015" in soup.get_text()

    def test_person_page_queries_do_not_grow_with_their_talks(self, client, index, django_assert_max_num_queries):
        def add_talks(years):
            for year in years:
                session = builders.session(builders.conference(index, year))
                builders.presentation(session, presenters=[("Kevin Manuel", "York University")])

        add_talks([2001])
        with django_assert_max_num_queries(30) as few:
            client.get("/conferences/people/kevin-manuel/")
        add_talks(range(2002, 2012))
        with django_assert_max_num_queries(len(few)):
            response = client.get("/conferences/people/kevin-manuel/")
        assert response.content.decode().count('class="conference-list__item"') == 11

    def test_unknown_person_is_404(self, client, index, panel):
        assert client.get("/conferences/people/nobody/").status_code == 404
        assert client.get("/conferences/people/kevin-manuel/").status_code == 200

    def test_people_index_counts_talks(self, client, panel):
        text = BeautifulSoup(client.get("/conferences/people/").content, "html.parser").get_text(" ", strip=True)
        assert "Kevin Manuel (1)" in text


def add_people(count):
    names = [f"Presenter {number:04d}" for number in range(count)]
    Person.objects.bulk_create(
        [
            Person(name=name, name_key=person_name_key(name), slug=f"presenter-{number}")
            for number, name in enumerate(names)
        ]
    )
    return names


class TestPeopleIndexPages:
    def test_people_are_listed_a_page_at_a_time_in_name_order(self, client, index):
        from conferences.models.pages import PEOPLE_PER_PAGE

        names = add_people(PEOPLE_PER_PAGE + 3)
        first = BeautifulSoup(client.get("/conferences/people/").content, "html.parser")
        second = BeautifulSoup(client.get("/conferences/people/?page=2").content, "html.parser")
        listed = [a.get_text() for soup in (first, second) for a in soup.select(".people-list a")]
        assert listed == names
        assert first.select_one("nav.pagination a[rel=next]")["href"].endswith("page=2")

    def test_a_page_that_does_not_exist_is_404(self, client, index):
        add_people(3)
        for bad in ("2", "0", "abc", "1e9"):
            assert client.get(f"/conferences/people/?page={bad}").status_code == 404, bad
        assert client.get("/conferences/people/?page=1").status_code == 200

    def test_people_index_queries_do_not_grow_with_the_people(self, client, index, django_assert_max_num_queries):
        add_people(5)
        with django_assert_max_num_queries(30) as few:
            client.get("/conferences/people/")
        Person.objects.bulk_create(
            [Person(name=f"Other {n}", name_key=f"other {n}", slug=f"other-{n}") for n in range(400)]
        )
        with django_assert_max_num_queries(len(few)):
            client.get("/conferences/people/?page=2")


class TestSitemap:
    def test_sitemap_lists_every_presentation_page(self, client, conference, panel):
        body = client.get("/sitemap.xml").content.decode()
        assert f"<loc>http://testserver{panel.get_url()}</loc>" in body

    def test_presentations_of_an_unpublished_conference_are_left_out(self, client, conference, panel):
        assert panel.slug in client.get("/sitemap.xml").content.decode()
        conference.unpublish()
        assert panel.slug not in client.get("/sitemap.xml").content.decode()

    def test_sitemap_queries_do_not_grow_with_the_presentations(
        self, client, index, conference, panel, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(40) as few:
            client.get("/sitemap.xml")
        build_programme(conference, sessions=3, per_session=20)
        with django_assert_max_num_queries(len(few)):
            body = client.get("/sitemap.xml").content.decode()
        assert body.count("/presentations/") == conference.presentations.count()
