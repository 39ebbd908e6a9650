"""The archive's content generation: a token that changes whenever conference content may have changed.

Exports are kept in the cache under it, so a save, publish, move or view restriction anywhere in
the conferences section makes the next download build afresh; nothing is rebuilt on a plain visit.
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

KEY = "openarchive:generation"
# Models whose rows make up the archive: the conferences app, and Wagtail's pages and view restrictions.
WATCHED_APPS = frozenset({"conferences", "wagtailcore"})


def current():
    value = cache.get(KEY)
    if value is None:
        value = uuid.uuid4().hex
        cache.add(KEY, value, timeout=None)
        value = cache.get(KEY, value)
    return value


def bump(**kwargs):
    cache.set(KEY, uuid.uuid4().hex, timeout=None)


def _on_row_change(sender, **kwargs):
    if sender._meta.app_label in WATCHED_APPS:
        bump()


def connect_signals():
    post_save.connect(_on_row_change, dispatch_uid="openarchive-save")
    post_delete.connect(_on_row_change, dispatch_uid="openarchive-delete")
    page_published.connect(bump, dispatch_uid="openarchive-publish")
    page_unpublished.connect(bump, dispatch_uid="openarchive-unpublish")
