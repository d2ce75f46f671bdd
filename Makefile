# troopwatch — set-up, run, test. Works on a fresh Debian machine with Python 3.11+.
VENV    := .venv
PYTHON  ?= python3
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: setup system-deps test-deps run test lint format bench clean-es

# Java (for Elasticsearch) and Maven (to fetch it) from Debian when missing.
system-deps:
	@command -v java >/dev/null && command -v mvn >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      openjdk-17-jre-headless maven python3-venv >/dev/null; \
	  else echo "please install: openjdk-17-jre-headless maven python3-venv" >&2; exit 1; fi; }

# Chromium, for the tests that look at pages and pictures as a person would.
test-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "please install: chromium" >&2; exit 1; fi; }

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# The pinned Elasticsearch zip, fetched once with Maven and cached in ~/.cache/troopwatch.
setup: system-deps $(STAMP)
	$(BIN)/python -c "from troopwatch.es.local import fetch_distribution as f; f()"

run: setup
	$(BIN)/troopwatch run

test: setup test-deps
	$(BIN)/pytest -q -n auto --dist loadfile -m "not serial"
	$(BIN)/pytest -q -m serial

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup
	$(BIN)/python bench/bench_pipeline.py

clean-es:
	-$(BIN)/troopwatch es stop
	rm -rf var/elasticsearch var/es-test
