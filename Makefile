# The project's commands. `make run` serves the demo; `make test` is what CI
# runs (through .ci/run). Every target can be run on a fresh Debian 12 machine
# with Python 3.11 and Node 20, and again at no cost: work is redone only when
# its inputs change.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
# Newest Lighthouse that runs on Node 20 (13.x needs Node 22). Not in
# package.json: it and its dependencies weigh ~176 MB, which every `npm ci`
# would pay for a check we run by hand.
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE_URL ?= http://127.0.0.1:5000/

# CI sets CI=true in the environment (see .ci/run); make passes environment
# variables through to every command, so tests/conftest.py sees it and turns
# "skip: no Chromium/PostgreSQL" into a failure.

.PHONY: help install assets install-test-deps db run test lint format typecheck \
        bench lighthouse clean distclean check-toolchain

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

# --- Installing ---------------------------------------------------------------

install: $(VENV)/.installed node_modules/.stamp assets ## Python venv, npm packages and built assets (idempotent)

check-toolchain:
	@PYTHON=$(PYTHON) scripts/check_toolchain.sh

# The stamp, not the venv directory, is the target: a pip install that fails
# halfway leaves .venv behind, and we want the next run to try again.
$(VENV)/.installed: pyproject.toml | check-toolchain
	@[[ -x $(BIN)/python ]] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

# --ignore-scripts: none of our packages needs an install script (sass's
# optional file watcher has prebuilt binaries), and not running them is safer.
node_modules/.stamp: package-lock.json package.json | check-toolchain
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

assets: node_modules/.stamp ## Compile Sass and copy JS/images into static/dist/
	@scripts/build_assets.sh

install-test-deps: ## Debian's Chromium and PostgreSQL 15 binaries, when missing
	@scripts/install_test_deps.sh

# --- Running ------------------------------------------------------------------

db: install ## Create or upgrade the database to the latest migrations
	$(FLASK) db upgrade heads

# FLASK_RUN_HOST and FLASK_RUN_PORT are read by `flask run`, and by seed-demo to print the
# address its demo staff sign in at.
run: export FLASK_RUN_HOST := 127.0.0.1
run: export FLASK_RUN_PORT := 5000
run: db ## Load demo data when the database is empty and serve on 127.0.0.1:5000
	$(FLASK) seed-demo --if-empty
	$(FLASK) run

# --- Checking -----------------------------------------------------------------

# pytest exits 5 when it collected no tests; make treats any non-zero exit as a
# failure, which is what we want: a suite that ran nothing has proved nothing.
test: install install-test-deps install-redis lint typecheck ## Everything CI checks: lint, types, the whole test suite
	$(BIN)/pytest -n 2

lint: install ## ruff lint and format check (changes nothing)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Apply ruff's formatting and safe fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: install ## mypy over feedback_app (configured in pyproject.toml)
	$(BIN)/mypy

bench: install ## Run every benchmarks/*.py in turn
	@shopt -s nullglob; scripts=(benchmarks/*.py); \
	if (( $${#scripts[@]} == 0 )); then echo "bench: no benchmarks/*.py yet"; exit 0; fi; \
	for script in "$${scripts[@]}"; do \
	  echo "== $$script"; $(BIN)/python "$$script"; \
	done

# Runs against a server that is already up (make run, in another terminal).
# npm exec fetches the pinned Lighthouse into npm's cache on first use.
lighthouse: install install-test-deps ## Lighthouse mobile report for LIGHTHOUSE_URL (server must be running)
	@mkdir -p reports
	CHROME_PATH=/usr/bin/chromium npm exec --yes lighthouse@$(LIGHTHOUSE_VERSION) -- \
	  "$(LIGHTHOUSE_URL)" --quiet --form-factor=mobile \
	  --only-categories=performance,accessibility,best-practices \
	  --chrome-flags="--headless=new --no-sandbox" \
	  --output=json --output=html --output-path=reports/lighthouse
	@$(BIN)/python -c 'import json; r = json.load(open("reports/lighthouse.report.json")); \
	print({k: round(v["score"] * 100) for k, v in r["categories"].items()})'

# --- Tidying ------------------------------------------------------------------

clean: ## Remove built assets and tool caches (keeps .venv and node_modules)
	rm -rf static/dist reports .pytest_cache .mypy_cache .ruff_cache
	find . -path ./.venv -prune -o -path ./node_modules -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean ## Also remove .venv and node_modules
	rm -rf $(VENV) node_modules

# --- Production shape, load, faults and attack (issue 6) ---------------------
# Heavy checks kept out of `make test`; CI runs `test-postgres` after `test`.

.PHONY: install-redis test-postgres backup-test load faults scan

install-redis: ## Debian's redis-server, when missing (the tests start their own)
	@command -v redis-server >/dev/null || [[ -x /usr/bin/redis-server ]] || { \
	  sudo=""; [[ $$(id -u) -eq 0 ]] || sudo=sudo; \
	  $$sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	  $$sudo apt-get install -y -q --no-install-recommends redis-server; }

test-postgres: install install-test-deps install-redis ## The suite (less browsers) on PostgreSQL + Redis
	$(BIN)/python scripts/test_postgres.py -q

backup-test: install install-test-deps ## Backup and restore round trips on SQLite and PostgreSQL
	$(BIN)/pytest tests/integration/ops/test_backup.py -q

load: install install-test-deps ## 400 parents, 40 at a time, on SQLite then PostgreSQL (gunicorn)
	scripts/load_test.sh

faults: install install-test-deps ## Kill a worker and restart PostgreSQL under load
	$(BIN)/python scripts/fault_test.py

scan: install ## wapiti and sqlmap against the app on 127.0.0.1 (own venv, bounded)
	scripts/scan.sh
