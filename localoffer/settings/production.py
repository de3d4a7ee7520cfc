"""Production: everything from environment variables (README, "Production settings").

A missing required variable stops start-up with ImproperlyConfigured naming it, so a server never
runs half-configured. Any number of app servers can run these settings side by side: nothing is
kept in one process (sessions in the database, cache in Redis, tasks in the database queue).
"""

import os
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, INSTALLED_APPS, MIDDLEWARE, STORAGES


def required(name: str) -> str:
    """The variable's value, or stop start-up naming it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"Set the environment variable {name} (see README.md, Production settings)."
        )
    return value


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
# Old keys still accepted for signatures while sessions and links made with them expire.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
# Where the public reaches the site: every absolute link (emails, admin, sitemap, API) uses it.
BASE_URL = required("BASE_URL").rstrip("/")
if not BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "Set BASE_URL to the address the public uses, e.g. https://localoffer.example.gov.uk"
    )
WAGTAILADMIN_BASE_URL = BASE_URL
required("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Persistent connections, checked before reuse, so a restarted database costs the requests in
# flight and nothing after it.
DATABASES = {
    "default": dj_database_url.parse(
        required("DATABASE_URL"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    if "django.contrib.postgres" not in INSTALLED_APPS:
        INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.postgres"]
    # A server that vanished (failover, network cut) gives an error within seconds instead of
    # a connection or query that waits forever; `?connect_timeout=...` in the URL overrides.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": 10,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
        **DATABASES["default"].get("OPTIONS", {}),
    }

# Background work runs in `manage.py db_worker` (django-tasks-db), queued in the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Static files: hashed names and compressed copies, made by collectstatic, served by WhiteNoise.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
# Uploaded images and documents: a directory every app server shares, or an S3-compatible bucket.
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID"),
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY"),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL"),
            "region_name": os.environ.get("AWS_S3_REGION_NAME"),
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN"),
            "location": os.environ.get("AWS_LOCATION", ""),
            "default_acl": "private",
            "querystring_auth": env_flag("AWS_QUERYSTRING_AUTH", "1"),
            "file_overwrite": False,
        },
    }

# Proxies: how many add to X-Forwarded-For in front of the app (the load balancer, nginx).
TRUSTED_PROXIES = int(
    os.environ.get("TRUSTED_PROXIES", os.environ.get("FEEDBACK_TRUSTED_PROXIES", "0"))
)
FEEDBACK_TRUSTED_PROXIES = TRUSTED_PROXIES
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", "1")
# The health check answers plain HTTP so a load balancer can probe the app server directly.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
# The site's own subdomains are HTTPS too; "preload" only matters once the domain is submitted
# to the browsers' preload list, which stays a deliberate step.
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"


def mailer_from_environment() -> dict:
    """The default mailer from EMAIL_URL (smtp://user:pass@host:587?tls=1) or EMAIL_HOST etc."""
    options: dict = {"timeout": int(os.environ.get("EMAIL_TIMEOUT", "10"))}
    if url := os.environ.get("EMAIL_URL", "").strip():
        parts = urlsplit(url)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        if parts.scheme not in {"smtp", "smtps", "submission"}:
            raise ImproperlyConfigured(
                "EMAIL_URL must start with smtp://, smtps:// or submission://"
            )
        options |= {
            "host": parts.hostname or "localhost",
            "port": parts.port,
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_ssl": parts.scheme == "smtps",
            "use_tls": parts.scheme == "submission" or query.get("tls") in {"1", "true"},
        }
    else:
        options |= {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_flag("EMAIL_USE_TLS"),
            "use_ssl": env_flag("EMAIL_USE_SSL"),
        }
    backend = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    if not backend.endswith("smtp.EmailBackend"):
        options = {}
    return {"BACKEND": backend, "OPTIONS": options}


# Django 6.1's MAILERS replaces the EMAIL_* settings, which may not be defined beside it.
MAILERS = {"default": mailer_from_environment()}
del EMAIL_BACKEND  # noqa: F821 - defined in base, not allowed beside MAILERS
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405

# One JSON object per log line, each with the request id (localoffer/logs.py).
MIDDLEWARE = [m for m in MIDDLEWARE if m != "localoffer.logs.RequestIdMiddleware"]
MIDDLEWARE.insert(0, "localoffer.logs.RequestIdMiddleware")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "localoffer.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "localoffer.logs.JSONFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Our request log line replaces Django's "Not Found" warnings for every 404.
        "django.request": {"level": "ERROR"},
        "django.db.backends": {"level": "WARNING"},
    },
}

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
