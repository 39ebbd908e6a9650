from django.apps import AppConfig


class ZenodoSyncConfig(AppConfig):
    name = "zenodosync"
    label = "zenodosync"
    verbose_name = "Zenodo sync"
    default_auto_field = "django.db.models.BigAutoField"
