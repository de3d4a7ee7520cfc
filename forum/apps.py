"""Parent carer forum: meetings, agendas, minutes the forum agrees, and actions."""

from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Parent carer forum"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from forum import signals  # noqa: F401
