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

from . import paths
from .models import ConferenceArchivePage, Presentation, Room, ScheduleItem, Session


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


def schedule_pages(row):
    """A programme row's pages, and its conference's schedule, its calendar and its files for schedule apps.

    The calendars of single days and sessions and a visitor's agenda are left to expire: there are
    many of them, and they are asked for far less.
    """
    pages = programme_pages(row)
    if not pages:
        return []
    base = pages[0]
    schedule = [paths.schedule_url(base), paths.calendar_url(base)]
    return [*pages, *schedule, *(paths.schedule_file_url(base, name) for name in paths.SCHEDULE_FILES)]


def site_content():
    """(model, addresses) for every model of the app: addresses(row) as pagecache.content.register takes."""
    addresses = {
        Session: schedule_pages,
        Presentation: schedule_pages,
        Room: schedule_pages,
        ScheduleItem: schedule_pages,
    }
    for model in apps.get_app_config("conferences").get_models():
        yield model, listing_pages if issubclass(model, Page) else addresses.get(model)
