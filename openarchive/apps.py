from django.apps import AppConfig


class OpenArchiveConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "openarchive"
    verbose_name = "Open archive"

    def ready(self):
        from . import generation

        generation.connect_signals()
