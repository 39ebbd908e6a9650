from .base import *  # noqa: F403

DEBUG = True
# A development-only key; production reads SECRET_KEY from the environment.
SECRET_KEY = "django-insecure-development-only-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

try:
    from .local import *  # noqa: F403
except ImportError:
    pass

# Serve static files straight from the app folders while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
