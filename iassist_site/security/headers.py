"""Response headers that Django's SecurityMiddleware does not set, and the admin's own CSP."""

from csp.constants import UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

# Nothing on the site uses these browser features; saying so stops embedded content from asking.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, loosened for the admin only.

    Public pages carry no nonce, so a page cached with its headers stays valid for every
    visitor. The admin's date pickers are inline scripts and its bundled templating
    compiles functions at run time, so the admin alone may run inline and eval'd script.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIXES):
            parts.update = {**(parts.update or {}), **ADMIN_CSP_LOOSENING}
        return parts


ADMIN_CSP_LOOSENING = {
    "script-src": [UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [UNSAFE_INLINE],
}
