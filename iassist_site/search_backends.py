"""Which search backend the site uses, chosen from the environment.

The default, Wagtail's database backend, needs nothing more: SQLite's FTS5 or
PostgreSQL's full-text search (English configuration). A larger deployment can
point SEARCH_BACKEND at Elasticsearch or OpenSearch; its client package must then
be installed (e.g. `pip install "elasticsearch>=8,<9"`), and `manage.py
update_index` run once to fill the new index.
"""

from django.core.exceptions import ImproperlyConfigured

DATABASE = "database"
SEARCH_ENGINES = {
    "elasticsearch7": "wagtail.search.backends.elasticsearch7",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}


def search_backends(environ):
    """WAGTAILSEARCH_BACKENDS for SEARCH_BACKEND, SEARCH_URLS, SEARCH_INDEX_PREFIX and SEARCH_TIMEOUT."""
    name = environ.get("SEARCH_BACKEND", "").strip().lower() or DATABASE
    if name == DATABASE:
        return {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}}
    if name not in SEARCH_ENGINES:
        choices = ", ".join([DATABASE, *SEARCH_ENGINES])
        raise ImproperlyConfigured(f"SEARCH_BACKEND={name!r} is not one of: {choices}.")
    urls = [url.strip() for url in environ.get("SEARCH_URLS", "").split(",") if url.strip()]
    if not urls:
        raise ImproperlyConfigured(f"SEARCH_BACKEND={name} needs SEARCH_URLS, e.g. http://127.0.0.1:9200.")
    return {
        "default": {
            "BACKEND": SEARCH_ENGINES[name],
            "URLS": urls,
            "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "iassist_"),
            "TIMEOUT": int(environ.get("SEARCH_TIMEOUT", "5")),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
