from django.apps import AppConfig


class ConferencesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "conferences"
    verbose_name = "Conferences"

    def ready(self):
        from . import cache_paths

        cache_paths.register()
