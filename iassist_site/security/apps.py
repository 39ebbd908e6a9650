from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """The site's own safeguards: deployment checks, sign-in throttling, private media."""

    name = "iassist_site.security"
    label = "iassist_security"

    def ready(self):
        from . import checks, sign_in  # noqa: F401  (register the checks and the sign-in receivers)
