import pytest
from django.core.cache import cache

from conferences.tests import builders


@pytest.fixture(autouse=True)
def fresh_cache():
    """Exports are cached by content generation; rolled-back tests leave no signal behind, so start empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def small_archive(home_page):
    """One conference with a session, two presentations (two presenters, a DOI) and a room."""
    index = builders.conference_index(home_page)
    archive = builders.archive_page(index)
    conference = builders.conference(index, 2024, title="IASSIST 2024", slug="iassist2024", theme="Data & trust")
    session = builders.session(conference, "Opening plenary")
    first = builders.presentation(
        session,
        "Open data for all",
        presenters=[("Jane Smith", "University of Essex"), ("Tomás Ó Briain", "UCD")],
        dois=["10.5281/zenodo.1234"],
        abstract='First paragraph.\n\nSecond, with a comma, and "quotes".',
    )
    second = builders.presentation(session, "Metadata at scale", presenters=[("Jane Smith", "University of Essex")])
    return {"index": index, "archive": archive, "conference": conference, "presentations": [first, second]}
