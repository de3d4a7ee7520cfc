"""Accounts for families, young people, forum members and staff: sign-in, profile, rights."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accounts import audit  # noqa: F401  (connects the audit log's signal receivers)
