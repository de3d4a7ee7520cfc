"""Production: everything from environment variables (see README), PostgreSQL via DATABASE_URL."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import STORAGES

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
BASE_URL = os.environ.get("BASE_URL", "").rstrip("/")
if not BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "Set BASE_URL to the address the public uses, e.g. https://localoffer.example.gov.uk"
    )
WAGTAILADMIN_BASE_URL = BASE_URL
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("Set DATABASE_URL to the PostgreSQL database.")

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the site add to X-Forwarded-For; the feedback rate limit needs it
# to tell visitors apart (0 would count everyone behind a proxy as one visitor).
FEEDBACK_TRUSTED_PROXIES = int(os.environ.get("FEEDBACK_TRUSTED_PROXIES", "0"))
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
# The site's own subdomains are HTTPS too; "preload" only matters once the domain is submitted
# to the browsers' preload list, which stays a deliberate step.
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"

# The cache every worker shares (rate limits, single-use form tokens): redis://host:6379/0, or
# db://table for the database cache (`manage.py createcachetable` creates the table). Without one,
# the system check directory.E001 stops the site (a per-process cache lets limits leak).
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
elif CACHE_URL.startswith("db://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_URL.removeprefix("db://") or "localoffer_cache",
        }
    }
elif CACHE_URL:
    raise ImproperlyConfigured("CACHE_URL must start with redis://, rediss:// or db://")
REQUIRE_SHARED_CACHE = True
