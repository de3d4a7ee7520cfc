"""Gunicorn settings for production (`gunicorn -c gunicorn.conf.py localoffer.wsgi`).

Every value can be changed from the environment; see docs/deploy.md.
"""

import multiprocessing
import os

# Where to listen: a loopback port behind nginx, or 0.0.0.0:8000 behind a load balancer.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Pages spend their time in Python and the database: two processes per core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# The app writes one JSON line per request (localoffer/logs.py); gunicorn's own log is for errors.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Trust X-Forwarded-* only from the proxies in front (comma-separated addresses).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "localoffer"
