"""Keep the search index, and the search's vocabulary and suggestions, fresh when content changes.

Wagtail re-indexes a model when it is saved, but a presentation's indexed text
also includes its presenters (names and institutions) and its DOIs, which live
in other tables: a ClusterableModel saves those children *after* its own
post_save, and editing a person's name touches no presentation at all. These
handlers re-index the presentations concerned as soon as such a change is saved.

Deletions that cascade from a presentation, a session or a conference are
skipped: the presentation itself leaves the index (Wagtail's post_delete).

The vocabulary and the suggestions (search/terms.py) are rebuilt from the content once after
each transaction that changes what they hold, however many rows it saved: an import saves
thousands of rows in one transaction and refreshes them once, when it commits. In production the
refresh runs in a thread of its own, so the editor does not wait for it (search/refresher.py). A
refresh that fails is logged and never fails the edit, which is already committed.
"""

import logging

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published, page_unpublished, post_page_move

from conferences.models import Person, Presentation, PresentationDOI, Presenter, Session

from . import refresher, terms
from .models import SearchTerm

logger = logging.getLogger(__name__)

DISPATCH_PREFIX = "search.freshness"


def _auto_update_enabled():
    return any(True for _ in get_search_backends(with_auto_update=True))


def reindex_presentations(presentation_ids):
    """Re-index the given presentations now, with their presenters and DOIs prefetched."""
    ids = {pk for pk in presentation_ids if pk}
    if not ids or not _auto_update_enabled():
        return 0
    queryset = Presentation.objects.filter(pk__in=ids).prefetch_related("dois", "presenters__person")
    count = 0
    for presentation in queryset:
        index.insert_or_update_object(presentation)
        count += 1
    return count


def _deleted_with_parent(origin, model):
    """Whether a post_delete comes from deleting something above `model` (a cascade)."""
    if origin is None:
        return False
    origin_model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return not issubclass(origin_model, model)


def presentation_child_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    reindex_presentations([instance.presentation_id])


def presentation_child_deleted(sender, instance, origin=None, **kwargs):
    if _deleted_with_parent(origin, sender):
        return
    reindex_presentations([instance.presentation_id])


def person_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return  # a new person presents nothing yet
    reindex_presentations(Presenter.objects.filter(person=instance).values_list("presentation_id", flat=True))


def refresh_terms():
    refresher.refresh_after_change()


def _refresh_pending(connection):
    return any(callback is refresh_terms for _, callback, _ in connection.run_on_commit)


def schedule_terms_refresh(**kwargs):
    """Refresh the vocabulary and suggestions once the current transaction commits (at once outside one)."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and _refresh_pending(connection):
        return
    transaction.on_commit(refresh_terms, robust=True)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        schedule_terms_refresh()


def fill_empty_terms(sender, **kwargs):
    """After `migrate`, fill the tables of a database that has content but no vocabulary yet."""
    if not SearchTerm.objects.exists() and Presentation.objects.exists():
        terms.refresh()


# What the vocabulary and the suggestions are read from: titles, names, places, and who may see them.
TERMS_SOURCES = (Presentation, Presenter, Person, Session, PageViewRestriction)


def connect():
    for model in (Presenter, PresentationDOI):
        name = f"{DISPATCH_PREFIX}.{model.__name__}"
        post_save.connect(presentation_child_saved, sender=model, dispatch_uid=f"{name}.save")
        post_delete.connect(presentation_child_deleted, sender=model, dispatch_uid=f"{name}.delete")
    post_save.connect(person_saved, sender=Person, dispatch_uid=f"{DISPATCH_PREFIX}.Person.save")
    for model in TERMS_SOURCES:
        name = f"{DISPATCH_PREFIX}.terms.{model.__name__}"
        post_save.connect(schedule_terms_refresh, sender=model, dispatch_uid=f"{name}.save")
        post_delete.connect(schedule_terms_refresh, sender=model, dispatch_uid=f"{name}.delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(schedule_terms_refresh, dispatch_uid=f"{DISPATCH_PREFIX}.terms.page.{id(signal)}")
    post_delete.connect(page_deleted, dispatch_uid=f"{DISPATCH_PREFIX}.terms.page.delete")
