"""How the search index is stored on PostgreSQL (search/migrations/0001 and 0003)."""

import pytest
from django.db import connection
from django.db.models import IntegerField
from modelsearch.conf import get_app_config
from modelsearch.index import get_indexed_models

from conferences.models import Presentation
from search.engine import run_search

pytestmark = pytest.mark.django_db

VECTORS = ("title", "body", "autocomplete")
INDEX = "search_entry_object_key"


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


def test_postgresql_indexes_the_entries_by_kind_and_numeric_key():
    if connection.vendor != "postgresql":
        pytest.skip("an index of PostgreSQL's only")
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexname = %s", [table, INDEX])
        (definition,) = cursor.fetchone()
    assert "(content_type_id, ((object_id)::integer))" in definition


def test_every_indexed_model_has_an_integer_key():
    """The index above and the search's joins cast every entry's object_id to an integer (retrieval.py)."""
    for model in get_indexed_models():
        assert isinstance(model._meta.pk, IntegerField) or isinstance(
            model._meta.pk.target_field if model._meta.pk.is_relation else None, IntegerField
        ), model
