"""RSS feeds of the section, at the addresses the old site published them: `<section>/index.xml`.

The Hugo site wrote a feed for every section (the Conferences page, the archive, each
conference website); readers and aggregators still ask for those addresses. A feed lists the
pages below its page, newest first: conferences by their dates, other pages by their last
publication.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.models import Page, Site

from .models import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, ContentPage

FEED_FILE = "index.xml"
MAX_ITEMS = 100
DESCRIPTION_WORDS = 60


def feed_url(page_url):
    return f"{page_url}{FEED_FILE}"


def has_feed(page):
    """Pages the old site gave a feed: the index, the archive, each conference and pages with sub-pages."""
    if isinstance(page, ConferenceIndexPage | ConferenceArchivePage | ConferencePage):
        return True
    return isinstance(page, ContentPage) and page.numchild > 0


class SectionFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, path=""):
        page = _page_at(request, path)
        if page is None or not has_feed(page):
            raise Http404("There is no feed at this address.")
        self.request = request
        return page

    def title(self, page):
        return f"{page.title} | IASSIST"

    def link(self, page):
        return page.get_url(self.request)

    def feed_url(self, page):
        return feed_url(page.get_full_url(self.request))

    def description(self, page):
        return page.search_description or f"New and updated pages of {page.title} on the IASSIST website."

    def items(self, page):
        if isinstance(page, ConferenceArchivePage):
            pages = ConferencePage.objects.child_of(page.get_parent())
        else:
            pages = Page.objects.child_of(page)
        items = list(pages.live().public().defer_streamfields().specific())
        items.sort(key=_newest_first, reverse=True)
        return items[:MAX_ITEMS]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_description(self, item):
        if isinstance(item, ConferencePage):
            return " · ".join(part for part in (item.date_display, item.location, item.theme) if part)
        return item.search_description

    def item_pubdate(self, item):
        return item.first_published_at or item.last_published_at

    def item_updateddate(self, item):
        return item.last_published_at


def _page_at(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = Page.objects.filter(pk=site.root_page_id).values_list("url_path", flat=True).first()
    if root is None:
        return None
    return Page.objects.live().public().filter(url_path=f"{root}{path}").specific().first()


def _newest_first(page):
    if isinstance(page, ConferencePage) and page.start_date:
        return timezone.make_aware(datetime.datetime.combine(page.start_date, datetime.time()))
    return page.last_published_at or page.first_published_at or timezone.make_aware(datetime.datetime(1970, 1, 1))


section_feed = SectionFeed()
