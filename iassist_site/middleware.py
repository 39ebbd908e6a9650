from django.utils.cache import patch_cache_control, patch_vary_headers


class AnonymousCacheHeadersMiddleware:
    """Mark public HTML as shareable but to be checked again on every visit; never personal pages.

    The server answers from its own page cache (pagecache/), emptied when content changes, so
    browsers are not told to keep a page: an edit shows on a returning visitor's next request.
    Pages for signed-in users, the admin, and responses that already chose their own caching
    policy are left alone.
    """

    max_age = 0

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._is_cacheable(request, response):
            patch_cache_control(response, public=True, max_age=self.max_age, must_revalidate=True)
            patch_vary_headers(response, ["Cookie"])
        return response

    def _is_cacheable(self, request, response):
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return False
        if response.has_header("Cache-Control") or response.cookies:
            return False
        if request.path.startswith(("/admin/", "/django-admin/")):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        return response.get("Content-Type", "").startswith("text/html")
