"""The conferences app's content, declared to the page cache, with the addresses each row shows at.

Every model of this app is content: pages, programmes, people, DOIs, and the import records
written with them. A change to any row empties the page cache (pagecache.content). The
addresses below are what nginx's front cache is purged of besides a page's own addresses,
which Wagtail purges when the page is published.
"""

from urllib.parse import urljoin

from django.apps import apps
from wagtail.models import Page

from pagecache import content
from pagecache.wagtail_content import ancestors

from .models import ConferenceArchivePage, Presentation, Session


def listing_pages(page):
    """The live pages that list `page`: its ancestors below the root and an archive beside it."""
    archives = ConferenceArchivePage.objects.live().sibling_of(page, inclusive=False)
    return [*ancestors(page), *archives]


def programme_pages(row):
    """The addresses showing a session or presentation: its conference's programme and its own page."""
    conference = row.conference
    base = conference.get_full_url() if conference and conference.live else None
    if not base:
        return []
    if not isinstance(row, Presentation):
        return [base]
    # get_url() is relative when the site is the only one; the programme's address gives the host.
    return [base, urljoin(base, row.get_url())]


def register():
    addresses = {Session: programme_pages, Presentation: programme_pages}
    for model in apps.get_app_config("conferences").get_models():
        if issubclass(model, Page):
            content.register(model, addresses=listing_pages)
        else:
            content.register(model, addresses=addresses.get(model))
