# Local Offer: `make run` serves the site, `make test` runs every test. `make help` lists targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help run install install-test chromium test test-sqlite test-postgres smoke lint check clean assets bench test-es loadtest

VENV ?= .venv
PY := $(VENV)/bin/python
PIP := PIP_DISABLE_PIP_VERSION_CHECK=1 $(PY) -m pip
PYTEST := $(PY) -m pytest
# Override the interpreter used to create .venv: make run PYTHON=/path/to/python3.12
PYTHON ?=
# The development server's port: make run PORT=8001
PORT ?= 8000
# Test processes per pass (pytest-xdist): make test TEST_WORKERS=1 runs them one after another.
# loadfile: each test file runs on one worker, so a module that loads the demo once keeps it.
# (loadgroup does nothing on pytest 9: xdist 3.8 renames nodes through an attribute pytest 9 no longer reads.)
TEST_WORKERS ?= auto
XDIST := -n $(TEST_WORKERS) --dist loadfile

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-14s %s\n", $$1, $$2}'

# Absolute links (sitemap, API, emails) point where `make run` serves.
run: export BASE_URL = http://127.0.0.1:$(PORT)
run: install ## Install, migrate, load the demo content if empty, serve http://127.0.0.1:8000
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content --if-empty
	$(PY) manage.py set_site_address
	$(PY) manage.py create_demo_editor
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

install: $(VENV)/.installed-run ## Create .venv with Python 3.12+ and install the pinned dependencies

install-test: $(VENV)/.installed-test ## Install the dependencies and the test tools

$(PY):
	@python="$(PYTHON)"; [ -n "$$python" ] || python="$$(scripts/find-python)"; \
	echo "Creating $(VENV) with $$python ($$("$$python" --version))"; \
	"$$python" -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed-run: pyproject.toml requirements.lock | $(PY)
	$(PIP) install -q -c requirements.lock -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml requirements.lock | $(PY)
	$(PIP) install -q -c requirements.lock -e '.[test]'
	@touch $@ $(VENV)/.installed-run

chromium: ## Install Debian's chromium for the browser tests if /usr/bin/chromium is missing
	@[ -x /usr/bin/chromium ] || scripts/apt-install chromium fonts-liberation

test: install-test chromium ## Run every test: SQLite pass, then the database tests on a throwaway PostgreSQL
	@start=$$(date +%s); status=0; \
	$(MAKE) --no-print-directory test-sqlite || status=1; \
	$(MAKE) --no-print-directory test-postgres || status=1; \
	echo "make test took $$(( $$(date +%s) - start )) s"; \
	[ $$status -eq 0 ] && echo "make test: both passes passed" || echo "make test: FAILED"; \
	exit $$status

test-sqlite: install-test chromium ## Run the suite on SQLite (everything but postgres_only)
	$(PYTEST) -p no:cacheprovider $(XDIST) --durations=25 -m "not postgres_only"

test-postgres: install-test ## Run the postgres and postgres_only tests on a throwaway PostgreSQL
	scripts/throwaway-postgres $(PYTEST) -p no:cacheprovider $(XDIST) --durations=10 -m "postgres or postgres_only"

smoke: ## Check `make run` as a newcomer gets it: runtime-only venv, fresh database, pages and links
	scripts/smoke-run

test-es: install-test ## Run the search contract suite on the Elasticsearch backend (noida-db emulator)
	scripts/test-es

bench: install ## Benchmark search, its relevance and the ORUK API (BENCH_SIZES=1000,10000 to shorten); writes docs/benchmarks*.md
	scripts/bench-relevance
	scripts/bench-search
	scripts/bench-oruk
	scripts/bench-pages

loadtest: install ## Two production app servers + worker, Redis, PostgreSQL under locust with faults (not in make test); writes docs/benchmarks-load.md
	scripts/loadtest

lint: install-test ## Check formatting and lint with ruff
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

check: install ## Django system checks (production settings too) and missing migrations
	$(PY) manage.py check
	DJANGO_SETTINGS_MODULE=localoffer.settings.production SECRET_KEY=check ALLOWED_HOSTS=localhost \
		BASE_URL=https://localoffer.example DATABASE_URL=postgres://localhost/check \
		CACHE_URL=db://localoffer_cache $(PY) manage.py check --deploy --fail-level ERROR
	$(PY) manage.py makemigrations --check --dry-run

clean: ## Remove caches, collected static files and test output (keeps .venv and db.sqlite3)
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache staticfiles test-results

assets: ## Rebuild the compiled CSS and JS in static/ from GOV.UK Frontend (needs Node and npm)
	npm ci
	npm run build
