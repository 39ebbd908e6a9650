"""Wagtail's own content models, declared by the page cache, which sits above Wagtail.

Every page type, who may see a page, which site a host maps to, redirects, locales, and the
images, documents and snippets that pages embed. An app's own page types may declare their
addresses more precisely; the nearest declaration wins.
"""

from django.apps import apps

from . import content


def ancestors(page):
    """The live pages above `page` below the tree's root: parents commonly list their children."""
    return list(page.get_ancestors().filter(depth__gt=1).live())


def _is_snippet(model):
    from wagtail.snippets.models import get_snippet_models

    return model in get_snippet_models()


def register():
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site

    content.register(Page, addresses=ancestors)
    for model in (Site, PageViewRestriction, CollectionViewRestriction, Locale, Redirect):
        content.register(model)
    # The editors' picks shown above search results (the search keeps whole result pages).
    if apps.is_installed("wagtail.contrib.search_promotions"):
        from wagtail.contrib.search_promotions.models import SearchPromotion

        content.register(SearchPromotion)
    content.register(get_image_model())
    content.register(get_document_model())
    # Snippets may be registered after start-up, so they are recognised when first changed.
    content.register_rule(_is_snippet)
