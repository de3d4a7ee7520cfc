"""The project passes Django's system checks and has a migration for every model change."""

import importlib
import io
import sys

import pytest
from django.core.management import call_command

SETTINGS_MODULES = ("localoffer.settings.base", "localoffer.settings.production")


@pytest.mark.django_db
def test_system_checks_pass():
    out = io.StringIO()

    call_command("check", "--fail-level", "WARNING", stdout=out, stderr=out)

    assert "System check identified no issues" in out.getvalue()


def test_production_settings_come_from_the_environment(monkeypatch):
    """Production reads its secrets, hosts and database from environment variables."""
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret-" + "x" * 40)
    monkeypatch.setenv("DATABASE_URL", "postgres://localoffer@db.example/localoffer")
    monkeypatch.setenv("ALLOWED_HOSTS", "localoffer.westshire.example")
    saved = {name: sys.modules.pop(name, None) for name in SETTINGS_MODULES}
    try:
        production = importlib.import_module("localoffer.settings.production")
    finally:
        for name, module in saved.items():
            sys.modules.pop(name, None)
            if module is not None:
                sys.modules[name] = module

    assert production.DEBUG is False
    assert production.ALLOWED_HOSTS == ["localoffer.westshire.example"]
    assert production.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SECURE_HSTS_SECONDS >= 31536000


@pytest.mark.django_db
@pytest.mark.postgres
def test_no_model_change_is_missing_a_migration():
    out = io.StringIO()

    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"Model changes without a migration:\n{out.getvalue()}")
