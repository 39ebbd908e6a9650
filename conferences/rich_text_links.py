"""Links to pages in rich text, read in one query, and their addresses kept per content generation.

Wagtail reads a text's linked pages as their own types (`.specific()`): a query for the pages,
then one for each type, a tenth of the biggest programme's render for the one link in its
body. A link needs only the page's address, which the base page's fields give
(`url_path`, and the site root paths Wagtail keeps), so the pages are read once and their
types' fields left to load only if something asks for them (`specific(defer=True)`).

A page's address changes only with the content, so the link's opening tag is kept for the content
generation (home.content_memo); with the memo off, every text reads its pages.
"""

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from home.content_memo import per_content_each


class PageAddressLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = {str(page.pk): page for page in Page.objects.filter(id__in=ids).specific(defer=True)}
        return [pages.get(str(page_id)) for page_id in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        tags = per_content_each(("rich text page links",), ids, cls._opening_tags)
        return [tags[page_id] for page_id in ids]

    @classmethod
    def _opening_tags(cls, ids):
        """{id: the link's opening tag}, as Wagtail writes it: the page's address, or none for a page that is gone."""
        pages = cls.get_many([{"id": page_id} for page_id in ids])
        return {
            page_id: f'<a href="{escape(page.localized.url)}">' if page else "<a>"
            for page_id, page in zip(ids, pages, strict=True)
        }
