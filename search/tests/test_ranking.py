"""The ranking rules, on a small built site, through both retrievers."""

import pytest

from conferences.tests import builders
from conferences.text import ordinal
from search.engine import run_search
from search.ranking import conference_naming_score
from search.tests.conftest import first, titles

pytestmark = pytest.mark.django_db


def search(query, retriever, **options):
    return run_search(query, retriever=retriever, **options)


# -- rule 1: DOI -------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["10.5281/zenodo.6620829", "https://doi.org/10.5281/ZENODO.6620829", "doi:10.5281/zenodo.6620829"],
)
def test_a_doi_puts_its_presentation_first(site, retriever, query):
    assert first(search(query, retriever))[1].startswith("Data Skills Pathway")


def test_a_presenters_own_doi_finds_the_presentation(site, retriever):
    entry = site["fair"].presenters.get()
    entry.doi = "10.5281/zenodo.999001"
    entry.save()
    assert first(search("10.5281/zenodo.999001", retriever))[1] == "FAIR Everywhere"


def test_a_presenters_doi_is_found_whatever_its_case(site, retriever):
    entry = site["fair"].presenters.get()
    entry.doi = "10.5281/ZENODO.999002"
    entry.save()
    assert first(search("https://doi.org/10.5281/zenodo.999002", retriever))[1] == "FAIR Everywhere"


def test_a_doi_on_the_presentation_and_its_presenter_finds_it_once(site, retriever):
    entry = site["census"].presenters.first()
    entry.doi = "10.5281/zenodo.6620830"
    entry.save()
    outcome = search("10.5281/zenodo.6620830", retriever)
    assert first(outcome)[1].startswith("Who is counted?")
    assert sum(title.startswith("Who is counted?") for title in titles(outcome)) == 1


# -- rule 2: exact title ------------------------------------------------------------


def test_an_exact_title_puts_the_presentation_first(site, retriever):
    assert first(search("fair everywhere", retriever)) == ("presentation", "FAIR Everywhere", 2019)


def test_an_exact_title_beats_titles_that_only_contain_it(site, retriever):
    assert first(search("Metadata", retriever)) == ("presentation", "Metadata", 2007)


def test_an_exact_title_ignores_punctuation_and_case(site, retriever):
    query = "who is counted the census of canada and ethno racial and indigenous identities"
    assert first(search(query, retriever))[1].startswith("Who is counted?")


def test_a_pages_exact_title_puts_it_first(site, retriever):
    assert first(search("Conference code of conduct", retriever)) == ("page", "Conference Code of Conduct", None)


# -- rule 3: conference named -------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "year"),
    [
        ("2022", 2022),
        ("IASSIST 2019", 2019),
        ("47th", 2022),
        ("45th IASSIST conference", 2019),
        ("Gothenburg", 2022),
        ("Gothenburg 2022", 2022),
        ("sweden", 2022),
        ("Québec", 1995),
        ("quebec", 1995),
        ("Data by Design", 2022),
        ("building a sustainable data culture", 2022),
        ("Data down under", 2019),
        ("McGill University 2007", 2007),
        ("Montreal 2007", 2007),
    ],
)
def test_a_query_naming_a_conference_puts_it_first(site, retriever, query, year):
    kind, _title, found_year = first(search(query, retriever))
    assert (kind, found_year) == ("conference", year)


def test_a_city_beats_a_presentation_with_the_city_in_its_title(site, retriever):
    outcome = search("Gothenburg", retriever)
    assert first(outcome) == ("conference", "IASSIST 2022", 2022)
    assert "What we learnt in Gothenburg about data culture" in titles(outcome, "presentation")


def test_two_conferences_in_one_city_come_newest_first(site, retriever):
    assert titles(search("Montreal", retriever), "conference")[:2] == ["IASSIST 2018", "IASSIST 2007"]


def test_the_annual_conference_comes_before_a_workshop_of_the_same_year(site, retriever):
    assert titles(search("2022", retriever), "conference") == ["IASSIST 2022", "IASSIST Africa 2022 Workshop"]


def test_a_workshop_is_named_by_a_word_of_its_title(site, retriever):
    assert first(search("Africa 2022", retriever)) == ("conference", "IASSIST Africa 2022 Workshop", 2022)


def test_a_year_that_is_not_the_conferences_rules_it_out(site):
    facts = run_search("Montreal").results[0].conference
    assert conference_naming_score(facts, __import__("search.query").query.ParsedQuery.parse("Montreal 1999")) == 0


def test_one_theme_word_does_not_name_a_conference(site, retriever):
    outcome = search("data", retriever)
    assert all(candidate.tier == 0 for candidate in outcome.results if candidate.kind == "conference")


