from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Parent carer forum"
    default_auto_field = "django.db.models.BigAutoField"
