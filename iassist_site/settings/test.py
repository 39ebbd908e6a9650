from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Test databases roll back without signals, so a page cached in one test could be served
# in the next; the page-cache tests switch it on for themselves.
PAGE_CACHE_ENABLED = False
# The same holds for kept search answers (search/cache.py); its tests switch it on for themselves.
SEARCH_CACHE_TIMEOUT = 0
SEARCH_CONTENT_MEMO = False
# And for the site shell's shared parts (navigation_tags.py); its tests switch it on for themselves.
SITE_SHELL_GENERATION = None
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A test database is thrown away, so its commits need not wait for the disk: on CI's machine a commit
    # takes 2.2 ms with the server's synchronous_commit and 0.2 ms without. Only this session's setting.
    _options = DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    _options["options"] = f"{_options.get('options', '')} -c synchronous_commit=off".strip()
