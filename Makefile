# Two commands for a newcomer: `make run` serves the site with demo content, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HUGO ?= ../shared/iassist-hugo
PYTEST_ARGS ?=
# The address make run serves at, written into the site so its links and sitemap carry it.
SITE_HOSTNAME ?= 127.0.0.1
SITE_PORT ?= 8000

.PHONY: run test test-e2e install browser-tools lint format check-deploy import bench clean backup restore load lighthouse

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py set_site_address --hostname $(SITE_HOSTNAME) --port $(SITE_PORT)
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py runserver $(SITE_HOSTNAME):$(SITE_PORT)

test: install browser-tools
	$(BIN)/pytest $(PYTEST_ARGS)

# Only the browser tests (Chromium through a live server); screenshots go to artifacts/e2e/.
test-e2e: install browser-tools
	$(BIN)/pytest -m e2e iassist_site/tests/e2e $(PYTEST_ARGS)

install: $(VENV)/.installed

# axe-core for the accessibility tests and the CSS and JavaScript linters, pinned in package-lock.json;
# without npm the accessibility tests skip and `make lint` stops.
browser-tools: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the axe-core accessibility tests will be skipped"; fi

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# The checks of .pre-commit-config.yaml on every tracked file: ruff, the import contracts, djhtml, stylelint, eslint.
lint: install browser-tools
	@test -x node_modules/.bin/eslint || { echo "npm is needed for the CSS and JavaScript linters (apt-get install nodejs npm)"; exit 1; }
	$(BIN)/pre-commit run --all-files

format: install browser-tools
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/pre-commit run --all-files --hook-stage manual

# The production settings' deployment checks, with throwaway values for the secrets and the mail server.
check-deploy: install
	DJANGO_SETTINGS_MODULE=iassist_site.settings.production SECRET_KEY=$$(openssl rand -hex 32) \
		ALLOWED_HOSTS=conferences.example.org EMAIL_HOST=smtp.example.org DEFAULT_FROM_EMAIL=conferences@example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

import: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py import_hugo $(HUGO)

# The database and media files into backups/iassist-<UTC time>.tar.gz (see docs/security.md).
backup: install
	$(BIN)/python manage.py backup_site --output-dir backups

# `make restore ARCHIVE=backups/iassist-….tar.gz`: replaces all content after asking.
restore: install
	@test -n "$(ARCHIVE)" || { echo "Usage: make restore ARCHIVE=backups/iassist-<time>.tar.gz"; exit 2; }
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py restore_site "$(ARCHIVE)"

# 64 connections for 60 s against gunicorn with the production settings (see docs/security.md).
load: install
	$(BIN)/python bench/load.py

# Serving benchmark (docs/serving.md): gunicorn, nginx and wrk on 127.0.0.1:18000-18099.
bench: install
	$(BIN)/python bench/serve_bench.py

# Lighthouse (pinned in tools/lighthouse/package.json) on one page of each kind, as a phone (docs/serving.md).
lighthouse: install
	npm ci --prefix tools/lighthouse --no-audit --no-fund
	$(BIN)/python tools/lighthouse/run.py

clean:
	rm -rf $(VENV) staticfiles node_modules
