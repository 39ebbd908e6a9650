"""The search and reference indexes, brought up to date once at the end of a run instead of per saved object."""

from contextlib import contextmanager

from django.db import connection
from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends

from conferences.models import Person, Presentation


@contextmanager
def search_updates_suspended():
    """Index once at the end instead of once per saved object (the import saves thousands)."""
    models = list(search_index.get_indexed_models())
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            if getattr(model, "search_auto_update", True):
                post_save.connect(post_save_signal_handler, sender=model)


def update_indexes(changed_pages, new_people, new_presentations):
    for page in changed_pages:
        ReferenceIndex.create_or_update_for_object(page)
    for backend in get_search_backends(with_auto_update=True):
        with title_norms_set_once(backend):
            for page in changed_pages:
                backend.add(page.specific)
            for chunk in _chunks([person.pk for person in new_people]):
                backend.add_bulk(Person, list(Person.objects.filter(pk__in=chunk)))
            for chunk in _chunks([presentation.pk for presentation in new_presentations]):
                queryset = Presentation.objects.filter(pk__in=chunk).prefetch_related("dois", "presenters__person")
                backend.add_bulk(Presentation, list(queryset))


@contextmanager
def title_norms_set_once(backend):
    """SQLite's index sets its new entries' title norms (the average title length over the whole index,
    read afresh) after every object or slice it adds: for an import that grows with the square of the
    archive (1,800 whole-index reads for the hundredfold archive). Here they are set once, at the end,
    by the index's own method, so the entries come out as they would have."""
    index_class = getattr(backend, "index_class", None)
    refresh = getattr(index_class, "_refresh_title_norms", None)
    if refresh is None:  # PostgreSQL, Elasticsearch: nothing of the kind
        yield
        return
    index_class._refresh_title_norms = _skip_title_norms
    try:
        yield
    finally:
        index_class._refresh_title_norms = refresh
    refresh(index_class(backend))


def _skip_title_norms(index, full=False):
    return None


def refresh_planner_statistics():
    """Let PostgreSQL plan the site search's queries on the tables the import has just filled.

    Until autovacuum gets round to it, the planner knows nothing of the new rows: a search over the
    freshly imported archive took 1.8 s instead of 0.1 s. ANALYZE may run inside the import's transaction.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _chunks(items, size=200):
    """SQLite limits how large one statement's expression may grow; the index is written in slices."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
