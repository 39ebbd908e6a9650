from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "page cache"

    def ready(self):
        from django.apps import apps

        from . import checks, content, frontend, signals, wagtail_content  # noqa: F401 (checks registers itself)

        wagtail_content.register()
        content.collect(apps.get_app_configs())
        signals.connect()
        if apps.is_installed("wagtail.contrib.frontend_cache"):
            frontend.connect()
