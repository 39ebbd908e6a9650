"""Presentations in the sitemap: a section of their own, paged, so that no sitemap file outgrows the limit.

Presentations are rows, not pages, so Wagtail's sitemap does not list them. This section lists
every public presentation of a conference that Wagtail's sitemap lists (a live, public
conference page under a live, public Conferences page of the site), at the conference's
address, with the conference's lastmod, as the Conferences page used to add them to its own
entry. Each page of the section costs the same few queries whatever its size: the conferences
with their addresses once, then one slice of (conference, slug) pairs.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap

from . import paths
from .models import ConferenceIndexPage, ConferencePage, Presentation

# The sitemaps protocol's limit of addresses in one file (sitemaps.org).
ADDRESSES_PER_SITEMAP = 50_000


class PresentationSitemap(Sitemap):
    limit = ADDRESSES_PER_SITEMAP

    def items(self):
        return (
            Presentation.objects.public()
            .filter(conference_id__in=self._listed_conferences().values("pk"))
            .order_by("conference_id", "pk")
            .values_list("conference_id", "slug")
        )

    def get_latest_lastmod(self):
        """The latest of the conferences that have presentations here, without reading every presentation."""
        dates = [lastmod for _, lastmod, has_talks in self._conferences.values() if has_talks and lastmod]
        return max(dates, default=None)

    def _urls(self, page, protocol, domain):
        urls = []
        for conference_id, slug in self.paginator.page(page).object_list:
            base_url, lastmod, _ = self._conferences[conference_id]
            urls.append({"location": paths.presentation_url(base_url, slug), "lastmod": lastmod})
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    @cached_property
    def _conferences(self):
        """{conference id: (its full address, its lastmod, whether it has public presentations)}."""
        public_talks = Presentation.objects.public().filter(conference_id=OuterRef("pk"))
        conferences = self._listed_conferences().annotate(has_talks=Exists(public_talks)).defer_streamfields()
        return {
            page.pk: (
                page.get_full_url(self.request),
                page.last_published_at or page.latest_revision_created_at,
                page.has_talks,
            )
            for page in conferences
        }

    def _listed_conferences(self):
        indexes = (
            ConferenceIndexPage.objects.live()
            .public()
            .descendant_of(self.get_wagtail_site().root_page, inclusive=True)
        )
        under_an_index = Q(pk__in=[])
        for index in indexes.only("path", "depth"):
            under_an_index |= Q(path__startswith=index.path, depth=index.depth + 1)
        return ConferencePage.objects.live().public().filter(under_an_index)
