"""What counts as a content change: each of these replaces the page-cache generation.

Content is what apps declare in pagecache.content, rather than "every save", because some
models are written while pages are served (image renditions, search-query logs, sessions):
bumping on those would empty the cache on every visit.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import content, generation, warming

DISPATCH_PREFIX = "pagecache"


def content_changed():
    generation.bump()
    # After the bump's own replacement on commit, so that the pages are rendered under the new token.
    warming.after_change()


def row_changed(sender, instance=None, raw=False, **kwargs):
    # Fixture loading (raw) replays rows outside any edit.
    if not raw and content.is_content(type(instance)):
        content_changed()


def relation_changed(sender, instance=None, action="", **kwargs):
    if action.startswith("post_") and content.is_content(type(instance)):
        content_changed()


def page_changed(sender, **kwargs):
    content_changed()


def connect_deletes(model):
    """Deletes are connected per model: a receiver for every model would stop Django from
    deleting any other rows (sessions, search entries) in bulk. A declared base covers the
    models derived from it."""
    for concrete in apps.get_models():
        if issubclass(concrete, model):
            uid = f"{DISPATCH_PREFIX}.delete.{concrete._meta.label}"
            post_delete.connect(row_changed, sender=concrete, dispatch_uid=uid)


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"{DISPATCH_PREFIX}.page.{id(signal)}")
    # Saves are checked lazily so that snippets registered after start-up count too.
    post_save.connect(row_changed, dispatch_uid=f"{DISPATCH_PREFIX}.save")
    m2m_changed.connect(relation_changed, dispatch_uid=f"{DISPATCH_PREFIX}.m2m")
    content.watch(connect_deletes)
    # Models that are content by a rule (snippets) rather than by a declaration.
    for model in apps.get_models():
        if content.declaration(model, remember=False) is not None:
            connect_deletes(model)
