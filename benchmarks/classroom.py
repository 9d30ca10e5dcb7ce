"""A class on the hub: ``make classroom-bench`` (``python -m benchmarks.classroom``).

Starts the classroom hub (``deploy/hub/jupyterhub_config.py``) with its state, homes and ports
in a scratch folder, then for each class size N simulates N students at once. Each student:

1. logs in through the hub's login form (shared password) and asks the hub for an API token,
2. starts their server (timed: *spawn*, from the request until the hub reports it ready),
3. finds the course copied into their home, opens a kernel on ``NOTEBOOK``,
4. runs every code cell top to bottom over the kernel's websocket (what *Run All* sends),
5. changes the notebook's widget controls ``CHANGES`` times, about one change a second, all
   students at the same time (timed: *widget latency*, from the change message leaving the
   client until the kernel is idle again after redrawing — the kernel side of what a student
   waits for; the browser adds ~70–200 ms of rendering on top, see TESTING-NOTES).

Recorded per N: spawn time (median, max), resident memory per student (all processes of the
student's system user: server + kernel), hub overhead (hub + proxy), widget latency p50/p95
under load, and failures (errors in any step; must be 0). Needs root, like the hub.
Results go to ``benchmarks/classroom-results.json`` (committed; the README's table comes from it).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import datetime
import json
import os
import platform
import pwd
import random
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HUB_CONFIG = REPO / "deploy" / "hub" / "jupyterhub_config.py"
RESULTS = REPO / "benchmarks" / "classroom-results.json"
NOTEBOOK = "02-offensive-missile-capabilities.ipynb"
COURSE_DIR = "mdr-course"
CHANGES = 12


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hub_python() -> Path:
    """The hub's Python: its own venv (``make hub-install``), from a Python every user can run."""
    return Path(os.environ.get("MDR_HUB_PYTHON") or "/opt/mdr-teaching-hub/bin/python")


def missing_requirements() -> str | None:
    """Why the hub cannot run here, or None."""
    if os.geteuid() != 0:
        return "the hub must run as root (it creates a system user per student)"
    for tool in ("useradd", "userdel", "runuser"):
        if not shutil.which(tool):
            return f"{tool} is missing (Debian packages passwd, util-linux)"
    python = hub_python()
    if not python.exists():
        return f"no hub environment at {python} (run `make hub-install`)"
    proxy = python.parent.parent / "hub-node" / "node_modules" / ".bin" / "configurable-http-proxy"
    if not proxy.exists():
        return f"configurable-http-proxy is not installed at {proxy} (run `make hub-install`)"
    # Students' servers run as other users: an unprivileged user must be able to run it all.
    probe = subprocess.run(
        ["runuser", "-u", "nobody", "--", str(python), "-c",
         "import jupyterhub.singleuser, ipykernel, mdr_data"],
        capture_output=True, text=True, cwd="/",
    )  # fmt: skip
    if probe.returncode:
        return (
            f"an unprivileged user cannot run {python} with the course installed "
            f"(is every folder above it searchable by others?): {probe.stderr.strip()[-300:]}"
        )
    return None


# --- the hub ---------------------------------------------------------------------------------


