from django.apps import AppConfig


class OrukConfig(AppConfig):
    """The Open Referral UK 3.0 API, and import and export of services."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "oruk"
    verbose_name = "Open Referral UK"
