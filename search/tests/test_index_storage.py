"""How the search index is stored on PostgreSQL (search/migrations/0001_index_vectors_in_row.py)."""

import pytest
from django.db import connection
from modelsearch.conf import get_app_config

from conferences.models import Presentation
from search.engine import run_search

pytestmark = pytest.mark.django_db

VECTORS = ("title", "body", "autocomplete")


def storage_of_vectors():
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = %s::regclass AND attname = ANY(%s)",
            [table, list(VECTORS)],
        )
        return dict(cursor.fetchall())


def test_postgresql_keeps_the_index_vectors_in_their_rows():
    if connection.vendor != "postgresql":
        pytest.skip("column storage is PostgreSQL's")
    assert storage_of_vectors() == dict.fromkeys(VECTORS, "m")


def test_a_long_presentation_is_still_found_and_ranked(site):
    """A body vector too long for its row even compressed (PostgreSQL moves it out after all) still matches."""
    presentation = Presentation.objects.filter(conference=site["gothenburg"]).first()
    presentation.abstract = " ".join(f"word{number} archiving" for number in range(3000)) + " zyzzyva"
    presentation.save()
    results = run_search("zyzzyva").results
    assert [(c.kind, c.pk) for c in results] == [("presentation", presentation.pk)]
