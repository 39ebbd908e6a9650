from django.utils.cache import patch_cache_control, patch_vary_headers

from pagecache import anonymous


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
