# One entry point for people and CI. `make help` lists the targets.
# Everything runs inside ./.venv, created on first use from pyproject.toml.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OLDEST ?= .venv-oldest
# JupyterLab refuses to run as root unless told; ordinary users never need this.
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
# JupyterLab defaults shipped with the course (no news toast); PROJECTOR=1 adds large fonts.
LAB_SETTINGS := $(CURDIR)/deploy/jupyterlab/settings$(if $(PROJECTOR),-projector)
# Localhost only; the token stays on (JupyterLab prints the URL with it).
SERVE_FLAGS := --ServerApp.ip=127.0.0.1 $(ROOT_FLAG) --LabApp.app_settings_dir=$(LAB_SETTINGS)
# The classroom hub's own venv, from a Python every student's system user can run (a pyenv
# Python under /root is not), and outside the clone, which may sit in a private home such as
# /root: the package is copied in (not an editable install) with the JupyterLab settings, so a
# student's server never reads the clone. See deploy/hub/jupyterhub_config.py.
HUB_PYTHON ?= $(firstword $(wildcard /usr/bin/python3) $(PYTHON))
HUB_VENV   ?= /opt/mdr-teaching-hub
HUB_SOURCES := $(wildcard mdr_data/*.py mdr_data/*/*.py mdr_data/data/* mdr_data/geo/*.json \
	mdr_data/exercises/*.json deploy/jupyterlab/*/overrides.json)

.PHONY: help lab lab-solutions test test-oldest dashboard bench notebooks check-notebooks lint clean
.PHONY: hub hub-install classroom-bench site student-release exercise-digests

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,bench,site,deploy]"
	touch $@ $(VENV)/.installed-run

lab: $(VENV)/.installed-run  ## set up, then open the notebooks in JupyterLab (localhost, with token)
	$(BIN)/jupyter lab $(SERVE_FLAGS) notebooks/

lab-solutions: $(VENV)/.installed-run  ## like `make lab`, at the repository root: solutions/ holds the masters (teachers)
	@# The repository root, not solutions/, so the masters' links to ../notebooks/README.md work.
	$(BIN)/jupyter lab $(SERVE_FLAGS) .

$(VENV)/.installed-dashboard: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dashboard]"
	touch $@ $(VENV)/.installed-run

dashboard: $(VENV)/.installed-dashboard  ## set up, then serve the actor explorer as a Voila app (localhost, token)
	@# Voila has no token unless given one: make a fresh one and print the address with it.
	@token=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(24))"); \
	echo "Dashboard: http://127.0.0.1:8866/?token=$$token"; \
	$(BIN)/voila --Voila.ip=127.0.0.1 --Voila.port=8866 --token=$$token \
		notebooks/dashboards/actor-explorer.ipynb

# As root the hub tests run too, so the hub's venv is set up first.
test: $(VENV)/.installed-test $(if $(ROOT_FLAG),hub-install)  ## set up, then run the whole test suite (browser tests included)
	MDR_HUB_PYTHON=$(HUB_VENV)/bin/python $(BIN)/python -m pytest

test-oldest: $(OLDEST)/.installed  ## run package and notebook tests on the oldest supported versions
	$(OLDEST)/bin/python -m pytest -m "not browser and not hub and not site and not deploy"

$(OLDEST)/.installed: pyproject.toml constraints/oldest.txt
	$(PYTHON) -m venv $(OLDEST)
	$(OLDEST)/bin/python -m pip install --quiet --upgrade pip
	$(OLDEST)/bin/python -m pip install --quiet -c constraints/oldest.txt -e ".[test]"
	touch $@

bench: $(VENV)/.installed-test  ## run the performance benchmarks (prints a table, writes JSON)
	$(BIN)/python -m benchmarks

notebooks: $(VENV)/.installed-test  ## regenerate learner copies and navigation cells
	$(BIN)/python scripts/build_notebooks.py

exercise-digests: $(VENV)/.installed-test  ## recompute the self-checks' answer digests (after changing data or exercises)
	$(BIN)/python scripts/build_exercise_digests.py

student-release: $(VENV)/.installed-test  ## build dist/student/ and dist/mdr-teaching-student.zip (no solutions, tests or teacher notes)
	$(BIN)/python scripts/build_student_release.py

$(HUB_VENV)/.installed: pyproject.toml $(HUB_SOURCES)
	$(HUB_PYTHON) -m venv $(HUB_VENV)
	$(HUB_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(HUB_VENV)/bin/python -m pip install --quiet ".[hub]"
	$(HUB_VENV)/bin/python -m pip install --quiet --no-deps --force-reinstall .
	for flavour in settings settings-projector; do \
		mkdir -p $(HUB_VENV)/share/mdr-teaching/$$flavour && \
		cp deploy/jupyterlab/$$flavour/overrides.json $(HUB_VENV)/share/mdr-teaching/$$flavour/; \
	done
	chmod -R a+rX $(HUB_VENV)
	touch $@

# configurable-http-proxy from npm into the venv (Node >= 18 from the system; never global).
$(HUB_VENV)/hub-node/.installed: | $(HUB_VENV)/.installed
	npm install --prefix $(HUB_VENV)/hub-node --no-audit --no-fund --loglevel=error \
		configurable-http-proxy@5.3.0
	touch $@

hub-install: $(HUB_VENV)/.installed $(HUB_VENV)/hub-node/.installed  ## set up the classroom hub's venv (JupyterHub + configurable-http-proxy)

hub: hub-install  ## run the classroom JupyterHub as root (127.0.0.1:8000; MDR_HUB_IP=0.0.0.0 for a network)
	@test "$$(id -u)" = 0 || { echo "make hub must run as root: it creates a system user per student (sudo make hub)" >&2; exit 1; }
	MDR_HUB_LAB_SETTINGS=$(HUB_VENV)/share/mdr-teaching/settings$(if $(PROJECTOR),-projector) \
		$(HUB_VENV)/bin/jupyterhub -f deploy/hub/jupyterhub_config.py

classroom-bench: hub-install  ## load-test the hub with 5, 10, 20 students (root; writes benchmarks/classroom-results.json)
	MDR_HUB_PYTHON=$(HUB_VENV)/bin/python $(HUB_VENV)/bin/python -m benchmarks.classroom

site: $(VENV)/.installed-test  ## build the executed notebooks, guide and data dictionary as a website (build/site)
	$(BIN)/python scripts/build_site.py

lint: $(VENV)/.installed-test  ## the pre-commit hooks on every file: ruff, ruff-format, nbstripout
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

clean:  ## remove environments and caches
	rm -rf $(VENV) $(OLDEST) $(HUB_VENV) .pytest_cache .ruff_cache test-artifacts benchmarks/results
