"""Start and always stop the JupyterLab and Voilà servers that the browser tests drive.

Each server runs in its own process group with its config, data, runtime and workspace dirs in a
temporary folder, listens on a free loopback port and requires a random token. ``stop_all()`` is
called from fixture teardown, at exit and from a SIGTERM handler (``timeout`` sends SIGTERM,
which skips Python ``finally`` blocks), so no server outlives the test run.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
#: the JupyterLab defaults the course ships (no news toast), as `make lab` and `make hub` use
LAB_SETTINGS_DIR = REPO_ROOT / "deploy" / "jupyterlab" / "settings"
#: learner copies and master copies (with solutions), served side by side under their names
SERVED_DIRS = (NOTEBOOKS_DIR, REPO_ROOT / "solutions")

_RUNNING: list[ServerProcess] = []


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def isolated_env(home: Path, runtime_dir: Path) -> dict[str, str]:
    """Environment whose Jupyter/IPython/matplotlib state lives under ``home`` (a temp dir).

    ``runtime_dir`` holds the kernels' connection files and IPC sockets: keep its path short
    (a Unix socket path has at most 107 bytes). The repository root is put on PYTHONPATH so
    kernels import this checkout's ``mdr_data`` even though they run in a temporary copy of the
    notebooks.
    """
    dirs = {
        "JUPYTER_CONFIG_DIR": home / "config",
        "JUPYTER_DATA_DIR": home / "data",
        "JUPYTER_RUNTIME_DIR": runtime_dir,
        "IPYTHONDIR": home / "ipython",
        "MPLCONFIGDIR": home / "matplotlib",
        "JUPYTERLAB_WORKSPACES_DIR": home / "workspaces",
        "JUPYTERLAB_SETTINGS_DIR": home / "settings",
    }
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON"))}
    env.update({k: str(v) for k, v in dirs.items()})
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p
    )
    # No warnings-as-errors inside the servers/kernels: the notebooks' own checks decide that.
    env.pop("PYTHONWARNINGS", None)
    _write_json(
        # Render every cell into the DOM so the tests can inspect all of them.
        dirs["JUPYTERLAB_SETTINGS_DIR"]
        / "@jupyterlab"
        / "notebook-extension"
        / "tracker.jupyterlab-settings",
        {"windowingMode": "none"},
    )
    return env


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def warm_matplotlib_cache(env: dict[str, str]) -> None:
    """Build matplotlib's font cache now, not as stderr noise in a notebook's first cell."""
    subprocess.run(
        [sys.executable, "-c", "import matplotlib.font_manager"],
        env=env,
        check=False,
        capture_output=True,
        timeout=120,
    )


class ServerProcess:
    """A server in its own process group, logging to ``test-artifacts/logs/<name>.log``."""

    def __init__(
        self,
        name: str,
        argv: list[str],
        env: dict[str, str],
        cwd: Path,
        port: int,
        scratch: Path | None = None,
    ):
        self.name = name
        self.scratch = scratch  # a temp dir of ours, removed on stop
        self.port = port
        self.token = ""
        self.base_url = f"http://127.0.0.1:{port}"
        log_dir = ARTIFACTS / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"{name}-{port}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop())
        self.proc = subprocess.Popen(
            argv,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _RUNNING.append(self)

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""

    def wait_until_ready(self, path: str, timeout: float = 90.0) -> None:
        """Poll ``GET path`` until it answers 200; fail with the server's log if it never does."""
        url = self.base_url + path
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with {self.proc.returncode} before it was ready; "
                    f"log {self.log_path}:\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        raise RuntimeError(
            f"{self.name} not ready after {timeout:.0f}s at {url}; log {self.log_path}:\n"
            f"{self.log_tail()}"
        )

    def request(self, method: str, path: str) -> object:
        """JSON API call authenticated with the token (for cleanup)."""
        req = urllib.request.Request(
            self.base_url + path,
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(req, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def stop(self) -> None:
        """SIGTERM the server's process group, SIGKILL it if it lingers, then any kernel left.

        jupyter_client starts kernels in sessions of their own, so they are not in the server's
        process group: the server shuts them down on SIGTERM, and any it leaves are killed here.
        """
        if self in _RUNNING:
            _RUNNING.remove(self)
        children = _descendants(self.proc.pid)
        if self.proc.poll() is None:
            _signal_group(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                _signal_group(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        _signal_group(self.proc.pid, signal.SIGKILL)
        for pid, start_time in children:
            _kill_if_same(pid, start_time)
        self._log.close()
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


def _proc_stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, start time) of a live process, or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), fields[19]


def _descendants(pid: int) -> list[tuple[int, str]]:
    """(pid, start time) of every live descendant of ``pid`` (Linux /proc scan)."""
    parents: dict[int, list[tuple[int, str]]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _proc_stat(int(entry.name))):
            parents.setdefault(stat[0], []).append((int(entry.name), stat[1]))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child[0])
    return found


def _kill_if_same(pid: int, start_time: str) -> None:
    """SIGKILL ``pid`` only if it is still the process we saw (pids get reused)."""
    stat = _proc_stat(pid)
    if stat and stat[1] == start_time:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


def _signal_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def stop_all() -> None:
    for server in list(_RUNNING):
        server.stop()


def _on_sigterm(signum, frame):
    stop_all()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


def install_cleanup_handlers() -> None:
    """Stop every server at exit and on SIGTERM (idempotent)."""
    if getattr(install_cleanup_handlers, "done", False):
        return
    install_cleanup_handlers.done = True
    atexit.register(stop_all)
    if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, _on_sigterm)


# Kernels talk to the server over Unix sockets, not TCP: with TCP, jupyter_client picks five
# "free" ports that another process on this busy machine can take before the kernel binds them
# (seen here: "ZMQError: Address already in use", then a kernel that never answers).
KERNEL_TRANSPORT = "--KernelManager.transport=ipc"


def _short_runtime_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="mdr-rt-"))


def start_jupyterlab(root_dir: Path, home: Path) -> ServerProcess:
    runtime_dir = _short_runtime_dir()
    env = isolated_env(home, runtime_dir)
    warm_matplotlib_cache(env)
    port = free_port()
    token = secrets.token_hex(24)
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=",
        f"--LabApp.app_settings_dir={LAB_SETTINGS_DIR}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
        f"--LabApp.user_settings_dir={home / 'settings'}",
        "--ServerApp.terminals_enabled=False",
        KERNEL_TRANSPORT,
    ]
    server = ServerProcess("jupyterlab", argv, env, root_dir, port, scratch=runtime_dir)
    server.token = token
    try:
        server.wait_until_ready(f"/api/status?token={token}")
    except BaseException:
        server.stop()
        raise
    return server


def voila_argv(notebook: Path, port: int, token: str) -> list[str]:
    """Plain ``voila`` from this environment, with the flags ``make dashboard`` gives it."""
    return [
        str(Path(sys.executable).with_name("voila")),
        str(notebook),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        f"--token={token}",
        "--show_tracebacks=True",
    ]


def start_voila(notebook: Path, home: Path) -> ServerProcess:
    runtime_dir = _short_runtime_dir()
    env = isolated_env(home, runtime_dir)
    warm_matplotlib_cache(env)
    port = free_port()
    token = secrets.token_hex(24)
    argv = [*voila_argv(notebook, port, token), KERNEL_TRANSPORT]
    server = ServerProcess("voila", argv, env, notebook.parent, port, scratch=runtime_dir)
    server.token = token
    try:
        server.wait_until_ready("/voila/templates/lab/static/voila.js")
    except BaseException:
        server.stop()
        raise
    return server
