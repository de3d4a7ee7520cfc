"""Production settings come from the environment and refuse to start half-configured."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_ENV = {
    "DJANGO_SETTINGS_MODULE": "localoffer.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-this-test-only-0123456789",
    "DATABASE_URL": "postgres://localoffer:pw@db.internal:5432/localoffer",
    "ALLOWED_HOSTS": "localoffer.westshire.gov.uk, www.localoffer.westshire.gov.uk",
    "BASE_URL": "https://localoffer.westshire.gov.uk",
}
# Variables a developer's shell might set that would change what production reads.
_CLEARED = ("CACHE_URL", "EMAIL_URL", "EMAIL_HOST", "AWS_STORAGE_BUCKET_NAME", "WAGTAIL_ADMIN_PATH")


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in GOOD_ENV and k not in _CLEARED}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "BASE_URL"])
def test_start_up_stops_naming_the_missing_variable(missing):
    env = {k: v for k, v in GOOD_ENV.items() if k != missing}
    result = _run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"Set the environment variable {missing}" in result.stderr


# Reads the settings module itself: django.setup() would need boto3 for the S3 case.
SHOW_SETTINGS = """
import json
from localoffer.settings import production as settings
print(json.dumps({
    "tasks": settings.TASKS["default"]["BACKEND"],
    "db": {k: settings.DATABASES["default"][k] for k in ("ENGINE", "HOST", "NAME", "CONN_MAX_AGE", "CONN_HEALTH_CHECKS")},
    "hosts": settings.ALLOWED_HOSTS,
    "mailer": settings.MAILERS["default"],
    "media": settings.STORAGES["default"],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "middleware0": settings.MIDDLEWARE[0],
    "admin": settings.WAGTAIL_ADMIN_PATH,
    "proxies": settings.FEEDBACK_TRUSTED_PROXIES,
    "formatter": settings.LOGGING["formatters"]["json"]["()"],
}))
"""


def _settings(**extra: str) -> dict:
    result = _run(["-c", SHOW_SETTINGS], {**GOOD_ENV, **extra})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_reads_its_settings_from_the_environment():
    found = _settings(
        EMAIL_URL="submission://mailer%40westshire:p%40ss@smtp.westshire.gov.uk:587",
        AWS_STORAGE_BUCKET_NAME="westshire-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        WAGTAIL_ADMIN_PATH="/cms-westshire/",
        TRUSTED_PROXIES="2",
    )
    # A real task queue, worked by `manage.py db_worker`.
    assert found["tasks"] == "django_tasks_db.DatabaseBackend"
    assert found["db"] == {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "db.internal",
        "NAME": "localoffer",
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
    }
    assert found["hosts"] == ["localoffer.westshire.gov.uk", "www.localoffer.westshire.gov.uk"]
    mailer = found["mailer"]
    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] | {"timeout": 10} == {
        "host": "smtp.westshire.gov.uk",
        "port": 587,
        "username": "mailer@westshire",
        "password": "p@ss",
        "use_tls": True,
        "use_ssl": False,
        "timeout": 10,
    }
    assert found["media"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert found["media"]["OPTIONS"]["bucket_name"] == "westshire-media"
    assert found["media"]["OPTIONS"]["endpoint_url"] == "https://s3.example.net"
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["middleware0"] == "localoffer.logs.RequestIdMiddleware"
    assert found["admin"] == "cms-westshire/"
    assert found["proxies"] == 2
    assert found["formatter"] == "localoffer.logs.JSONFormatter"


def test_without_a_bucket_media_stays_on_the_filesystem_and_mail_uses_email_host():
    found = _settings(EMAIL_HOST="relay.internal", EMAIL_PORT="2525")
    assert found["media"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert found["mailer"]["OPTIONS"]["host"] == "relay.internal"
    assert found["mailer"]["OPTIONS"]["port"] == 2525


def test_the_site_starts_with_the_database_task_backend():
    script = (
        "import django; django.setup(); from django.tasks import task_backends; "
        "b = task_backends['default']; print(type(b).__module__, type(b).__name__)"
    )
    result = _run(["-c", script], GOOD_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django_tasks_db.backend", "DatabaseBackend"]
