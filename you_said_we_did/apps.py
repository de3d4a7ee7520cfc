""" "You said, we did": responses that trace feedback to what the council did, and the register."""

from django.apps import AppConfig


class YouSaidWeDidConfig(AppConfig):
    name = "you_said_we_did"
    verbose_name = "You said, we did"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from you_said_we_did import signals  # noqa: F401
