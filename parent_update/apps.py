from django.apps import AppConfig


class ParentUpdateConfig(AppConfig):
    name = "parent_update"
    verbose_name = "Keeping families in touch"
    default_auto_field = "django.db.models.BigAutoField"
