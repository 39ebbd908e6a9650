"""What only content changes alter, kept per content generation by the module the CONTENT_MEMO setting names.

The memo lives in search.cache (`per_content`, `per_content_each`), keyed by the page cache's content
generation; the apps below search in the project's layers reach it through this setting rather than
import it. Without the setting, or with the memo off (SEARCH_CONTENT_MEMO = False, as in the test
settings), everything is read afresh.
"""

from django.conf import settings
from django.utils.module_loading import import_string


def _memo(name):
    path = getattr(settings, "CONTENT_MEMO", None)
    return import_string(f"{path}.{name}") if path else None


def active():
    """Whether what is read is kept: CONTENT_MEMO names the memo, and it keeps (search.cache.memo_on)."""
    memo_on = _memo("memo_on")
    return bool(memo_on and memo_on())


def per_content(name, compute):
    """What `compute()` returns, read once per content generation in this process."""
    kept = _memo("per_content")
    return kept(None, name, compute) if kept else compute()


def per_content_each(name, ids, compute):
    """{id: value} for `ids`, each read once per content generation; `compute(missing ids)` reads the rest."""
    kept = _memo("per_content_each")
    return kept(None, name, ids, compute) if kept else compute(list(ids))