class Hub:
    """The classroom hub, started with everything in a scratch folder; ``stop()`` cleans up."""

    def __init__(self, mem_limit: str = "1G", log_path: Path | None = None):
        self.scratch = Path(tempfile.mkdtemp(prefix="mdr-hub-"))
        self.scratch.chmod(0o711)  # students must reach their homes below it
        self.homes = self.scratch / "homes"
        self.homes.mkdir(mode=0o711)
        self.homes.chmod(0o711)
        self.prefix = f"mdrt{uuid.uuid4().hex[:4]}-"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.password = "class-" + uuid.uuid4().hex[:12]
        self.env = {
            **os.environ,
            "MDR_HUB_STATE": str(self.scratch / "state"),
            "MDR_HUB_HOMES": str(self.homes),
            "MDR_HUB_USER_PREFIX": self.prefix,
            "MDR_HUB_PORT": str(self.port),
            "MDR_HUB_INTERNAL_PORT": str(free_port()),
            "MDR_HUB_PROXY_API_PORT": str(free_port()),
            "MDR_HUB_PASSWORD": self.password,
            "MDR_HUB_MEM_LIMIT": mem_limit,
        }
        self.log_path = log_path or self.scratch / "hub.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [str(hub_python()), "-m", "jupyterhub", "-f", str(HUB_CONFIG)],
            cwd=self.scratch,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self, timeout: float = 60) -> None:
        import requests

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited ({self.proc.returncode}); see {self.log_path}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.url}/hub/api", timeout=2).ok:
                    return
            time.sleep(0.3)
        raise TimeoutError(f"the hub did not answer in {timeout} s; see {self.log_path}")

    def system_user(self, name: str) -> str:
        return self.prefix + name

    def overhead_rss(self) -> int:
        """Resident bytes of the hub and its proxy (root processes in the hub's session)."""
        return sum(
            rss for pid, uid, rss in _processes() if uid == 0 and _session(pid) == self.proc.pid
        )

    def stop(self) -> None:
        """Stop the hub (it stops the students' servers), then remove the students' accounts."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        for entry in pwd.getpwall():
            if entry.pw_name.startswith(self.prefix):
                # anything a student left running (a server in its own session), then the account
                for pid, uid, _ in _processes():
                    if uid == entry.pw_uid:
                        with contextlib.suppress(ProcessLookupError, PermissionError):
                            os.kill(pid, signal.SIGKILL)
                subprocess.run(["userdel", entry.pw_name], check=False, capture_output=True)
                shutil.rmtree(
                    Path(tempfile.gettempdir()) / f"mdr-rt-{entry.pw_uid}", ignore_errors=True
                )
                _remove_cgroups(entry.pw_name)
        self._log.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


def _remove_cgroups(system_user: str) -> None:
    """The student's memory cgroup (v2 or v1), once its processes are gone (rmdir, not rm)."""
    for base in (Path("/sys/fs/cgroup/mdr-hub"), Path("/sys/fs/cgroup/memory/mdr-hub")):
        group = base / system_user
        for _ in range(20):
            if not group.exists():
                break
            try:
                group.rmdir()
            except OSError:
                time.sleep(0.25)  # processes still exiting


def _processes():
    """(pid, uid, resident bytes) of every process."""
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            rss_pages = int((entry / "statm").read_text().split()[1])
            uid = entry.stat().st_uid
        except (OSError, IndexError, ValueError):
            continue
        yield int(entry.name), uid, rss_pages * page


def _session(pid: int) -> int | None:
    try:
        return os.getsid(pid)
    except OSError:
        return None


def user_rss(uid: int) -> int:
    return sum(rss for _, owner, rss in _processes() if owner == uid)


# --- one student -----------------------------------------------------------------------------


class StudentError(RuntimeError):
    pass


