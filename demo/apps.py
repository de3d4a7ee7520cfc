from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The fictional Westshire Local Offer: demo content as data files, and bulk services."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo content"