@pytest.mark.parametrize("number", [21, 22, 23])
def test_an_ordinal_with_an_unknown_word_ranks_that_conference_above_titles_with_the_ordinal(site, number):
    # Rule 3 does not apply ("xylophone" is no fact of it), so the conference ranks by how its facts cover the
    # query: its ordinal must be written as the query writes it, "21st", not "21th". The 21st is Québec 1995.
    conference = site["quebec"] if number == 21 else builders.conference(site["index"], 1974 + number, ordinal=number)
    session = builders.session(site["gothenburg"], "Session Z9")
    builders.presentation(session, f"Data libraries in their {ordinal(number)} year")
    outcome = run_search(f"{ordinal(number)} xylophone")
    assert outcome.relaxed
    assert (outcome.results[0].kind, outcome.results[0].pk) == ("conference", conference.pk)


def test_a_host_alone_does_not_name_a_conference(site, retriever):
    outcome = search("McGill University", retriever)
    assert all(candidate.tier == 0 for candidate in outcome.results)


# -- rules 4 and 5: person named ----------------------------------------------------


def test_a_persons_name_puts_the_person_first_then_their_presentations_newest_first(site, retriever):
    outcome = search("Kevin Manuel", retriever)
    assert [(c.kind, c.title) for c in outcome.results[:3]] == [
        ("person", "Kevin Manuel"),
        ("presentation", "Who is counted? The Census of Canada and ethno-racial and Indigenous identities"),
        ("presentation", "FAIR Everywhere"),
    ]


def test_a_name_in_another_order_or_without_accents_names_the_person(site, retriever):
    assert first(search("Garcia, Jose", retriever)) == ("person", "José García", None)


def test_a_surname_finds_the_person_first(site, retriever):
    assert first(search("Manuel", retriever)) == ("person", "Kevin Manuel", None)


def test_a_name_and_a_year_find_that_years_presentations(site, retriever):
    outcome = search("Kevin Manuel 2019", retriever)
    assert [c.title for c in outcome.results if c.kind == "presentation"] == ["FAIR Everywhere"]


def test_an_institution_finds_its_presenters_presentations(site, retriever):
    assert "Data Skills Pathway" in first(search("University of Manchester", retriever))[1]


# -- full text ----------------------------------------------------------------------


def test_abstract_words_find_presentations(site, retriever):
    assert titles(search("racialized populations", retriever)) == [
        "Who is counted? The Census of Canada and ethno-racial and Indigenous identities"
    ]


def test_a_topic_in_a_title_comes_before_the_topic_only_in_an_abstract(site, retriever):
    found = titles(search("data curation", retriever), "presentation")
    assert found[0] == "Data curation services in academic libraries"


def test_a_topic_with_a_year_looks_in_that_years_programme(site, retriever):
    assert titles(search("census 2022", retriever)) == [
        "Who is counted? The Census of Canada and ethno-racial and Indigenous identities"
    ]


def test_ordinary_pages_are_found_by_their_text(site, retriever):
    outcome = search("harassment-free", retriever)
    assert first(outcome) == ("page", "Conference Code of Conduct", None)


def test_a_page_inside_a_conference_carries_its_year(site, retriever):
    outcome = search("register", retriever, kind="page")
    assert first(outcome) == ("page", "Registration", 2022)
    assert outcome.results[0].conference.title == "IASSIST 2022"


def test_when_no_result_has_every_word_results_with_some_are_shown(site, retriever):
    outcome = search("curation zzzyzzx", retriever)
    assert outcome.relaxed
    assert titles(outcome, "presentation")[0] == "Data curation services in academic libraries"


def test_every_result_says_its_kind_and_has_a_url(site, retriever):
    outcome = search("data", retriever)
    assert {c.kind for c in outcome.results} <= {"conference", "presentation", "person", "page"}
    assert all(c.url and c.url.startswith("/conferences/") for c in outcome.results)


# -- filters ------------------------------------------------------------------------


def test_kind_filter_keeps_one_kind_and_counts_them_all(site, retriever):
    outcome = search("Kevin Manuel", retriever, kind="presentation")
    assert {c.kind for c in outcome.results} == {"presentation"}
    assert outcome.counts["person"] == 1


def test_decade_filter_keeps_that_decades_results(site, retriever):
    outcome = search("data", retriever, decade=2000)
    assert outcome.results
    assert {c.year for c in outcome.results} == {2007}


def test_decade_filter_keeps_people_who_presented_then(site, retriever):
    assert titles(search("Kevin Manuel", retriever, decade=2010), "person") == ["Kevin Manuel"]
    assert titles(search("Kevin Manuel", retriever, decade=2000), "person") == []


# -- suggestions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Gothen", "IASSIST 2022"), ("Kevin Man", "Kevin Manuel"), ("FAIR Every", "FAIR Everywhere")],
)
def test_suggestions_complete_the_last_word(site, retriever, typed, expected):
    assert expected in titles(search(typed, retriever, suggest=True))[:3]
