"""The page cache's settings, checked when Django starts (manage.py check, every command, every worker)."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register(checks.Tags.caches)
def warmer_setting(app_configs, **kwargs):
    from . import warming

    try:
        warming.where()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), hint="Set PAGE_CACHE_WARMER to 'thread' or 'process'.", id="pagecache.E001")]
    return []
