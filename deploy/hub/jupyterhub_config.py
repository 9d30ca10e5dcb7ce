# JupyterHub configuration for running the course for a class on one server (`make hub`).
#
# Every setting a teacher may want to change is an environment variable (defaults in brackets):
#   MDR_HUB_IP           [127.0.0.1] address to listen on; 0.0.0.0 serves the network
#   MDR_HUB_PORT         [8000]      public port
#   MDR_HUB_STATE        [~/.local/state/mdr-hub] database, cookie secret, passwords (0700)
#   MDR_HUB_ADMIN        [teacher]   the admin's login name
#   MDR_HUB_STUDENTS     []          comma-separated allow-list; empty: any name + the password
#   MDR_HUB_PASSWORD, MDR_HUB_ADMIN_PASSWORD  [generated once into $MDR_HUB_STATE/passwords.json]
#   MDR_HUB_MEM_LIMIT    [1G]        memory limit per student (server + kernels)
#   MDR_HUB_HOMES        [/home]     where students' homes are created
#   MDR_HUB_USER_PREFIX  [mdr-]      prefix of the students' system users
#   MDR_HUB_SSL_CERT, MDR_HUB_SSL_KEY  serve https (do this on any network)
#   MDR_HUB_LAB_SETTINGS [deploy/jupyterlab/settings] JupyterLab defaults (overrides.json)
#   MDR_HUB_INTERNAL_PORT [8081], MDR_HUB_PROXY_API_PORT [8001]
#   MDR_HUB_EXTRA_CONFIG  a config file of yours loaded last (OAuth/LTI login, secrets)
# The hub runs as root (it creates a system user per student); see README.md, "A hub for a class".
# ruff: noqa: F821  (`c` and `load_subconfig` are provided by JupyterHub)

import json
import os
import secrets
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

from mdr_hub import USERNAME_PATTERN  # noqa: E402


def env(name, default):
    return os.environ.get(name) or default


state = Path(env("MDR_HUB_STATE", Path.home() / ".local" / "state" / "mdr-hub")).expanduser()
state.mkdir(parents=True, exist_ok=True)
state.chmod(0o700)
if state.resolve().is_relative_to(REPO):
    raise SystemExit(f"MDR_HUB_STATE={state} is inside the repository: secrets must live outside")


def passwords() -> dict:
    """The shared passwords: from the environment, else made once and kept in the state dir."""
    path = state / "passwords.json"
    if path.exists():
        stored = json.loads(path.read_text())
    else:
        stored = {"student": secrets.token_urlsafe(9), "admin": secrets.token_urlsafe(32)}
        path.touch(mode=0o600)
        path.write_text(json.dumps(stored, indent=1) + "\n")
    return {
        "student": env("MDR_HUB_PASSWORD", stored["student"]),
        "admin": env("MDR_HUB_ADMIN_PASSWORD", stored["admin"]),
    }


ip = env("MDR_HUB_IP", "127.0.0.1")
port = int(env("MDR_HUB_PORT", "8000"))
cert, key = os.environ.get("MDR_HUB_SSL_CERT"), os.environ.get("MDR_HUB_SSL_KEY")
scheme = "https" if cert and key else "http"
c.JupyterHub.bind_url = f"{scheme}://{ip}:{port}/"
if cert and key:
    c.JupyterHub.ssl_cert, c.JupyterHub.ssl_key = cert, key
elif ip not in ("127.0.0.1", "localhost", "::1"):
    print(
        f"WARNING: serving {ip} over plain http: passwords cross the network unencrypted. "
        "Set MDR_HUB_SSL_CERT and MDR_HUB_SSL_KEY, or put an https proxy in front.",
        file=sys.stderr,
    )
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("MDR_HUB_INTERNAL_PORT", "8081"))

# State and secrets: outside the repository, private to root.
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env('MDR_HUB_PROXY_API_PORT', '8001')}"
# configurable-http-proxy from npm, installed by `make hub` into the venv (never global).
c.ConfigurableHTTPProxy.command = [
    str(Path(sys.prefix) / "hub-node" / "node_modules" / ".bin" / "configurable-http-proxy")
]

# Authentication for a workshop: one shared password for students, a separate one for the admin.
# For a real course swap in OAuth or LTI: see README.md ("Other logins").
pw = passwords()
admin = env("MDR_HUB_ADMIN", "teacher")
shown_ip = "127.0.0.1" if ip in ("0.0.0.0", "") else ip
print(
    f"Class hub: {scheme}://{shown_ip}:{port}/ ; students log in "
    f"with any name and the class password {pw['student']!r}; the admin {admin!r} uses the "
    f"password in {state / 'passwords.json'} (or MDR_HUB_ADMIN_PASSWORD).",
    file=sys.stderr,
)
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = pw["student"]
c.SharedPasswordAuthenticator.admin_password = pw["admin"]
c.Authenticator.admin_users = {admin}
c.Authenticator.username_pattern = USERNAME_PATTERN
students = [s.strip().lower() for s in env("MDR_HUB_STUDENTS", "").split(",") if s.strip()]
if students:
    c.Authenticator.allowed_users = set(students)
else:
    c.Authenticator.allow_all = True  # anyone who knows the class password, under any name

# One server per student, as their own system user, with the course and a memory limit.
c.JupyterHub.spawner_class = "mdr_hub.ClassroomSpawner"
c.ClassroomSpawner.system_user_prefix = env("MDR_HUB_USER_PREFIX", "mdr-")
c.ClassroomSpawner.homes_dir = env("MDR_HUB_HOMES", "/home")
c.ClassroomSpawner.course_source = str(REPO / "notebooks")
c.Spawner.mem_limit = env("MDR_HUB_MEM_LIMIT", "1G")
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
# `make hub-install` copies the settings into the hub's venv: students cannot read the clone.
lab_settings = Path(
    env("MDR_HUB_LAB_SETTINGS", Path(sys.prefix) / "share" / "mdr-teaching" / "settings")
)
c.Spawner.args = [
    f"--LabApp.app_settings_dir={lab_settings.resolve()}",
    "--KernelManager.transport=ipc",  # see ClassroomSpawner.runtime_dir
]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/lab/tree/mdr-course/00-start-here.ipynb"
# A class logs in at once: on 2 cores twenty servers take a while to come up.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180

# A real login (OAuth, LTI) or any other local change: a config file of your own, kept outside
# the repository with its client secrets, loaded last so it wins. See README.md, "Other logins".
if extra := os.environ.get("MDR_HUB_EXTRA_CONFIG"):
    load_subconfig(str(Path(extra).expanduser()))
