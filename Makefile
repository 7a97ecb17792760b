# Together: `make demo` to try it, `make test` to test it. `make help` lists every target.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv
# uv comes from PATH if it is there; if not, pip installs it into .tools/ (no root needed).
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := .tools/bin/uv
endif
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install demo serve test lint format bench backup restore clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --quiet
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed node_modules/.installed ## Install Python and front-end packages (only when the lock files change)

var:
	@mkdir -p var

demo: install var ## Set up a SQLite database with demo data and serve it at http://127.0.0.1:8000
	@TOGETHER_ENV=demo $(MANAGE) migrate --no-input -v 0
	@TOGETHER_ENV=demo $(MANAGE) createcachetable
	@TOGETHER_ENV=demo $(MANAGE) demo_data --if-empty
	@TOGETHER_ENV=demo $(MANAGE) demo_accounts
	@# The background worker (batches of letter PDFs) runs beside the server and stops with it.
	TOGETHER_ENV=demo $(MANAGE) db_worker & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT; \
	TOGETHER_ENV=demo TOGETHER_PUBLIC_URL=http://$(HOST):$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

serve: install var ## Serve with gunicorn, the task worker and production settings (needs DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and EMAIL_URL)
	TOGETHER_ENV=production $(MANAGE) check --deploy --fail-level ERROR -v 0
	TOGETHER_ENV=production $(MANAGE) collectstatic --no-input -v 0
	TOGETHER_ENV=production $(MANAGE) migrate --no-input -v 0
	TOGETHER_ENV=production $(MANAGE) createcachetable
	@# Batches of letters a killed worker left half made start again (no worker runs yet).
	TOGETHER_ENV=production $(MANAGE) letters_resume_batches --stale-minutes 0
	@# The task worker (letter batches, emails) runs beside gunicorn and stops with it.
	TOGETHER_ENV=production $(MANAGE) db_worker & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT; \
	TOGETHER_ENV=production $(VENV)/bin/gunicorn together.wsgi --bind $(HOST):$(PORT) --workers 3

backup: install var ## Back up the database to var/backups/ (or FILE=...): pg_dump, or SQLite's online backup
	$(MANAGE) backup $(FILE)

restore: install ## Restore FILE=... into an empty database (REPLACE=1 to replace one that has tables)
	@test -n "$(FILE)" || { echo "Say which backup: make restore FILE=var/backups/..."; exit 2; }
	$(MANAGE) restore $(FILE) $(if $(REPLACE),--replace)

# Tests run in parallel, one process a core (pytest-xdist; each has its own test database).
# TEST_WORKERS=0 runs them in this process, for a debugger.
TEST_WORKERS ?= auto

test: install ## Run the whole test suite (on PostgreSQL when DATABASE_URL points at one)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install ## Check the code with ruff, and the one-way layers between apps with import-linter
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@# The contracts are in pyproject.toml (docs/adr/0011-one-way-layers.md); the graph takes
	@# under a second to build, so no cache directory is kept.
	$(VENV)/bin/lint-imports --no-cache --no-logo

format: install ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install var ## Run the benchmarks in bench/ and print ratios against the floor
	$(PY) bench/run.py

clean: ## Remove installed packages, the database and collected files
	rm -rf $(VENV) .tools node_modules var
