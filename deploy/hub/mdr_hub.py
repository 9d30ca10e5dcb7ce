"""The classroom hub's spawner: one system user, home and memory limit per student.

``ClassroomSpawner`` is JupyterHub's ``LocalProcessSpawner`` with three things added before a
student's server starts (the hub runs as root):

1. **A system user of their own.** Hub name ``ana`` runs as the system user ``mdr-ana`` (the
   prefix keeps a student called ``root`` or ``daemon`` from becoming that account), created on
   first login with ``useradd``; the home is ``<homes>/mdr-ana``, mode 0700, so no other
   student can list, read or change it.
2. **The course copied in** on first login: ``notebooks/`` of this repository becomes
   ``~/mdr-course`` (owned by the student). It is never copied over an existing folder, so a
   student's work survives restarts; delete ``~/mdr-course`` to get a fresh copy. (With the
   course in a public git repository, an nbgitpuller link does the same and also pulls
   updates: see the README.)
3. **A memory limit** (``Spawner.mem_limit``, default 1G) on everything the student runs —
   server, kernels and their subprocesses together — through a memory cgroup
   (``/sys/fs/cgroup``, v2 or v1) when the machine lets root create one, else through
   ``RLIMIT_AS`` (the address-space limit; per process, a weaker bound). Going over it kills
   the offending process (cgroup) or raises ``MemoryError`` (rlimit); other students are
   unaffected. The mechanism used is logged and put in the server's environment as
   ``MDR_MEM_LIMIT_MECHANISM``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pwd
import re
import resource
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Unicode

#: hub user names we accept: they become part of a system user name (at most 32 characters)
USERNAME_PATTERN = r"^[a-z][a-z0-9_-]{0,23}$"

_CGROUP_ROOT = Path("/sys/fs/cgroup")


def memory_cgroup_base() -> tuple[Path, str] | None:
    """(folder for our cgroups, limit file name), or None where no memory cgroup is writable."""
    candidates = []
    if "memory" in _read(_CGROUP_ROOT / "cgroup.controllers").split():
        candidates.append((_CGROUP_ROOT, "memory.max"))  # cgroup v2, unified
    candidates.append((_CGROUP_ROOT / "memory", "memory.limit_in_bytes"))  # cgroup v1
    for root, limit_file in candidates:
        base = root / "mdr-hub"
        try:
            base.mkdir(exist_ok=True)
            if limit_file == "memory.max":
                # v2: a child cgroup gets the memory controller only if its parent delegates it
                (base / "cgroup.subtree_control").write_text("+memory")
            probe = base / f"probe-{os.getpid()}"
            probe.mkdir(exist_ok=True)
            ok = (probe / limit_file).exists()
            probe.rmdir()
            if ok:
                return base, limit_file
        except OSError:
            continue
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


class ClassroomSpawner(LocalProcessSpawner):
    """Spawn each student as their own system user, with the course and a memory limit."""

    system_user_prefix = Unicode(
        "mdr-", config=True, help="Prefix of the system user made for each hub user."
    )
    homes_dir = Unicode("/home", config=True, help="Where the students' homes are created.")
    course_source = Unicode(config=True, help="Folder copied into a student's home on first login.")
    course_dir_name = Unicode("mdr-course", config=True, help="Its name in the home.")

    @property
    def system_user(self) -> str:
        return f"{self.system_user_prefix}{self.user.name}"

    # --- the three steps before the server starts -------------------------------------------

    def ensure_system_user(self) -> pwd.struct_passwd:
        if not re.fullmatch(USERNAME_PATTERN, self.user.name):
            raise ValueError(f"refusing to make a system user for {self.user.name!r}")
        name = self.system_user
        home = Path(self.homes_dir) / name
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            self.log.info("Creating system user %s with home %s", name, home)
            subprocess.run(
                ["useradd", "--create-home", "--home-dir", str(home), "--user-group",
                 "--shell", "/usr/sbin/nologin", "--comment", f"mdr hub user {self.user.name}",
                 name],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            entry = pwd.getpwnam(name)
        Path(entry.pw_dir).mkdir(parents=True, exist_ok=True)
        os.chown(entry.pw_dir, entry.pw_uid, entry.pw_gid)
        os.chmod(entry.pw_dir, 0o700)  # useradd's default may be 0755: others could read it
        return entry

    def copy_course(self, entry: pwd.struct_passwd) -> None:
        target = Path(entry.pw_dir) / self.course_dir_name
        if not self.course_source or target.exists():
            return
        self.log.info("Copying the course into %s", target)
        shutil.copytree(
            self.course_source,
            target,
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
        )
        for folder, dirs, files in os.walk(target):
            for name in [folder, *(os.path.join(folder, n) for n in dirs + files)]:
                os.chown(name, entry.pw_uid, entry.pw_gid)

    def runtime_dir(self, entry: pwd.struct_passwd) -> Path:
        """A short private folder for the kernels' IPC sockets (a socket path has <= 107 bytes;
        one under a home can be longer). Kernels use IPC, not TCP: with TCP, twenty kernels
        starting at once picked the same "free" port and one died (ZMQError: Address in use)."""
        path = Path(tempfile.gettempdir()) / f"mdr-rt-{entry.pw_uid}"
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
        info = path.lstat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid not in (0, entry.pw_uid):
            raise RuntimeError(f"{path} exists and is not a folder of {entry.pw_name}: remove it")
        os.chown(path, entry.pw_uid, entry.pw_gid)
        os.chmod(path, 0o700)
        return path

    def memory_limit_setup(self):
        """The mechanism's name and a function to call in the child before it drops root."""
        limit = self.mem_limit
        if not limit:
            return "none", lambda: None
        found = memory_cgroup_base()
        if found:
            base, limit_file = found
            group = base / self.system_user
            group.mkdir(exist_ok=True)
            (group / limit_file).write_text(str(limit))
            # no escape into swap: v2 caps swap itself, v1 caps memory + swap together
            swap_caps = (("memory.swap.max", "0"), ("memory.memsw.limit_in_bytes", limit))
            for swap_file, value in swap_caps:
                if (group / swap_file).exists():
                    with contextlib.suppress(OSError):
                        (group / swap_file).write_text(str(value))
            procs = group / "cgroup.procs"

            def join_cgroup():
                procs.write_text(str(os.getpid()))

            return f"cgroup {group} ({limit_file}={limit})", join_cgroup

        def set_rlimit():
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        return f"RLIMIT_AS={limit} per process", set_rlimit

    # --- LocalProcessSpawner, pointed at the system user -------------------------------------

    def user_env(self, env):
        entry = pwd.getpwnam(self.system_user)
        env["USER"] = entry.pw_name
        env["HOME"] = entry.pw_dir
        env["SHELL"] = "/bin/sh"
        return env

    def make_preexec_fn(self, name):
        drop_root = super().make_preexec_fn(self.system_user)
        limit_hook = self._limit_hook

        def preexec():
            limit_hook()  # while still root: join the cgroup / set the rlimit
            drop_root()

        return preexec

    async def start(self):
        entry = await self._run_blocking(self.ensure_system_user)
        await self._run_blocking(self.copy_course, entry)
        runtime = await self._run_blocking(self.runtime_dir, entry)
        mechanism, self._limit_hook = self.memory_limit_setup()
        self.log.info("Memory limit for %s: %s", self.system_user, mechanism)
        self.environment = {
            **self.environment,
            "MDR_MEM_LIMIT_MECHANISM": mechanism,
            "JUPYTER_RUNTIME_DIR": str(runtime),
        }
        return await super().start()

    async def stop(self, now=False):
        await super().stop(now=now)
        found = memory_cgroup_base()
        group = found[0] / self.system_user if found else None
        for _ in range(20):  # its kernels may take a moment to exit after the server
            if group is None or not group.exists():
                break
            try:
                group.rmdir()
            except OSError:
                await asyncio.sleep(0.25)

    async def _run_blocking(self, func, *args):
        return await asyncio.get_running_loop().run_in_executor(None, func, *args)
