"""Which requests and responses are the same for every anonymous visitor, and so may be shared.

The one place both consumers read: the page cache (pagecache.middleware), which stores such
pages, and the browser headers (iassist_site.middleware), which mark them public.
"""

from django.conf import settings

MESSAGES_COOKIE = "messages"
# Editors' pages: never shared by any cache.
EDITORS_PREFIXES = ("/admin/", "/django-admin/")
# Nor stored by the page cache: search (unbounded query strings), documents (Wagtail checks
# who may download each one), static and media files (served from disk in production).
UNSTORED_PREFIXES = (*EDITORS_PREFIXES, "/search/", "/documents/", "/static/", "/media/")


def _signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def _is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


def may_read(request):
    """Whether the page cache could answer this request at all (before sessions are read)."""
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    # A session means a signed-in editor; waiting messages must be shown by a real render.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES:
        return False
    return not request.path.startswith(UNSTORED_PREFIXES)


def may_store(request, response):
    """Whether the page cache may keep this response for every anonymous visitor."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not _is_html(response) or response.cookies or response.has_header("Set-Cookie"):
        return False
    # A page with a form embeds this visitor's CSRF token.
    if request.META.get("CSRF_COOKIE_USED") or getattr(request, "is_preview", False):
        return False
    if "private" in response.get("Cache-Control", "") or "no-store" in response.get("Cache-Control", ""):
        return False
    return not _signed_in(request)


def may_mark_public(request, response):
    """Whether browsers may be told the page is public: anonymous HTML that chose no caching policy itself."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return False
    if response.has_header("Cache-Control") or response.cookies:
        return False
    if request.path.startswith(EDITORS_PREFIXES) or _signed_in(request):
        return False
    return _is_html(response)
