"""“50 years of IASSIST”: its numbers equal the database's, its charts are accessible SVG, its links lead on."""

import re
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db.models import Count

from conferences.choices import ConferenceKind
from conferences.models import ConferencePage, Presentation, Presenter
from conferences.tests import builders
from openarchive import charts, figures
from openarchive.topics import VOCABULARY, topics_in

pytestmark = pytest.mark.django_db

URL = "/data/fifty-years/"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def archive(home_page):
    """Three annual conferences in two decades and a workshop, with presenters, topics and one draft."""
    index = builders.conference_index(home_page)
    builders.archive_page(index)
    sydney = builders.conference(index, 1998, slug="iassist1998", city="Sydney", country="Australia")
    ottawa = builders.conference(index, 2023, slug="iassist2023", city="Ottawa", country="Canada")
    gothenburg = builders.conference(index, 2025, slug="iassist2025", city="Gothenburg", country="Sweden")
    builders.conference(index, 2025, slug="workshop2025", kind=ConferenceKind.WORKSHOP, city="Lyon", country="France")
    old = builders.session(sydney)
    builders.presentation(old, "Census microdata on CD-ROM", presenters=[("Ann Early", "University of Essex")])
    builders.presentation(old, "Survey archives", presenters=[("Bo Late", "university of  Essex")])
    recent = builders.session(ottawa)
    ottawa_talk = builders.presentation(
        recent, "DDI metadata for everyone", presenters=[("Cy Data", "Statistics Canada")],
        abstract="Research data management with DDI.",
    )  # fmt: skip
    Presenter.objects.filter(presentation=ottawa_talk).update(country="Canada")
    builders.presentation(builders.session(gothenburg), "Machine learning and privacy", presenters=[("Di Ai", "UCL")])
    draft = builders.presentation(recent, "A census draft", presenters=[("Ed Hidden", "Secret Lab")])
    Presentation.objects.filter(pk=draft.pk).update(live=False)
    return {"sydney": sydney, "ottawa": ottawa, "gothenburg": gothenburg}


def _soup(client):
    response = client.get(URL)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _table(soup, caption):
    table = soup.find("caption", string=caption).parent
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in table.tbody("tr")]


def _svgs(content):
    return re.findall(rb"<svg\b[^>]*class=\"chart\".*?</svg>", content, re.S)


def test_presentations_per_year_equal_the_public_presentations(client, archive):
    public = Presentation.objects.public().values("conference__year").annotate(n=Count("pk"))
    expected = Counter({row["conference__year"]: row["n"] for row in public})
    rows = _table(_soup(client), "Conferences and presentations per year")
    years = sorted(set(ConferencePage.objects.live().values_list("year", flat=True)))
    assert [(int(row[0]), int(row[2])) for row in rows] == [(year, expected[year]) for year in years]


def test_each_year_links_to_its_conference(client, archive):
    soup = _soup(client)
    chart = soup.find("svg", id="chart-years")
    hrefs = [link["href"] for link in chart.find_all("a")]
    assert archive["sydney"].url in hrefs
    assert archive["ottawa"].url in hrefs
    # The annual conference is the year's link, not the workshop of the same year.
    assert archive["gothenburg"].url in hrefs and len(hrefs) == 3


def test_host_countries_count_the_annual_conferences(client, archive):
    annual = ConferencePage.objects.live().filter(kind=ConferenceKind.ANNUAL)
    expected = Counter(annual.values_list("country", flat=True))
    rows = _table(_soup(client), "Annual conferences hosted, by country")
    assert {row[0]: int(row[1]) for row in rows} == dict(expected)


def test_a_country_spelt_with_and_without_the_counts_as_one_host(client, archive):
    index = archive["ottawa"].get_parent()
    builders.conference(index, 2001, slug="iassist2001", city="Amsterdam", country="The Netherlands")
    builders.conference(index, 2011, slug="iassist2011", city="Vancouver", country="Canada")
    builders.conference(index, 2019, slug="iassist2019", city="Utrecht", country="netherlands ")
    builders.conference(index, 2021, slug="iassist2021", city="Delft", country="Netherlands")
    rows = {row[0]: int(row[1]) for row in _table(_soup(client), "Annual conferences hosted, by country")}
    assert rows["Netherlands"] == 3 and rows["Canada"] == 2
    assert not {"The Netherlands", "netherlands"} & set(rows)


@pytest.mark.parametrize(
    "spellings, key",
    [(["The Netherlands", "Netherlands", " the  netherlands"], "netherlands"), (["The Gambia", "Gambia"], "gambia")],
)
def test_country_spellings_that_differ_by_case_spacing_or_the_share_a_key(spellings, key):
    assert {figures.country_key(name) for name in spellings} == {key}


def test_the_alone_is_a_country_name_not_an_article():
    assert figures.country_key("The") == "the"


