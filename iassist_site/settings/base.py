"""Settings shared by every environment.

Environment-specific values live in dev.py, test.py and production.py; anything
secret or host-specific is read from the environment there.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from iassist_site.search_backends import search_backends

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "iassist_site.security",
    "home",
    "conferences",
    "zenodosync",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "openarchive",
    # Last, so that its content-change signals see every model and snippet registered before it.
    "pagecache",
]

MIDDLEWARE = [
    # First: a hit is answered with the headers every layer below added when it was stored
    # (security headers and CSP included), without running any of them again; it skips
    # sessions and gzip too (the page is stored already compressed).
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "iassist_site.security.headers.SiteCSPMiddleware",
    "iassist_site.security.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "iassist_site.compression.ZlibNgGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Pages find their Wagtail site kept per content generation (after the host is checked, as every view).
    "iassist_site.middleware.KnownSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "iassist_site.security.throttle.RefusedStatusMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "iassist_site.middleware.AnonymousCacheHeadersMiddleware",
    # The old site's files and folder-wide redirects, for a 404 that Wagtail's redirects left alone.
    "conferences.old_addresses.OldAddressMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "iassist_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            # The site shell (menus, breadcrumbs) spans the apps, so the project package holds it.
            "libraries": {"navigation_tags": "iassist_site.templatetags.navigation_tags"},
        },
    },
]

WSGI_APPLICATION = "iassist_site.wsgi.application"

# SQLite is the embedded default; DATABASE_URL selects any other database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging lets visitors read while an editor or the importer writes, and commits (such as
    # the search log's hit counts) cost no fsync of the whole file each; waiting on a lock beats failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20}
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's default cost of a random page read (4, against 1 for the next page) is that of a spinning
    # disk. On an SSD, or with the database in memory, a random read costs about as much as the next: at a
    # hundred times the archive, the search's planner then reads a rare word's matches through the text's
    # indexes rather than walking thousands of entries (docs/search.md). Set per connection, so a shared
    # server's other databases keep theirs; DATABASE_RANDOM_PAGE_COST=4 restores the default.
    _raw_cost = os.environ.get("DATABASE_RANDOM_PAGE_COST", "1.1")
    try:
        _random_page_cost = float(_raw_cost)
    except ValueError:
        _random_page_cost = float("nan")
    if not 0 < _random_page_cost <= 100:  # NaN fails too
        raise ImproperlyConfigured(
            f"DATABASE_RANDOM_PAGE_COST must be a number above 0 and at most 100, not {_raw_cost!r}"
        )
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c random_page_cost={_random_page_cost:g}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Failed passwords, counted per client (security.throttle): 5 on one account or password form, or
# 20 on any, and the client is refused until 15 minutes pass without another. TRUSTED_PROXIES:
# addresses whose X-Forwarded-For names the client (production: the local nginx).
AUTHENTICATION_BACKENDS = [
    "iassist_site.security.sign_in.ThrottledSignIn",
    "django.contrib.auth.backends.ModelBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "iassist_site.security.sign_in.ThrottledLoginForm"
THROTTLE_FAILURES_PER_TARGET = 5
THROTTLE_FAILURES_PER_CLIENT = 20
THROTTLE_WINDOW = 15 * 60
TRUSTED_PROXIES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1000 fields per form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "iassist",
    }
}
# Search answers kept for anonymous visitors are keyed on the page cache's content generation, so that
# a publish forgets them too (search/cache.py). Named here because search does not import the page cache.
SEARCH_CACHE_GENERATION = "pagecache.generation.current"
# The same generation keys the related presentations on each presentation page (conferences/models/related.py).
RELATED_PRESENTATIONS_GENERATION = "pagecache.generation.current"
# And the parts of the site shell that pages share: header, footer, section menus (navigation_tags.py).
SITE_SHELL_GENERATION = "pagecache.generation.current"
# What the apps below search keep per content generation (home/content_memo.py): the addresses of pages
# linked from rich text, the paths of restricted pages and aliases. Named here because they do not import search.
CONTENT_MEMO = "search.cache"
# When a page being rendered next changes by the date (a notice's last day, a conference's start), so
# that the page cache keeps it no longer (pagecache/expiry.py). Named here because the page cache
# imports none of the site's apps.
PAGE_CACHE_NEXT_CHANGE = "home.changes.next_change"

# conferences.Presentation's index `presentation_live_placement` includes two columns for PostgreSQL's
# search; SQLite keeps the index without them, as intended, and would warn so at every `migrate`.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# Wagtail
# The admin's name for the site, also written into the Site record by home's migration 0004.
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "").strip() or "IASSIST"
# Autosave once the editor has paused for five seconds, not half a second (Wagtail's default):
# a form saved mid-word shows its validation errors while the editor is still typing.
WAGTAIL_AUTOSAVE_INTERVAL = 5000
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The database backend by default; SEARCH_BACKEND selects Elasticsearch or OpenSearch (see search_backends.py).
WAGTAILSEARCH_BACKENDS = search_backends(os.environ)
# Documents are always served through Django (/documents/<id>/<name>), which checks their
# collection's privacy; nginx refuses their /media/ addresses (docs/security.md).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# A decompression bomb can be small on disk; refuse images over 40 megapixels.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Refuses, on the form, an image that cannot be read to its end (conferences/admin_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "conferences.admin_forms.ImageForm"
# Keep the admin from calling out to third-party hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# The main IASSIST site, for the sections this site does not hold (About, IQ, blog, community).
MAIN_SITE_URL = os.environ.get("MAIN_SITE_URL", "https://iassistdata.org").rstrip("/")
# This site's own address, which `manage.py set_site_address` writes into the default Site so that
# canonical links, the sitemap, feeds and calendars carry it (make run: 127.0.0.1:8000).
SITE_HOSTNAME = os.environ.get("SITE_HOSTNAME", "")
SITE_PORT = os.environ.get("SITE_PORT", "")

# Security headers on every response; production adds HSTS and secure cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Sessions in the database, which every app server reads (docs/serving.md, "Growing"): Django's
# default, named so that they are not moved somewhere one server keeps to itself.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Public pages: no inline or third-party script, and no nonce, so that a cached page's
# header is right for every visitor. The admin loosens script and style (security.headers).
# Media may live on another host (MEDIA_URL), so its origin may serve images too.
_media = urlsplit(MEDIA_URL)
_MEDIA_ORIGIN = [f"{_media.scheme}://{_media.netloc}"] if _media.netloc else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:", *_MEDIA_ORIGIN],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, *_MEDIA_ORIGIN],
        "frame-src": [SELF, "https://www.youtube-nocookie.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The admin's preview panel frames the site's own pages.
        "frame-ancestors": [SELF],
    }
}

# The Zenodo sync (manage.py sync_zenodo) reads community records from Zenodo's public REST API.
ZENODO_API_URL = os.environ.get("ZENODO_API_URL", "https://zenodo.org/api")
ZENODO_TIMEOUT = 20
