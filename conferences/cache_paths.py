"""The conferences app's content for the page cache, with the addresses each row shows at.

Every model of this app is content: pages, programmes, schedules, people, DOIs, and the import
records written with them. A change to any row empties the page cache. The addresses below are
what nginx's front cache is purged of besides a page's own addresses, which Wagtail purges when
the page is published. The page cache reads this through ConferencesConfig.site_content()
(pagecache.content), so neither app imports the other.
"""

from urllib.parse import urljoin

from django.apps import apps
from wagtail.models import Page

from .models import ConferenceArchivePage, Presentation, Session


def listing_pages(page):
    """The live pages that list `page`: its ancestors below the root and an archive beside it."""
    ancestors = page.get_ancestors().filter(depth__gt=1).live()
    archives = ConferenceArchivePage.objects.live().sibling_of(page, inclusive=False)
    return [*ancestors, *archives]


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


def site_content():
    """(model, addresses) for every model of the app: addresses(row) as pagecache.content.register takes."""
    addresses = {Session: programme_pages, Presentation: programme_pages}
    for model in apps.get_app_config("conferences").get_models():
        yield model, listing_pages if issubclass(model, Page) else addresses.get(model)
