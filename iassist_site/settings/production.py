"""Production settings: everything secret or host-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from pagecache.caches import DEFAULT_TIMEOUT as DEFAULT_REDIS_TIMEOUT
from pagecache.caches import PAGE_CACHE_ALIAS as PAGE_CACHE_REDIS_ALIAS
from pagecache.caches import redis_caches

from .base import *  # noqa: F403


def env_flag(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() not in {"0", "false", "no", "off"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# gunicorn listens on the loopback behind nginx, whose X-Forwarded-For names the client (security.throttle).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_flag("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_flag("CSRF_COOKIE_SECURE", True)

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405

# Caches and the page cache (docs/serving.md). Every gunicorn worker must see the same
# page-cache generation, so without Redis the cache lives in files on this host rather
# than in each process's memory. With Redis, the page cache has a cache of its own on the
# same server, and both time out in tens of milliseconds: the site outlives Redis.
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, timeout=float(os.environ.get("REDIS_TIMEOUT", str(DEFAULT_REDIS_TIMEOUT))))
    PAGE_CACHE_ALIAS = PAGE_CACHE_REDIS_ALIAS
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "cache")),  # noqa: F405
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
PAGE_CACHE_ENABLED = env_flag("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", str(60 * 60)))
# Bytes of pages each worker also keeps in its own memory (0: none); see pagecache/copies.py.
PAGE_CACHE_WORKER_BYTES = int(os.environ.get("PAGE_CACHE_WORKER_BYTES", str(32 * 1024 * 1024)))
# Seconds a visitor waits for another visitor's render of the same page before rendering it too.
PAGE_CACHE_FILL_WAIT = float(os.environ.get("PAGE_CACHE_FILL_WAIT", "3"))
# After an edit, the process that made it renders the most visited pages again ahead of visitors
# (pagecache/warming.py): at most this many (0: no warming), for at most this many seconds.
PAGE_CACHE_WARM_PAGES = int(os.environ.get("PAGE_CACHE_WARM_PAGES", "100"))
PAGE_CACHE_WARM_SECONDS = float(os.environ.get("PAGE_CACHE_WARM_SECONDS", "20"))
# "process": only `manage.py warm_page_cache --follow`, a process of its own, warms (the way with more
# than one app server); "thread": the process that made the edit does, in a thread beside its requests.
PAGE_CACHE_WARMER = os.environ.get("PAGE_CACHE_WARMER", "thread")
# The search's vocabulary and suggestions are refreshed after an edit in a thread of the process that
# made it, so that the editor does not wait for the second it takes (search/refresher.py).
SEARCH_TERMS_REFRESH_IN_BACKGROUND = True
# Seconds a search answer is kept for anonymous visitors (search/cache.py; 0: not kept).
SEARCH_CACHE_TIMEOUT = int(os.environ.get("SEARCH_CACHE_TIMEOUT", "300"))

# A caching proxy in front (deploy/nginx.conf): Wagtail purges a page's own addresses
# there when it is published or unpublished.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "pagecache.frontend.NginxPurgeBackend", "LOCATION": FRONTEND_CACHE_PURGE_URL}
    }

# Documents: Django checks the collection's privacy, nginx sends the file (security/sendfile.py).
# DOCUMENTS_ACCEL_REDIRECT=false makes Django send it itself, when no nginx like deploy/'s is in front.
if env_flag("DOCUMENTS_ACCEL_REDIRECT", True):
    SENDFILE_BACKEND = "iassist_site.security.sendfile"
    SENDFILE_ROOT = MEDIA_ROOT  # noqa: F405
    SENDFILE_URL = "/__media/"

# E-mail: password resets and moderation notices. Without EMAIL_HOST nothing can be sent: each
# message is logged as unsent (no body) instead of vanishing, and `check --deploy` warns (security.checks).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip()
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "iassist_site.security.mail.UnsentMailBackend"
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_flag("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS (STARTTLS, usually port 587) or EMAIL_USE_SSL (port 465), not both.")
# Django waits for ever by default: a silent mail server would hold a worker until gunicorn kills it.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "").strip() or "webmaster@localhost"
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", "").strip() or DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = (
    os.environ.get("WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", "").strip() or DEFAULT_FROM_EMAIL
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
