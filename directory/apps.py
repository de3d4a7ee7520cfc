from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Local Offer directory"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks

        from directory import public_cache, signals  # noqa: F401
        from directory.ratelimit import check_shared_cache

        checks.register(check_shared_cache)
