"""A small built site for the search tests: conferences, a programme, people and pages."""

import pytest
from django.db import transaction
from wagtail.models import Site

from conferences.choices import ConferenceKind
from conferences.tests import builders
from home.models import HomePage
from search import hits, terms


@pytest.fixture(autouse=True)
def no_pending_hits():
    """Each test counts its own searches: hits left pending by an earlier one are forgotten."""
    hits.discard()
    yield
    hits.discard()


@pytest.fixture(scope="module")
def built_site(django_db_setup, django_db_blocker):
    """The site below, built once for a test module and rolled back after it, as setUpTestData does.

    Each test still runs in its own savepoint (the `db` fixture), so what a test changes is undone.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        home = HomePage.objects.get(depth=2)
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.port = "testserver", 80
        site.save()
        built = build_site(home)
        # The vocabulary and the suggestions refresh when a transaction commits; this one never does.
        terms.refresh()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def site(built_site, db):
    """Five conferences, a workshop, a programme with people and DOIs, and ordinary pages."""
    return {name: type(item).objects.get(pk=item.pk) for name, item in built_site.items()}


def build_site(home_page):
    index = builders.conference_index(home_page)
    archive = builders.archive_page(index)
    gothenburg = builders.conference(
        index,
        2022,
        title="IASSIST 2022",
        slug="iassist-2022",
        ordinal=47,
        city="Gothenburg",
        country="Sweden",
        theme="Data by Design: Building a Sustainable Data Culture",
        host="Swedish National Data Service (SND)",
    )
    sydney = builders.conference(
        index,
        2019,
        title="IASSIST 2019",
        slug="iassist-2019",
        ordinal=45,
        city="Sydney",
        country="Australia",
        theme="Data down under: Exploring data firsts",
        host="Australian Data Archive",
    )
    montreal_2007 = builders.conference(
        index,
        2007,
        title="IASSIST 2007",
        slug="iassist-2007",
        ordinal=33,
        city="Montreal",
        country="Canada",
        theme="Building Global Knowledge Communities with Open Data",
        host="McGill University",
    )
    montreal_2018 = builders.conference(
        index,
        2018,
        title="IASSIST 2018",
        slug="iassist-2018",
        ordinal=44,
        city="Montreal",
        country="Canada",
        theme="Once Upon A Data Point: Sustaining our data storytellers",
        host="McGill University, Concordia University, and Université de Montréal",
    )
    quebec = builders.conference(
        index,
        1995,
        title="IASSIST 1995",
        slug="iassist-1995",
        ordinal=21,
        city="Québec",
        country="Canada",
        theme="Partners for access: working together in a changing data environment",
        host="Université Laval",
        start_date=None,
        end_date=None,
    )
    africa = builders.conference(
        index,
        2022,
        title="IASSIST Africa 2022 Workshop",
        slug="iassist-africa-2022",
        kind=ConferenceKind.WORKSHOP,
        city="Nairobi",
        country="Kenya",
        theme="Data stewardship in Africa",
    )

    a1 = builders.session(gothenburg, "Session A1")
    b1 = builders.session(sydney, "Session B1")
    c1 = builders.session(montreal_2007, "Session C1")
    skills = builders.presentation(
        a1,
        "Data Skills Pathway: Planning a curriculum of free interactive self-learning materials",
        slug="data-skills-pathway",
        presenters=[("Sarah King-Hele", "UK Data Service, University of Manchester")],
        dois=["10.5281/zenodo.6620829"],
        abstract="This talk outlines an 18-month project to explore a coherent curriculum of self-learning "
        "materials that guide learners through pre-analysis and basic data skills for quantitative research.",
    )
    census = builders.presentation(
        a1,
        "Who is counted? The Census of Canada and ethno-racial and Indigenous identities",
        slug="who-is-counted",
        presenters=[("Kevin Manuel", "Ryerson University"), ("Rosa Orlandini", "York University")],
        dois=["10.5281/zenodo.6620830"],
        abstract="Finding data on race, racialized populations, and anti-racism in Canada can be a complex process.",
    )
    fair = builders.presentation(
        b1,
        "FAIR Everywhere",
        slug="fair-everywhere",
        presenters=[("Kevin Manuel", "Toronto Metropolitan University")],
        abstract="Making research data findable, accessible, interoperable and reusable, with DDI metadata.",
    )
    gothenburg_talk = builders.presentation(
        b1,
        "What we learnt in Gothenburg about data culture",
        slug="learnt-in-gothenburg",
        presenters=[("Ann Green", "Digital Lifecycle Research")],
        abstract="Lessons from Sweden for research data services in Australia.",
    )
    curation = builders.presentation(
        c1,
        "Data curation services in academic libraries",
        slug="data-curation",
        presenters=[("José García", "Universidad de Chile")],
        abstract="How libraries build data curation and metadata services with DDI.",
    )
    metadata = builders.presentation(
        c1,
        "Metadata",
        slug="metadata",
        presenters=[("Mary Vardigan", "ICPSR")],
        abstract="DDI, the Data Documentation Initiative, describes social science data.",
    )
    code_of_conduct = builders.content_page(
        index,
        "Conference Code of Conduct",
        slug="conference-code-of-conduct",
        body=[("paragraph", "<p>IASSIST is dedicated to a harassment-free conference experience for everyone.</p>")],
    )
    registration = builders.content_page(
        gothenburg,
        "Registration",
        slug="registration",
        body=[("paragraph", "<p>Register for the Gothenburg conference before May.</p>")],
    )
    return {
        "index": index,
        "archive": archive,
        "gothenburg": gothenburg,
        "sydney": sydney,
        "montreal_2007": montreal_2007,
        "montreal_2018": montreal_2018,
        "quebec": quebec,
        "africa": africa,
        "skills": skills,
        "census": census,
        "fair": fair,
        "gothenburg_talk": gothenburg_talk,
        "curation": curation,
        "metadata": metadata,
        "code_of_conduct": code_of_conduct,
        "registration": registration,
    }


@pytest.fixture(params=["index-table", "queryset"])
def retriever(request):
    """Both ways of reading the index: straight from its tables, and through QuerySet.search()."""
    from search.retrieval import IndexTableRetriever, QuerySetRetriever, get_retriever

    if request.param == "queryset":
        return QuerySetRetriever()
    chosen = get_retriever()
    assert isinstance(chosen, IndexTableRetriever), "the database backend should read the index tables"
    return chosen


def first(outcome):
    """(kind, title, year) of the first result."""
    top = outcome.results[0]
    return top.kind, top.title, top.year


def titles(outcome, kind=None):
    return [c.title for c in outcome.results if kind is None or c.kind == kind]
