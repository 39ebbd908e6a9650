"""Deployment checks (`manage.py check --deploy`) for what Django's own checks do not see."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

# Backends that send nothing: a password reset or a moderation notice would reach nobody.
NOT_SENDING = {
    "iassist_site.security.mail.UnsentMailBackend",
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
}
DJANGO_DEFAULT_FROM = "webmaster@localhost"


@register(Tags.security, deploy=True)
def check_email(app_configs, **kwargs):
    issues = []
    if settings.EMAIL_BACKEND in NOT_SENDING:
        issues.append(
            Warning(
                "No e-mail is sent: password resets and moderation notices are dropped (each one logged as unsent).",
                hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS "
                "or EMAIL_USE_SSL) in the environment.",
                id="iassist_site.W001",
            )
        )
    if settings.DEFAULT_FROM_EMAIL == DJANGO_DEFAULT_FROM:
        issues.append(
            Warning(
                f"E-mail is sent from {DJANGO_DEFAULT_FROM}, which mail servers commonly refuse.",
                hint="Set DEFAULT_FROM_EMAIL in the environment, e.g. conferences@iassistdata.org.",
                id="iassist_site.W002",
            )
        )
    return issues
