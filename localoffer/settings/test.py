"""Tests: deterministic and fast. Local memory cache and mail, fast hasher, no external search."""

import os

from .base import *  # noqa: F401,F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"

# TEST_DATABASE_URL points the suite at the throwaway PostgreSQL that `make test` starts.
if os.environ.get("TEST_DATABASE_URL"):
    import dj_database_url

    DATABASES["default"] = dj_database_url.parse(os.environ["TEST_DATABASE_URL"])

# No external search in tests; search/tests/test_contract.py opts in from the environment.
ELASTICSEARCH_URL = ""

# Staff MFA is off so tests can force_login staff; accounts' own tests switch it on.
ACCOUNTS_REQUIRE_STAFF_MFA = False
