"""Purging nginx's proxy cache (ngx_cache_purge) from Wagtail's frontend-cache app."""

import logging
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import BaseBackend

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 2
# nginx keeps a compressed and a plain copy of a page (deploy/nginx-site.conf); a PURGE
# removes the copy its Accept-Encoding names.
COPIES = ("gzip", "identity")


class _Purge(Request):
    def get_method(self):
        return "PURGE"


class NginxPurgeBackend(BaseBackend):
    """Like Wagtail's HTTP backend, but with a path prefix, and a page nginx does not hold is not an error.

    LOCATION is the purge location, e.g. http://127.0.0.1/__purge: a page at /a/b/ is
    purged with PURGE http://127.0.0.1/__purge/a/b/ and the page's own Host header, once
    for each copy nginx may hold (compressed and plain).

    ngx_cache_purge answers 404 for an address that is not in its cache, which is the
    usual case for a page nobody has visited since it was last purged.
    """

    def __init__(self, params):
        super().__init__(params)
        location = urlsplit(params.pop("LOCATION"))
        self.scheme, self.netloc = location.scheme, location.netloc
        self.prefix = location.path.rstrip("/")

    def purge(self, url):
        parts = urlsplit(url)
        target = urlunsplit([self.scheme, self.netloc, self.prefix + parts.path, parts.query, ""])
        for encoding in COPIES:
            request = _Purge(target, headers={"Host": parts.netloc, "Accept-Encoding": encoding})
            if not self._purge_copy(url, request):
                break  # nginx cannot be reached: the other copy would wait as long for nothing

    def _purge_copy(self, url, request):
        """Send one PURGE; False when nginx could not be reached at all."""
        try:
            # The location comes from settings, never from a visitor.
            urlopen(request, timeout=TIMEOUT_SECONDS).close()  # noqa: S310
        except HTTPError as error:
            if error.code != 404:
                logger.error("nginx refused to purge %s: HTTP %s", url, error.code)
        except OSError as error:
            logger.error("Could not reach nginx to purge %s: %s", url, error)
            return False
        return True


def listing_pages(page):
    """The live pages that list `page`: its ancestors below the root and an archive beside it."""
    from conferences.models import ConferenceArchivePage

    ancestors = page.get_ancestors().filter(depth__gt=1).live()
    archives = ConferenceArchivePage.objects.live().sibling_of(page, inclusive=False)
    return [*ancestors, *archives]


def purge_listings(sender, instance, **kwargs):
    """Wagtail purges a published page's own addresses; the pages listing it change too."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(listing_pages(instance))
    batch.purge()


def programme_pages(item):
    """The addresses showing a session or presentation: its conference's programme and its own page."""
    conference = item.conference
    base = conference.get_full_url() if conference and conference.live else None
    if not base:
        return []
    urls = [base]
    if hasattr(item, "slug"):
        urls.append(f"{base}presentations/{item.slug}/")
    return urls


def purge_programme(sender, instance, raw=False, **kwargs):
    """Programme rows are not pages, so Wagtail never purges for them; a second's staleness is avoidable."""
    from django.core.exceptions import ObjectDoesNotExist
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    if raw:
        return
    try:
        urls = programme_pages(instance)
    except ObjectDoesNotExist:  # deleted together with its conference
        return
    purge_urls_from_cache(urls)


def _receivers():
    """Each signal this module listens to, with its receiver, sender and dispatch uid."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished

    from conferences.models import Presentation, Session

    for signal in (page_published, page_unpublished):
        yield signal, purge_listings, None, f"pagecache.frontend.{id(signal)}"
    for model in (Session, Presentation):
        for signal in (post_save, post_delete):
            yield signal, purge_programme, model, f"pagecache.frontend.{model.__name__}.{id(signal)}"


def connect():
    for signal, receiver, sender, uid in _receivers():
        signal.connect(receiver, sender=sender, dispatch_uid=uid)


def disconnect():
    """Undo connect(): for tests that switch purging on for themselves."""
    for signal, receiver, sender, uid in _receivers():
        signal.disconnect(receiver, sender=sender, dispatch_uid=uid)
