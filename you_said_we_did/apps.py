""" "You said, we did": responses that trace feedback to what the council did, and the register."""

from django.apps import AppConfig


class YouSaidWeDidConfig(AppConfig):
    name = "you_said_we_did"
    verbose_name = "You said, we did"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from directory.models import HomePage
        from you_said_we_did import signals  # noqa: F401

        # A higher floor names its own parent; the home page lists its children by name, so the
        # responses index adds itself there rather than the directory importing upwards.
        child = "you_said_we_did.ResponseIndexPage"
        if child not in HomePage.subpage_types:
            HomePage.subpage_types = [*HomePage.subpage_types, child]
