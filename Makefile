# The two commands of the README: `make run` (demo portal on http://localhost:8000) and
# `make test` (the whole suite). Both set up everything they need on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
LANGS := -l fr -l en -l es -l ar
# Apps with their own message catalogue (locale/ in the app); the rest goes to ./locale.
APPS_WITH_LOCALE := news calls forms search atlas accounts applications alerts apd proposals
MAKEMESSAGES_FLAGS := $(LANGS) --no-obsolete --add-location=never

.PHONY: install node-deps system-deps run serve test test-fast lint messages check-messages compilemessages postgres

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python node-deps
	$(BIN)/pip install --quiet -r requirements-dev.lock
	npm ci --no-audit --no-fund --loglevel=error

# npm installs the pinned official geographic code (package-lock.json); Debian's Node if missing.
node-deps:
	@command -v npm >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }

# Debian packages: gettext for the catalogues, Chromium for the browser tests, flite for the
# captcha's audio version, Java for the Nu HTML checker (tests/test_valid_html.py), Pango for
# WeasyPrint (the Atlas's PDF extract).
system-deps:
	@command -v msgfmt >/dev/null && command -v chromium >/dev/null && command -v flite >/dev/null \
	  && command -v java >/dev/null && ldconfig -p | grep -q libpangoft2-1.0 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext chromium flite \
	    default-jre-headless libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

compilemessages:
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0

# The server, the task worker and the scheduler together (Procfile.dev through honcho): Ctrl-C
# stops all three, and so does one of them stopping. The demo is loaded with the immediate task
# backend: the roles' and taxonomy's index updates are done at once, not queued (the demo's own
# pages are indexed in bulk by load_demo whatever the backend).
RUN_PORT ?= 8000
run: install system-deps compilemessages
	$(BIN)/python manage.py migrate --noinput
	TASKS_BACKEND=immediate $(BIN)/python manage.py load_demo
	TASKS_BACKEND=immediate $(BIN)/python manage.py load_atlas_demo
	TASKS_BACKEND=immediate $(BIN)/python manage.py load_apd_demo
	RUN_PORT=$(RUN_PORT) $(BIN)/honcho -f Procfile.dev start

test: install system-deps compilemessages
	$(BIN)/python -m pytest -n auto --maxprocesses=4

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run

messages:
	$(BIN)/python manage.py makemessages $(MAKEMESSAGES_FLAGS) $(foreach app,$(APPS_WITH_LOCALE),-i $(app)) -i .venv -i tests -i node_modules -v0
	for app in $(APPS_WITH_LOCALE); do (cd $$app && DJANGO_SETTINGS_MODULE=portal.settings PYTHONPATH=.. ../$(BIN)/django-admin makemessages $(MAKEMESSAGES_FLAGS) -v0); done

# The catalogues must hold every string of the code, translated into fr, es and ar.
check-messages: messages
	$(BIN)/python scripts/check_messages.py
