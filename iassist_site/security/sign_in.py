"""Failed sign-ins throttled per client (security.throttle), before any password is hashed."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied, ValidationError
from django.dispatch import receiver
from wagtail.admin.forms.auth import LoginForm

from . import throttle

SCOPE = "sign-in"


class ThrottledSignIn:
    """First in AUTHENTICATION_BACKENDS: refuses a throttled client before ModelBackend checks the password.

    It has no get_user(), so it never signs anyone in, and sessions name ModelBackend.
    """

    def authenticate(self, request, username=None, **credentials):
        if request is None or username is None:
            return None
        if throttle.refused(SCOPE, username, request):
            request.attempt_refused = True
            # Stops authenticate() here: no other backend is asked.
            raise PermissionDenied
        return None


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs):
    # A refused attempt is not counted, so a client that stops waits one window, not for ever.
    if request is not None and not getattr(request, "attempt_refused", False):
        throttle.record_failure(SCOPE, credentials.get("username", ""), request)


@receiver(user_logged_in)
def forget_failures(sender, request, user, **kwargs):
    if request is not None:
        throttle.forget(SCOPE, user.get_username(), request)


def refused_message():
    return (
        f"Too many failed sign-in attempts from your network address. Wait {throttle.wait_minutes()} minutes, "
        "then try again."
    )


class ThrottleMessage:
    """The login form says why a throttled client is refused, instead of 'wrong password'."""

    def get_invalid_login_error(self):
        if getattr(self.request, "attempt_refused", False):
            return ValidationError(refused_message(), code="throttled")
        return super().get_invalid_login_error()


class ThrottledLoginForm(ThrottleMessage, LoginForm):
    """Wagtail's admin sign-in form (WAGTAILADMIN_USER_LOGIN_FORM)."""


class ThrottledAdminLoginForm(ThrottleMessage, AdminAuthenticationForm):
    """Django admin's (/django-admin/) sign-in form."""