def test_host_cities_are_listed_by_decade(client, archive):
    rows = _table(_soup(client), "Host cities by decade")
    assert rows == [["1990s", "1998: Sydney, Australia"], ["2020s", "2023: Ottawa, Canada; 2025: Gothenburg, Sweden"]]


def test_institutions_that_differ_only_in_case_and_spacing_count_as_one(client, archive):
    rows = _table(_soup(client), "Presenter entries by institution and decade")
    assert rows[0] == ["University of Essex", "2", "0"]


def test_institutions_over_time_equal_the_presenter_entries_per_decade(client, archive):
    entries = Presenter.objects.filter(presentation__in=Presentation.objects.public())
    expected = Counter(
        (" ".join(institution.split()).casefold(), f"{year // 10 * 10}s")
        for year, institution in entries.values_list("presentation__conference__year", "institution")
    )
    table = _soup(client).find("caption", string="Presenter entries by institution and decade").parent
    decades = [th.get_text() for th in table.thead("th")[1:]]
    found = Counter()
    for row in table.tbody("tr"):
        for decade, cell in zip(decades, row("td"), strict=True):
            found[(row.th.get_text(strip=True).casefold(), decade)] += int(cell.get_text())
    assert +found == expected


def test_an_institution_cell_searches_for_its_presentations_in_its_decade(client, archive):
    chart = _soup(client).find("svg", id="chart-institutions")
    link = chart.find(
        "a", attrs={"aria-label": re.compile(r"^2 presenter entries from University of Essex in the 1990s")}
    )
    assert parse_qs(urlsplit(link["href"]).query) == {"q": ['"University of Essex"'], "kind": ["presentation"],
                                                      "decade": ["1990"]}  # fmt: skip
    found = client.get(link["href"]).content.decode()
    assert "Census microdata on CD-ROM" in found and "Survey archives" in found


def test_an_institution_cell_with_no_entries_leads_nowhere(client, archive):
    chart = _soup(client).find("svg", id="chart-institutions")
    assert not chart.find("a", attrs={"aria-label": re.compile(r"^0 presenter entries")})


def test_a_draft_presentations_presenters_are_not_counted(client, archive):
    assert "Secret Lab" not in _soup(client).get_text()


def test_presenters_countries_are_counted_only_where_given(client, archive):
    expected = Counter(
        Presenter.objects.filter(presentation__in=Presentation.objects.public())
        .exclude(country="")
        .values_list("country", flat=True)
    )
    soup = _soup(client)
    rows = _table(soup, "Presenter entries by country and year, where the programme gave it")
    assert {row[0]: int(row[-1]) for row in rows} == dict(expected)
    assert "Only the programmes of 2023 gave presenters' countries" in soup.get_text()


def test_presenters_countries_are_counted_per_year(client, archive):
    tokyo = builders.conference(
        archive["ottawa"].get_parent(), 2024, slug="iassist2024", city="Tokyo", country="Japan"
    )
    talk = builders.presentation(builders.session(tokyo), "Open data", presenters=[("Gu Ide", "U. Tokyo")])
    Presenter.objects.filter(presentation=talk).update(country="Canada")
    builders.person("Someone Saving")  # a save: the figures count afresh
    expected = Counter(
        Presenter.objects.filter(presentation__in=Presentation.objects.public())
        .exclude(country="")
        .values_list("country", "presentation__conference__year")
    )
    table = _soup(client).find("caption", string=re.compile("^Presenter entries by country and year")).parent
    years = [int(th.get_text()) for th in table.thead("th")[1:-1]]
    found = Counter()
    for row in table.tbody("tr"):
        for year, cell in zip(years, row("td")[:-1], strict=True):
            found[(row.th.get_text(strip=True), year)] += int(cell.get_text())
    assert years == [2023, 2024] and +found == expected


def test_the_countries_grid_is_a_picture_as_its_cells_lead_nowhere(client, archive):
    chart = _soup(client).find("svg", id="chart-countries")
    assert chart["role"] == "img" and not chart.find("a")


def test_topic_counts_equal_the_vocabulary_over_public_presentations(client, archive):
    expected = Counter()
    for year, title, abstract in Presentation.objects.public().values_list("conference__year", "title", "abstract"):
        for topic in topics_in(f"{title} {abstract}"):
            expected[(topic.label, f"{year // 10 * 10}s")] += 1
    soup = _soup(client)
    table = soup.find("caption", string="Presentations mentioning each topic, by decade").parent
    decades = [th.get_text() for th in table.thead("th")[1:]]
    found = Counter()
    for row in table.tbody("tr"):
        label = row.th.get_text(strip=True)
        for decade, cell in zip(decades, row("td"), strict=True):
            found[(label, decade)] += int(cell.get_text())
    assert +found == expected
    assert expected[("Census", "1990s")] == 1  # the draft's census is not counted


