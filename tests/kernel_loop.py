"""Run a coroutine as code runs in a kernel: on its own event loop, seen by ``IdleWork``.

The loop runs in a new thread, so the test does not depend on another loop running in the
test process (Playwright's sync API keeps one running in the main thread after browser tests).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable

from mdr_data.widgets import _idle


def run_as_in_a_kernel(make_coroutine: Callable[[], Awaitable], monkeypatch) -> object:
    """``asyncio.run(make_coroutine())`` in a new thread, with its loop as the kernel's."""
    monkeypatch.setattr(_idle, "_in_kernel", lambda: True)
    return run_in_a_new_thread(make_coroutine)


def run_in_a_new_thread(make_coroutine: Callable[[], Awaitable]) -> object:
    """``asyncio.run(make_coroutine())`` in a new thread (no other loop runs there)."""
    outcome: dict = {}

    def target() -> None:
        try:
            outcome["value"] = asyncio.run(make_coroutine())
        except BaseException as error:  # re-raised in the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
