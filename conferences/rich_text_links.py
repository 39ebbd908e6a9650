"""Links to pages in rich text, read in one query.

Wagtail reads a text's linked pages as their own types (`.specific()`): a query for the pages,
then one for each type, a tenth of the biggest programme's render for the one link in its
body. A link needs only the page's address, which the base page's fields give
(`url_path`, and the site root paths Wagtail keeps), so the pages are read once and their
types' fields left to load only if something asks for them (`specific(defer=True)`).
"""

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler


class PageAddressLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = {str(page.pk): page for page in Page.objects.filter(id__in=ids).specific(defer=True)}
        return [pages.get(str(page_id)) for page_id in ids]
