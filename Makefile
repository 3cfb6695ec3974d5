# Set-up and run everything with two commands: `make site` and `make test`.
# Both create .venv from the pinned requirements when it is missing or stale.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check schema bench clean chromium

## site: validate the data and build site/ (a failed build leaves site/ as it was)
site: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla check
	@rm -rf .site-new
	@$(BIN)/mkdocs build --strict --site-dir .site-new || { rm -rf .site-new; echo "Build failed: site/ is unchanged." >&2; exit 1; }
	@rm -rf .site-old; if [ -d site ]; then mv site .site-old; fi; mv .site-new site; rm -rf .site-old
	@echo "Built site/ - open site/index.html through a web server, or run 'make serve'."

## test: every test, browser tests included
test: $(VENV)/.test-deps chromium
	$(BIN)/python -m pytest tests -ra

## serve: preview on http://$(HOST), reloading on changes to data/, content/, macros/, overrides/
serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload

## check: validate data/services.yaml and data/prices.yaml only
check: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla check

## bench: full build time with 100 and 1,000 synthetic schools (targets: ratio <= 12, under 10 s)
bench: $(VENV)/.test-deps
	$(BIN)/python tests/benchmark.py

## schema: regenerate data/schema/*.json from the models
schema: $(VENV)/.site-deps
	@$(BIN)/python -m macros.sla schema

clean:
	rm -rf site .site-new .site-old .pytest_cache

$(VENV)/.site-deps: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.test-deps: requirements-test.txt requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@ $(VENV)/.site-deps

# Browser tests drive Debian's Chromium; install it if it is missing (needs root or sudo).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Chromium for the browser tests (apt-get install chromium)"; \
	  SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium \
	    || { echo "Could not install Chromium: run 'sudo apt-get install chromium' and try again." >&2; exit 1; }; \
	fi
