"""Content-Security-Policy on public and admin pages, and `check --deploy` clean in production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from directory.factories import InformationPageFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = [part.strip().split() for part in header.split(";") if part.strip()]
    return {d[0]: d[1:] for d in directives}


@pytest.fixture
def pages(site_root, directory_page, make_service):
    guide = InformationPageFactory(parent=site_root, title="Short breaks statement")
    service = make_service("Aiming High short breaks")
    return [site_root.url, directory_page.url, guide.url, service.url, "/search/?q=short"]


def test_public_pages_forbid_inline_scripts_and_styles(client, pages):
    for url in [*pages, "/shortlist/", "/feedback/", "/no-such-page/"]:
        response = client.get(url)
        csp = policy(response)
        assert csp["default-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in csp["script-src"], url
        assert csp["style-src"] == ["'self'"], url
        assert csp["object-src"] == ["'none'"], url
        assert csp["frame-ancestors"] == ["'self'"], url
        html = response.content.decode()
        assert "<script>" not in html and "<style" not in html and ' style="' not in html, url


def test_the_api_has_the_header_too(client):
    assert policy(client.get("/api/oruk/services"))["default-src"] == ["'self'"]


def test_the_admin_has_its_own_policy(admin_client, pages):
    for url in ["/admin/", "/admin/pages/"]:
        response = admin_client.get(url)
        csp = policy(response)
        assert csp["default-src"] == ["'self'"], url
        assert csp["script-src"] == ["'self'", "'unsafe-inline'"], url
        assert csp["object-src"] == ["'none'"], url


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "localoffer.settings.production",
        "SECRET_KEY": "k" * 30 + "-production-like-secret-" + "x" * 30,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "localoffer.example.org",
        "BASE_URL": "https://localoffer.example.org",
        "CACHE_URL": "redis://127.0.0.1:6379/0",
    }
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a deployment does not.
    for name in (
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    ):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    # Without a shared cache the same check stops the site.
    env.pop("CACHE_URL")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "directory.E001" in result.stdout + result.stderr
