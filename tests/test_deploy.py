"""Beyond one server: the Zero to JupyterHub values, the students' image and Binder's recipe.

Only what this machine can check (no Docker, no cluster): the files parse, agree with the
one-server hub, the image installs with the rule CI runs, and repo2docker accepts the repository
(``--no-build`` writes the Dockerfile it would build from ``environment.yml``).
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.deploy


def test_z2jh_values_parse_and_match_the_one_server_hub():
    yaml = pytest.importorskip("yaml")
    values = yaml.safe_load((REPO / "deploy" / "z2jh" / "values.yaml").read_text())
    config = values["hub"]["config"]
    assert config["JupyterHub"]["authenticator_class"] == "shared-password"
    assert "user_password" not in config.get("SharedPasswordAuthenticator", {}), "no secrets"
    hub_config = (REPO / "deploy" / "hub" / "jupyterhub_config.py").read_text()
    # read, not imported: deploy/hub/mdr_hub.py needs JupyterHub, which lives in the hub's venv
    spawner_source = (REPO / "deploy" / "hub" / "mdr_hub.py").read_text()
    pattern = ast.literal_eval(re.search(r"^USERNAME_PATTERN = (.+)$", spawner_source, re.M)[1])
    assert config["Authenticator"]["username_pattern"] == pattern
    single = values["singleuser"]
    assert single["defaultUrl"] in hub_config
    assert single["memory"]["limit"] == "1G"
    assert re.search(r'env\("MDR_HUB_MEM_LIMIT", "1G"\)', hub_config)


def test_image_installs_with_the_rule_ci_runs():
    dockerfile = (REPO / "deploy" / "image" / "Dockerfile").read_text()
    run = re.search(r"RUN make HUB_VENV=(\S+) HUB_PYTHON=\S+ (\S+)", dockerfile)
    assert run and run.group(2) == f"{run.group(1)}/.installed", "the image must use make's rule"
    makefile = (REPO / "Makefile").read_text()
    rule = makefile.split("$(HUB_VENV)/.installed: pyproject.toml", 1)[1].split("\n\n", 1)[0]
    # a copy of the package, not an editable install: students' users cannot read the clone
    assert 'pip install --quiet ".[hub]"' in rule and " -e " not in rule
    # CI (root) builds the same rule before `make test`, through hub-install.
    assert re.search(r"^test: .*hub-install", makefile, re.M)
    assert "settings/overrides.json" not in dockerfile  # it points at the folder, like make hub
    assert "--LabApp.app_settings_dir=/srv/mdr-teaching/deploy/jupyterlab/settings" in dockerfile


def test_repo2docker_accepts_the_repository():
    exe = Path(sys.executable).parent / "jupyter-repo2docker"
    if not exe.exists():
        exe = shutil.which("jupyter-repo2docker")
        if exe is None:
            pytest.skip("jupyter-repo2docker is not installed (pip install -e '.[deploy]')")
    done = subprocess.run(
        [str(exe), "--no-build", "--debug", str(REPO)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-2000:]
    assert '--file "environment.yml"' in output, "repo2docker did not pick environment.yml"


def test_readme_has_a_binder_badge():
    readme = (REPO / "README.md").read_text()
    assert re.search(
        r"\[!\[Binder\]\(https://mybinder.org/badge_logo.svg\)\]\(https://mybinder.org/v2/", readme
    )
