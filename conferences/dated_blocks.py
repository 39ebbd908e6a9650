"""Pages whose notices or event buttons have days to be shown, reindexed so that search follows the days.

A dated block's words are searchable only while it is shown (blocks.py), but the index is written
when a page is published: a notice that appears tomorrow would stay unfindable, and one that ended
yesterday findable, until the page is published again. `manage.py reindex_dated_blocks`, run daily
just after midnight in the site's time zone, writes those pages' index entries again.
"""

from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from . import showing


def _has_dated_block(data):
    if isinstance(data, dict):
        return showing.is_dated(data) or any(_has_dated_block(item) for item in data.values())
    if isinstance(data, list):
        return any(_has_dated_block(item) for item in data)
    return False


def _stream_fields(model):
    return [field.name for field in model._meta.get_fields() if isinstance(field, StreamField)]


def pages_with_dated_blocks():
    """Live pages with a notice or an event button that has a first or a last day."""
    for page in Page.objects.live().specific().iterator():
        if any(_has_dated_block(list(getattr(page, name).raw_data)) for name in _stream_fields(type(page))):
            yield page


def reindex_dated_pages():
    """Write the index entries of the pages with dated blocks again; returns those pages."""
    pages = list(pages_with_dated_blocks())
    for page in pages:
        index.insert_or_update_object(page)
    return pages
