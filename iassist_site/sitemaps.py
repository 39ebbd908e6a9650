"""/sitemap.xml: one sitemap while the site fits in one file, else an index of sections of at most 50,000 addresses.

Sections: Wagtail's pages, and the presentations (conferences.sitemaps). Either way each response
runs a fixed number of queries: one count per section decides which to serve.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap

from conferences.sitemaps import ADDRESSES_PER_SITEMAP, PresentationSitemap


class PageSitemap(Sitemap):
    """Wagtail's own sitemap of pages, paged at the same limit."""

    limit = ADDRESSES_PER_SITEMAP

    def get_latest_lastmod(self):
        # Django's default reads every item; one aggregate gives the same date.
        return self.items().aggregate(latest=Max(Coalesce("last_published_at", "latest_revision_created_at")))[
            "latest"
        ]


SECTIONS = {"pages": PageSitemap, "presentations": PresentationSitemap}


def sections(request):
    return {name: section(request) for name, section in SECTIONS.items()}


def sitemap(request):
    found = sections(request)
    limit = min(section.limit for section in found.values())
    if sum(section.paginator.count for section in found.values()) <= limit:
        return sitemap_views.sitemap(request, found)
    return sitemap_views.index(request, found, sitemap_url_name="sitemap_section")


def sitemap_section(request, section):
    return sitemap_views.sitemap(request, sections(request), section=section)
