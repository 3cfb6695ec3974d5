# Set-up and run everything with two commands: `make site` and `make test`.
# Both create .venv from the pinned requirements when it is missing or stale.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
# The tests run on two processes, a test module each at a time (pytest-xdist); `make test PARALLEL=` runs them in one.
PARALLEL ?= -n 2 --dist loadfile
HOST   ?= 127.0.0.1:$(PORT)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site site-offline publish rollback test test-unit test-build test-browser lint serve check schema bench clean new-year undo-new-year \
        reviewed undo-reviewed \
        system-packages npm-package

# site, site-offline, publish, rollback and new-year take turns: each holds the lock file .lock while it runs, and
# a second one waits for the first (see macros/sla/lock.py).

## site: validate the data and build site/ (a failed build leaves site/ as it was)
site: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla site

## site-offline: build site-offline/, a copy that works opened from a folder (file://), search included
site-offline: $(VENV)/.site-deps node_modules/.installed
	@$(BIN)/python -m macros.sla site --offline

# DEST reaches the program through its environment, never inside a shell command.
export DEST

## publish: check the data, build the site and its offline copy as a new release in DEST/releases/, then make it
## live in one step, e.g. make publish DEST=/srv/intranet/ict-services (the web server serves DEST/current/site;
## the last five releases are kept; server examples in macros/server-examples/)
publish: $(VENV)/.site-deps node_modules/.installed
	@$(BIN)/python -m macros.sla publish

## rollback: make the release before the live one live again, e.g. make rollback DEST=/srv/intranet/ict-services
rollback: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla rollback

## test: every test, browser tests included
test: system-packages $(VENV)/.test-deps node_modules/.installed lint
	$(BIN)/python -m pytest tests -ra $(PARALLEL)

## lint: ruff (lint rules) over macros/ and tests/, and mypy (types) over macros/; settings in pyproject.toml
lint: $(VENV)/.test-deps
	$(BIN)/ruff check macros tests
	$(BIN)/mypy

## test-unit: the tests that need neither a build nor a browser (models, checks, renderer), in seconds
test-unit: $(VENV)/.test-deps
	$(BIN)/python -m pytest tests -ra -m unit

## test-build: the tests that build the site and read its HTML (the offline copy needs npm's Worker shim)
test-build: npm-package $(VENV)/.test-deps node_modules/.installed
	$(BIN)/python -m pytest tests -ra -m build $(PARALLEL)

## test-browser: Chromium (Playwright, axe-core) and the Nu HTML Checker (Java)
test-browser: system-packages $(VENV)/.test-deps node_modules/.installed
	$(BIN)/python -m pytest tests -ra -m browser $(PARALLEL)

## serve: preview on http://$(HOST), reloading on changes to data/, content/, macros/, overrides/;
## another port: make serve PORT=8001
serve: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla free-port "$(HOST)"
	SITE_PREVIEW=true $(BIN)/mkdocs serve --dev-addr $(HOST) --livereload

## check: validate the four data files (services, prices, schools, site) only
check: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla check

## bench: build times (100 and 1,000 synthetic schools; against bare Material with the same words), and
## Lighthouse's mobile performance of each kind of page against two bare Material baselines (needs Chromium and npm)
bench: system-packages $(VENV)/.test-deps node_modules/.installed
	$(BIN)/python tests/benchmark.py

# YEAR and CONFIRM reach the program through its environment, never inside a shell command.
export YEAR CONFIRM

## new-year: archive this year's data under data/archive/ and start YEAR, e.g. make new-year YEAR=2009/10
## (shows what it will do and asks you to confirm; CONFIRM=yes does not ask)
new-year: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla new-year

## undo-new-year: put the data back as it was before the last `make new-year`, and remove the archive it made
undo-new-year: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla undo-new-year

## reviewed: record that you have reviewed the site as its data are now (every page then says "Last reviewed")
reviewed: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla reviewed

## undo-reviewed: put data/site.yaml back as it was before the last `make reviewed`
undo-reviewed: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla reviewed --undo

## schema: regenerate data/schema/*.json from the models
schema: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla schema

clean:
	rm -rf site site-offline .site-new .site-old .site-offline-new .site-offline-old .pytest_cache

$(VENV)/.site-deps: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.test-deps: requirements-test.txt requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@ $(VENV)/.site-deps

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# The tests need Debian's Chromium (browser tests), Java (the HTML checker), nginx
# (the published site behind a real web server) and npm (axe-core, the Worker
# shim); install what is missing (needs root or sudo). The build tests need only npm.
system-packages: NEEDED := chromium java nginx npm
npm-package: NEEDED := npm
system-packages npm-package:
	@missing=""; \
	case " $(NEEDED) " in *" chromium "*) [ -x /usr/bin/chromium ] || missing="$$missing chromium";; esac; \
	case " $(NEEDED) " in *" nginx "*) [ -x /usr/sbin/nginx ] || missing="$$missing nginx";; esac; \
	case " $(NEEDED) " in *" java "*) command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless";; esac; \
	case " $(NEEDED) " in *" npm "*) command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm";; esac; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing \
	    || { echo "Could not install$$missing: install them with apt-get and try again." >&2; exit 1; }; \
	fi
