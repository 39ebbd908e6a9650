"""What counts as a content change: each of these replaces the page-cache generation.

The list is explicit rather than "every save" because some models are written while
pages are served (image renditions, search-query logs, sessions): bumping on those
would empty the cache on every visit.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import generation

DISPATCH_PREFIX = "pagecache"

# Every model of these apps is site content: pages, programmes, footer settings.
CONTENT_APPS = {"home", "conferences"}
# Content models from Wagtail: who may see a page, which site a host maps to,
# redirects, and the media that pages embed.
CONTENT_MODELS = {
    "wagtailcore.site",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailcore.locale",
    "wagtailredirects.redirect",
}


def _is_content(model):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    opts = model._meta
    if opts.app_label in CONTENT_APPS or opts.label_lower in CONTENT_MODELS:
        return True
    if issubclass(model, Page):
        return True
    return model in (get_image_model(), get_document_model()) or model in get_snippet_models()


_verdicts = {}


def is_content(model):
    """Whether saving or deleting a `model` row can change a public page (remembered per model).

    Decided on first use rather than at start-up because snippets may register late.
    """
    if model not in _verdicts:
        _verdicts[model] = _is_content(model)
    return _verdicts[model]


def row_changed(sender, instance=None, raw=False, **kwargs):
    # Fixture loading (raw) replays rows outside any edit.
    if not raw and is_content(type(instance)):
        generation.bump()


def relation_changed(sender, instance=None, action="", **kwargs):
    if action.startswith("post_") and is_content(type(instance)):
        generation.bump()


def page_changed(sender, **kwargs):
    generation.bump()


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"{DISPATCH_PREFIX}.page.{id(signal)}")
    # Saves are checked lazily so that snippets registered after start-up count too.
    post_save.connect(row_changed, dispatch_uid=f"{DISPATCH_PREFIX}.save")
    m2m_changed.connect(relation_changed, dispatch_uid=f"{DISPATCH_PREFIX}.m2m")
    # Deletes are connected per model: a receiver for every model would stop Django from
    # deleting any other rows (sessions, search entries) in bulk.
    for model in apps.get_models():
        if _is_content(model):
            post_delete.connect(
                row_changed, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}.delete.{model._meta.label}"
            )
