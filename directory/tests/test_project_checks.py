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


def _import_production_settings():
    saved = {name: sys.modules.pop(name, None) for name in SETTINGS_MODULES}
    try:
        return importlib.import_module("localoffer.settings.production")
    finally:
        for name, module in saved.items():
            sys.modules.pop(name, None)
            if module is not None:
                sys.modules[name] = module


@pytest.fixture
def production_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret-" + "x" * 40)
    monkeypatch.setenv("DATABASE_URL", "postgres://localoffer@db.example/localoffer")
    monkeypatch.setenv("ALLOWED_HOSTS", "localoffer.westshire.example")
    monkeypatch.setenv("BASE_URL", "https://localoffer.westshire.example/")
    return monkeypatch


def test_production_settings_come_from_the_environment(production_environment):
    """Production reads its secrets, hosts, address and database from environment variables."""
    production = _import_production_settings()

    assert production.DEBUG is False
    assert production.ALLOWED_HOSTS == ["localoffer.westshire.example"]
    assert production.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SECURE_HSTS_SECONDS >= 31536000
    assert production.BASE_URL == production.WAGTAILADMIN_BASE_URL
    assert production.BASE_URL == "https://localoffer.westshire.example"


@pytest.mark.parametrize("value", ["", "localoffer.westshire.example"])
def test_production_refuses_to_start_without_a_base_url(production_environment, value):
    """Without BASE_URL every absolute link would point at a guess: refuse, naming it."""
    from django.core.exceptions import ImproperlyConfigured

    production_environment.setenv("BASE_URL", value)
    with pytest.raises(ImproperlyConfigured, match="BASE_URL"):
        _import_production_settings()


@pytest.mark.django_db
@pytest.mark.postgres
def test_no_model_change_is_missing_a_migration():
    out = io.StringIO()

    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"Model changes without a migration:\n{out.getvalue()}")
