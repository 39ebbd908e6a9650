from django.apps import AppConfig


class ConferencesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "conferences"
    verbose_name = "Conferences"

    def site_content(self):
        """This app's models, as content for the page cache (its protocol: pagecache.content.collect)."""
        from .cache_paths import site_content

        return site_content()
