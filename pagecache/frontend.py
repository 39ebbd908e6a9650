"""Purging nginx's proxy cache (ngx_cache_purge) from Wagtail's frontend-cache app."""

import logging
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import BaseBackend

from . import content

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


def purge_declared(rows):
    """Purge the addresses each of `rows` declares (pagecache.content): pages and absolute URLs."""
    from django.core.exceptions import ObjectDoesNotExist
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    batch = PurgeBatch()
    for row in rows:
        try:
            addresses = content.addresses(row)
        except ObjectDoesNotExist:  # deleted together with what it belonged to: nothing left to show it
            continue
        batch.add_pages(address for address in addresses if isinstance(address, Page))
        batch.add_urls(address for address in addresses if not isinstance(address, Page))
    batch.purge()


def purge_listings(sender, instance, **kwargs):
    """Wagtail purges a published page's own addresses; the pages that list it change too."""
    purge_declared([instance])


def row_changed(sender, instance, raw=False, **kwargs):
    """Rows other than pages (programmes, say) are not purged by Wagtail; a second's staleness is avoidable.

    A page's own row is saved by every draft too: its addresses are purged when it is published.
    """
    from wagtail.models import Page

    if not raw and not isinstance(instance, Page) and content.is_content(type(instance)):
        purge_declared([instance])


def connect_deletes(model):
    # Per model, as in pagecache.signals: a receiver for every model would stop bulk deletes.
    from django.apps import apps
    from django.db.models.signals import post_delete

    for concrete in apps.get_models():
        if issubclass(concrete, model):
            post_delete.connect(row_changed, sender=concrete, dispatch_uid=_delete_uid(concrete))


def _delete_uid(model):
    return f"pagecache.frontend.delete.{model._meta.label}"


def _receivers():
    """Each signal this module listens to for every model, with its receiver and dispatch uid."""
    from django.db.models.signals import post_save
    from wagtail.signals import page_published, page_unpublished

    for signal in (page_published, page_unpublished):
        yield signal, purge_listings, f"pagecache.frontend.{id(signal)}"
    yield post_save, row_changed, "pagecache.frontend.save"


def connect():
    for signal, receiver, uid in _receivers():
        signal.connect(receiver, dispatch_uid=uid)
    content.watch(connect_deletes)


def disconnect():
    """Undo connect(): for tests that switch purging on for themselves."""
    from django.apps import apps
    from django.db.models.signals import post_delete

    for signal, receiver, uid in _receivers():
        signal.disconnect(receiver, dispatch_uid=uid)
    content.unwatch(connect_deletes)
    for model in apps.get_models():
        post_delete.disconnect(row_changed, sender=model, dispatch_uid=_delete_uid(model))
