from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.views import serve as wagtail_serve

from conferences.feeds import section_feed
from conferences.schedule_files import schedule_file
from pagecache import anonymous
from search.cache import known_site, memo_on


class AnonymousCacheHeadersMiddleware:
    """Mark public HTML as shareable but to be checked again on every visit; never personal pages.

    The server answers from its own page cache (pagecache/), emptied when content changes, so
    browsers are not told to keep a page: an edit shows on a returning visitor's next request.
    Pages for signed-in users, the admin, and responses that already chose their own caching
    policy are left alone: pagecache.anonymous says which, for this and the page cache alike.
    """

    max_age = 0

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if anonymous.may_mark_public(request, response):
            patch_cache_control(response, public=True, max_age=self.max_age, must_revalidate=True)
            patch_vary_headers(response, ["Cookie"])
        return response


class KnownSiteMiddleware:
    """Pages find their Wagtail site and the sites' root paths without a query, once they are known.

    Both are read once per content generation in each process (search.cache.known_site), so routing a
    page, writing its links and its shell cost no query for them; any change to a Site is a content change.
    Only for the views that read the site anyway (Wagtail's pages, the schedule files, the feeds): others,
    robots.txt say, still answer without the database. With nothing kept (SEARCH_CONTENT_MEMO = False),
    Wagtail reads them as before.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func in _SITE_VIEWS and memo_on():
            known_site(request)


_SITE_VIEWS = (wagtail_serve, schedule_file, section_feed)
