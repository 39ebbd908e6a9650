"""Page and collection passwords (Wagtail's shared-password view restrictions), throttled per client.

Wagtail's views check the password and answer with a redirect when it is right, or the
form again (200) when it is not; these wrappers refuse a throttled client before that
and count each form shown again as a failure (security.throttle).
"""

from functools import wraps

from django.template.response import TemplateResponse

from . import throttle

SCOPE = "password"


def throttled(view, restriction_kwarg):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        target = f"{view.__module__}:{kwargs[restriction_kwarg]}"
        if throttle.refused(SCOPE, target, request):
            request.attempt_refused = True
            return TemplateResponse(request, "security/too_many_passwords.html", {"minutes": throttle.wait_minutes()})
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            throttle.record_failure(SCOPE, target, request)
        elif 300 <= response.status_code < 400:
            throttle.forget(SCOPE, target, request)
        return response

    return wrapper