def test_a_topic_cell_links_to_the_search_for_its_term_in_its_decade(client, archive):
    chart = _soup(client).find("svg", id="chart-topics")
    link = chart.find("a", attrs={"aria-label": re.compile(r"presentations on DDI in the 2020s")})
    address = urlsplit(link["href"])
    assert address.path == "/search/"
    assert parse_qs(address.query) == {"q": ["DDI"], "decade": ["2020"]}
    assert client.get(link["href"]).status_code == 200


def test_a_topic_cell_with_no_presentations_leads_nowhere(client, archive):
    soup = _soup(client)
    assert not soup.find("svg", id="chart-topics").find("a", attrs={"aria-label": re.compile(r"^0 presentations")})
    table = soup.find("caption", string="Presentations mentioning each topic, by decade").parent
    empty = [cell for cell in table.tbody("td") if cell.get_text(strip=True) == "0"]
    assert empty and not any(cell.a for cell in empty)


def test_every_chart_is_svg_with_a_title_and_description(client, archive):
    content = client.get(URL).content
    svgs = _svgs(content)
    # Per year, the world map, host countries, institutions, presenters' countries, topics.
    assert len(svgs) == 6
    for markup in svgs:
        svg = ET.fromstring(markup)
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title.text and desc.text
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert svg.get("role") == ("group" if svg.find(f".//{SVG}a") is not None else "img")
        assert svg.get("viewBox") and svg.get("width") == "100%"


def test_the_page_runs_a_bounded_number_of_queries(client, archive, django_assert_max_num_queries):
    for year in range(1976, 1990):
        conference = builders.conference(ConferencePage.objects.first().get_parent(), year, slug=f"c{year}")
        builders.presentation(builders.session(conference), presenters=[("Fay More", f"Institute {year}")])
    with django_assert_max_num_queries(16):
        client.get(URL)


def test_a_second_visit_reads_the_figures_from_the_cache(client, archive, django_assert_max_num_queries):
    client.get(URL)
    with django_assert_max_num_queries(len(_queries_of_a_render(client)) - 4):
        client.get(URL)


def _queries_of_a_render(client):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        client.get(URL)
    return captured.captured_queries


def test_hostile_labels_are_escaped_in_charts_and_tables(client, archive):
    ConferencePage.objects.filter(pk=archive["ottawa"].pk).update(country='<script>alert("x")</script>')
    builders.person("Someone Saving")  # a save: the figures count afresh
    content = client.get(URL).content
    assert b"<script>alert" not in content
    for markup in _svgs(content):
        ET.fromstring(markup)


def test_an_empty_archive_still_renders(client, home_page):
    content = client.get(URL).content
    assert b"No programme on this site gives presenters' countries yet." in content
    for markup in _svgs(content):
        ET.fromstring(markup)


def test_a_bar_chart_scales_bars_to_the_largest_value():
    svg = ET.fromstring(charts.bar_chart("c", "T", "D", [("a", 10, None, ""), ("b", 5, None, "")]))
    widths = [float(rect.get("width")) for rect in svg.iter(f"{SVG}rect")]
    assert widths[0] == pytest.approx(2 * widths[1])


def test_long_labels_are_shortened_in_the_chart():
    svg = ET.fromstring(charts.bar_chart("c", "T", "D", [("A" * 200, 1, None, "")]))
    label = next(svg.iter(f"{SVG}text")).text
    assert label.endswith("…") and len(label) < 40


def test_shades_keep_the_none_cell_white_and_the_largest_darkest():
    assert charts.shade(0, 10) == charts.SCALE[0]
    assert charts.shade(10, 10) == charts.SCALE[-1]
    assert charts.shade(1, 10) == charts.SCALE[1]


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Our DDI work", "ddi"), ("GIS at the library", "gis"), ("Confidentiality of microdata", "privacy"),
     ("A research data management plan", "rdm"), ("Anonymisation in practice", "privacy")],
)  # fmt: skip
def test_a_topic_is_found_by_its_patterns(text, slug):
    assert slug in [topic.slug for topic in topics_in(text)]


@pytest.mark.parametrize("text", ["Register of staff", "Paddington", "Fairly simple", "A chair"])
def test_a_topic_is_not_found_inside_other_words(text):
    assert topics_in(text) == []


def test_every_topic_has_a_search_query():
    assert all(topic.query.strip() for topic in VOCABULARY)


def test_every_topic_label_fits_beside_its_chart_row():
    svg = ET.fromstring(charts.heat_grid("c", "T", "D", ["2020s"], [(t.label, [(1, None, "")]) for t in VOCABULARY]))
    labels = [text.text for text in svg.iter(f"{SVG}text")][1::2]
    assert labels == [topic.label for topic in VOCABULARY]


def test_an_online_conference_is_placed_online(client, archive):
    index = archive["ottawa"].get_parent()
    builders.conference(index, 2021, slug="iassist2021", city="", country="", attendance_mode="online")
    rows = _table(_soup(client), "Host cities by decade")
    assert rows[1][1].startswith("2021: Online;")
