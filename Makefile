# One entry point for people and CI. `make help` lists the targets.
# Everything runs inside ./.venv, created on first use from pyproject.toml.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OLDEST ?= .venv-oldest
# JupyterLab refuses to run as root unless told; ordinary users never need this.
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
# Localhost only; the token stays on (JupyterLab prints the URL with it).
SERVE_FLAGS := --ServerApp.ip=127.0.0.1 $(ROOT_FLAG)

.PHONY: help lab lab-solutions test test-oldest dashboard bench notebooks check-notebooks lint clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	touch $@ $(VENV)/.installed-run

lab: $(VENV)/.installed-run  ## set up, then open the notebooks in JupyterLab (localhost, with token)
	$(BIN)/jupyter lab $(SERVE_FLAGS) notebooks/

lab-solutions: $(VENV)/.installed-run  ## like `make lab`, at the repository root: solutions/ holds the masters (teachers)
	@# The repository root, not solutions/, so the masters' links to ../notebooks/README.md work.
	$(BIN)/jupyter lab $(SERVE_FLAGS) .

dashboard: $(VENV)/.installed-test  ## set up, then serve the actor explorer as a Voila app (localhost, token)
	@# Voila has no token unless given one: make a fresh one and print the address with it.
	@# tests/voila_launcher.py is plain `voila` plus the kernel-stall fix the browser tests use.
	@token=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(24))"); \
	echo "Dashboard: http://127.0.0.1:8866/?token=$$token"; \
	$(BIN)/python tests/voila_launcher.py --Voila.ip=127.0.0.1 --Voila.port=8866 \
		--token=$$token notebooks/dashboards/actor-explorer.ipynb

test: $(VENV)/.installed-test  ## set up, then run the whole test suite (browser tests included)
	$(BIN)/python -m pytest

test-oldest: $(OLDEST)/.installed  ## run package and notebook tests on the oldest supported versions
	$(OLDEST)/bin/python -m pytest -m "not browser"

$(OLDEST)/.installed: pyproject.toml constraints/oldest.txt
	$(PYTHON) -m venv $(OLDEST)
	$(OLDEST)/bin/python -m pip install --quiet --upgrade pip
	$(OLDEST)/bin/python -m pip install --quiet -c constraints/oldest.txt -e ".[test]"
	touch $@

bench: $(VENV)/.installed-test  ## run the performance benchmarks (prints a table, writes JSON)
	$(BIN)/python -m benchmarks

notebooks: $(VENV)/.installed-test  ## regenerate learner copies and navigation cells
	$(BIN)/python scripts/build_notebooks.py

lint: $(VENV)/.installed-test  ## ruff on package, tests and notebooks
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:  ## remove environments and caches
	rm -rf $(VENV) $(OLDEST) .pytest_cache .ruff_cache test-artifacts benchmarks/results
