"""The import indexes what it wrote once, at its end (conferences/importer/write/indexes.py)."""

import pytest
from django.db import connection
from django.db.models import Avg
from django.db.models.functions import Length
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from conferences.importer.write.indexes import search_updates_suspended, update_indexes
from conferences.tests import builders

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="only SQLite's index keeps title norms")
def test_every_new_entry_gets_the_title_norm_of_the_whole_index_and_the_index_is_left_as_it_was(home_page):
    index_class = get_search_backend().index_class
    own_refresh = index_class._refresh_title_norms
    with search_updates_suspended():
        index = builders.conference_index(home_page)
        conference = builders.conference(index, title="IASSIST 2022: Data by Design")
        session = builders.session(conference)
        talks = [builders.presentation(session, title) for title in ("Census", "Data curation at scale", "FAIR")]
        # Pages, then presentations: an entry written early must still get the whole index's average.
        update_indexes([index, conference], [], talks)
    assert index_class._refresh_title_norms is own_refresh
    entries = IndexEntry.objects.annotate(length=Length("title")).filter(length__gt=0)
    average = entries.aggregate(Avg("length"))["length__avg"]
    for entry in entries:
        assert entry.title_norm == pytest.approx(average / entry.length)