@dataclass
class Student:
    hub: Hub
    name: str
    password: str | None = None
    token: str = ""
    spawn_seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self):
        import requests

        self.http = requests.Session()
        self.base = f"{self.hub.url}/user/{self.name}"

    # hub
    def login(self) -> None:
        """The login form, then a token for the API calls (as JupyterLab's own page would)."""
        url = f"{self.hub.url}/hub/login"
        self.http.get(url, timeout=30).raise_for_status()
        xsrf = self.http.cookies.get("_xsrf")
        reply = self.http.post(
            url,
            data={"username": self.name, "password": self.password or self.hub.password,
                  "_xsrf": xsrf},
            allow_redirects=False, timeout=30,
        )  # fmt: skip
        if reply.status_code != 302:
            raise StudentError(f"login as {self.name} failed: HTTP {reply.status_code}")
        reply = self.http.post(
            f"{self.hub.url}/hub/api/users/{self.name}/tokens",
            json={"note": "classroom bench", "expires_in": 7200},
            headers={"X-XSRFToken": self.http.cookies.get("_xsrf", path="/hub/")
                     or self.http.cookies.get("_xsrf")},
            timeout=30,
        )  # fmt: skip
        if reply.status_code != 201:
            raise StudentError(f"token for {self.name}: HTTP {reply.status_code} {reply.text}")
        self.token = reply.json()["token"]

    def api(self, method: str, url: str, token: str | None = None, **kwargs):
        import requests

        headers = {"Authorization": f"token {token or self.token}"}
        kwargs = {"headers": headers, "timeout": kwargs.pop("timeout", 60),
                  "allow_redirects": False, **kwargs}  # fmt: skip
        try:
            return self.http.request(method, url, **kwargs)
        except requests.ConnectionError:
            # The proxy (node) closes a keep-alive connection idle for 5 s; a request sent on it
            # at that moment is reset before any answer. Browsers resend on a new connection;
            # so do we, once (seen once in 20 students after a minute's wait at a barrier).
            self.http.close()
            return self.http.request(method, url, **kwargs)

    def spawn(self, timeout: float = 300) -> None:
        start = time.monotonic()
        reply = self.api("POST", f"{self.hub.url}/hub/api/users/{self.name}/server")
        if reply.status_code not in (201, 202):
            raise StudentError(f"spawn for {self.name}: HTTP {reply.status_code} {reply.text}")
        while time.monotonic() - start < timeout:
            info = self.api("GET", f"{self.hub.url}/hub/api/users/{self.name}").json()
            server = info.get("servers", {}).get("")
            if server and server.get("ready"):
                self.spawn_seconds = time.monotonic() - start
                return
            if not server:
                raise StudentError(f"the server of {self.name} stopped while starting")
            time.sleep(0.25)
        raise StudentError(f"the server of {self.name} was not ready in {timeout} s")

    def contents(self, path: str = "", token: str | None = None, user: str | None = None):
        base = f"{self.hub.url}/user/{user or self.name}"
        return self.api("GET", f"{base}/api/contents/{path}", token=token)

    # kernel
    def open_kernel(self, notebook_path: str) -> Kernel:
        reply = self.api(
            "POST",
            f"{self.base}/api/sessions",
            json={"path": notebook_path, "type": "notebook", "name": "",
                  "kernel": {"name": "python3"}},
        )  # fmt: skip
        if reply.status_code != 201:
            raise StudentError(f"session for {self.name}: HTTP {reply.status_code} {reply.text}")
        kernel_id = reply.json()["kernel"]["id"]
        ws_url = self.base.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
        return Kernel(ws_url, self.token)

    def run_notebook(self, kernel: Kernel, notebook_path: str) -> None:
        notebook = self.contents(notebook_path).json()["content"]
        for cell in notebook["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            reply = kernel.execute(source, timeout=120)
            if reply["status"] != "ok":
                raise StudentError(
                    f"{notebook_path}: {reply.get('ename')}: {reply.get('evalue')} in\n{source}"
                )
        if kernel.widget_errors:
            raise StudentError(f"error inside a widget output: {kernel.widget_errors[0]}")

    def change_widgets(self, kernel: Kernel, changes: int, think: float, rng) -> None:
        controls = kernel.controls()
        if not controls:
            raise StudentError("the notebook showed no widget controls to change")
        for i in range(changes):
            comm_id, update = controls[i % len(controls)](i)
            if think:
                time.sleep(rng.uniform(0.5 * think, 1.5 * think))
            self.latencies.append(kernel.change(comm_id, update, timeout=60))
        if kernel.widget_errors:
            raise StudentError(f"error inside a widget output: {kernel.widget_errors[0]}")


class Kernel:
    """A kernel over the single-user server's websocket, speaking the Jupyter message protocol."""

    def __init__(self, ws_url: str, token: str):
        import websocket

        self.ws = websocket.create_connection(
            ws_url, header=[f"Authorization: token {token}"], timeout=120
        )
        self.session = uuid.uuid4().hex
        self.models: dict[str, dict] = {}  # comm id -> widget state
        self.widget_errors: list[str] = []

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()

    def _send(self, channel: str, msg_type: str, content: dict) -> str:
        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id, "msg_type": msg_type, "session": self.session,
            "username": "student", "version": "5.3",
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        }  # fmt: skip
        self.ws.send(
            json.dumps({"header": header, "parent_header": {}, "metadata": {},
                        "content": content, "channel": channel, "buffers": []})
        )  # fmt: skip
        return msg_id

    def _receive(self) -> dict:
        frame = self.ws.recv()
        if isinstance(frame, bytes):  # a message with binary buffers: offsets, then the JSON
            count = struct.unpack("!I", frame[:4])[0]
            offsets = struct.unpack(f"!{count}I", frame[4 : 4 + 4 * count])
            end = offsets[1] if count > 1 else len(frame)
            frame = frame[offsets[0] : end].decode()
        msg = json.loads(frame)
        self._track_widgets(msg)
        return msg

    def _track_widgets(self, msg: dict) -> None:
        kind, content = msg["header"]["msg_type"], msg.get("content", {})
        if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            self.models[content["comm_id"]] = dict(content["data"].get("state", {}))
        elif kind == "comm_msg" and content.get("comm_id") in self.models:
            data = content.get("data", {})
            if data.get("method") in ("update", "echo_update"):
                state = data.get("state", {})
                self.models[content["comm_id"]].update(state)
                for output in state.get("outputs", []) or []:
                    if output.get("output_type") == "error":
                        self.widget_errors.append(f"{output.get('ename')}: {output.get('evalue')}")
        elif kind == "comm_close":
            self.models.pop(content.get("comm_id"), None)

    def execute(self, code: str, timeout: float) -> dict:
        msg_id = self._send(
            "shell", "execute_request",
            {"code": code, "silent": False, "store_history": True, "user_expressions": {},
             "allow_stdin": False, "stop_on_error": True},
        )  # fmt: skip
        return self._until_idle_exec(msg_id, timeout)

    def _until_idle_exec(self, msg_id: str, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        reply, idle = None, False
        while not (idle and reply is not None):
            if time.monotonic() > deadline:
                raise StudentError(f"no answer from the kernel in {timeout} s")
            msg = self._receive()
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "execute_reply":
                reply = msg["content"]
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
        return reply

    def change(self, comm_id: str, update: dict, timeout: float) -> float:
        """Send a control's new value as the browser does; seconds until the kernel is idle."""
        start = time.perf_counter()
        msg_id = self._send(
            "shell", "comm_msg",
            {"comm_id": comm_id, "data": {"method": "update", "state": update,
                                          "buffer_paths": []}},
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while True:
            if time.monotonic() > deadline:
                raise StudentError(f"a widget change got no answer in {timeout} s")
            msg = self._receive()
            if (
                msg.get("parent_header", {}).get("msg_id") == msg_id
                and msg["header"]["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"
            ):
                return time.perf_counter() - start

    def controls(self):
        """Callables ``i -> (comm_id, state update)`` for each visible choice control."""
        found = []
        for comm_id, state in self.models.items():
            model = state.get("_model_name", "")
            labels = state.get("_options_labels") or []
            if state.get("disabled"):
                continue
            choice = ("DropdownModel", "SelectModel", "ToggleButtonsModel", "RadioButtonsModel")
            if model in choice and len(labels) > 1:
                count = len(labels)
                start = state.get("index") or 0
                found.append(lambda i, c=comm_id, n=count, s=start: (c, {"index": (s + 1 + i) % n}))
        return found


# --- a class ---------------------------------------------------------------------------------


def one_student(
    hub: Hub, name: str, barriers: dict, changes: int, think: float, seed: int
) -> Student:
    """One student's lesson. Every phase starts for the whole class at once (a barrier); a
    student whose step fails records it and still arrives at the later barriers, so one failure
    never stalls or fails the others."""
    student = Student(hub, name)
    student.kernel = None
    rng = random.Random(seed)
    path = f"{COURSE_DIR}/{NOTEBOOK}"

    def spawn():
        student.spawn()
        listing = student.contents(COURSE_DIR).json()
        names = {item["name"] for item in listing.get("content", [])}
        if NOTEBOOK not in names:
            raise StudentError(f"the course is not in {name}'s home: {sorted(names)}")

    def notebook():
        student.kernel = student.open_kernel(path)
        student.run_notebook(student.kernel, path)

    steps = [
        ("login", student.login),
        ("spawn", spawn),
        ("notebook", notebook),
        ("widgets", lambda: student.change_widgets(student.kernel, changes, think, rng)),
    ]
    for step, action in steps:
        if not student.errors:
            try:
                action()
            except Exception as exc:  # recorded, counted as a failure, never hidden
                student.errors.append(f"{step}: {type(exc).__name__}: {exc}")
        with contextlib.suppress(threading.BrokenBarrierError):
            barriers[step].wait(timeout=900)
    return student


def run_class(hub: Hub, size: int, changes: int = CHANGES, think: float = 1.0, tag: str = "s"):
    """N students at once; the figures for this class size."""
    barriers = {k: threading.Barrier(size) for k in ("login", "spawn", "notebook", "widgets")}
    names = [f"{tag}{size}x{i:02d}" for i in range(size)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=size) as pool:
        futures = [
            pool.submit(one_student, hub, name, barriers, changes, think, i)
            for i, name in enumerate(names)
        ]
        concurrent.futures.wait(futures)
        students = [f.result() for f in futures]
    # Every student's server and kernel is up and has run the notebook: measure memory now.
    per_student = []
    for student in students:
        with contextlib.suppress(KeyError):
            per_student.append(user_rss(pwd.getpwnam(hub.system_user(student.name)).pw_uid))
    overhead = hub.overhead_rss()
    for student in students:
        if getattr(student, "kernel", None):
            student.kernel.close()
        with contextlib.suppress(Exception):
            student.api("DELETE", f"{hub.url}/hub/api/users/{student.name}/server", timeout=60)
    latencies = sorted(x for s in students for x in s.latencies)
    spawns = [s.spawn_seconds for s in students if s.spawn_seconds]
    mib = 1024 * 1024
    return {
        "students": size,
        "failures": sum(1 for s in students if s.errors),
        "errors": [e for s in students for e in s.errors],
        "spawn_s_median": round(statistics.median(spawns), 2) if spawns else None,
        "spawn_s_max": round(max(spawns), 2) if spawns else None,
        "memory_per_student_mib_median": round(statistics.median(per_student) / mib)
        if per_student
        else None,
        "memory_per_student_mib_max": round(max(per_student) / mib) if per_student else None,
        "hub_overhead_mib": round(overhead / mib),
        "widget_changes": len(latencies),
        "widget_latency_ms_p50": _percentile(latencies, 50),
        "widget_latency_ms_p95": _percentile(latencies, 95),
    }


def _percentile(sorted_seconds: list[float], pct: float) -> float | None:
    if not sorted_seconds:
        return None
    index = min(len(sorted_seconds) - 1, round(pct / 100 * (len(sorted_seconds) - 1)))
    return round(sorted_seconds[index] * 1000, 1)


def markdown_table(result: dict) -> str:
    """The README's capacity table, from a results file."""
    lines = [
        "| students at once | spawn, median / max | memory per student (RSS) | hub + proxy "
        "| widget change p50 / p95 | failures | machine load before |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['students']} | {row['spawn_s_median']} s / {row['spawn_s_max']} s "
            f"| {row['memory_per_student_mib_median']} MiB | {row['hub_overhead_mib']} MiB "
            f"| {row['widget_latency_ms_p50']:.0f} ms / {row['widget_latency_ms_p95']:.0f} ms "
            f"| {row['failures']} | {row.get('load_1min_before', '?')} |"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, nargs="+", default=[5, 10, 20])
    parser.add_argument("--changes", type=int, default=CHANGES)
    parser.add_argument("--think", type=float, default=1.0, help="seconds between changes")
    parser.add_argument("--mem-limit", default="1G")
    parser.add_argument("--json", type=Path, default=RESULTS)
    parser.add_argument("--table", action="store_true", help="print the README table of --json")
    args = parser.parse_args(argv)
    if args.table:
        print(markdown_table(json.loads(args.json.read_text())))
        return 0
    if reason := missing_requirements():
        print(f"classroom bench cannot run: {reason}", file=sys.stderr)
        return 2
    hub = Hub(mem_limit=args.mem_limit, log_path=REPO / "test-artifacts" / "logs" / "hub.log")
    rows = []
    try:
        for size in args.students:
            load = os.getloadavg()[0]
            print(f"{size} students (load before: {load:.1f}) ...", flush=True)
            row = run_class(hub, size, args.changes, args.think)
            row["load_1min_before"] = round(load, 1)
            rows.append(row)
            print(json.dumps(row), flush=True)
    finally:
        hub.stop()
    result = {
        "command": "make classroom-bench  # python -m benchmarks.classroom "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                    "memory_gib": round(os.sysconf("SC_PHYS_PAGES")
                                        * os.sysconf("SC_PAGE_SIZE") / 2**30, 1)},
        "notebook": NOTEBOOK,
        "changes_per_student": args.changes,
        "think_seconds": args.think,
        "rows": rows,
    }  # fmt: skip
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {args.json}")
    return 1 if any(row["failures"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
