"""Work around a stall in jupyter_client's async channel when Output widgets are used.

Why: executing a notebook headless (nbclient) or serving it with Voilà, a cell that writes into an
``ipywidgets.Output`` (``with out:``, ``interact``, ``interactive_output``) sometimes waits for its
whole timeout and then passes; under CPU load about half the runs, and Voilà page loads sometimes
hang for good. The cause is client-side: while the Output-widget handler sends on the shell
channel, the one long ``await socket.poll(timeout)`` in ``AsyncZMQSocketChannel.get_msg`` misses
its wake-up. Polling in short slices up to the same deadline made the stalls disappear
(see /work/shared/TESTING-NOTES.md, "Stall seen with Output widgets").

This module is the one place that fix lives. It is applied by the repository's root
``conftest.py`` (for every notebook that pytest executes) and by ``tests/voila_launcher.py``
(for the Voilà server). It imports nothing heavy until ``apply()`` is called.
"""

from __future__ import annotations

import time
from queue import Empty
from typing import Any

#: Longest single wait on a ZMQ socket; short enough that a missed wake-up costs at most this.
POLL_SLICE_S = 0.25

_MARKER = "_mdr_sliced_poll"


async def _sliced_get_msg(self: Any, timeout: float | None = None) -> dict[str, Any]:
    """Like ``AsyncZMQSocketChannel.get_msg``, but poll in slices of ``POLL_SLICE_S``.

    Same contract as the original: ``timeout`` in seconds (``None`` waits forever), raises
    ``queue.Empty`` when nothing arrived by the deadline.
    """
    assert self.socket is not None
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        if deadline is None:
            slice_s = POLL_SLICE_S
        else:
            slice_s = min(POLL_SLICE_S, max(0.0, deadline - time.monotonic()))
        if await self.socket.poll(int(slice_s * 1000)):
            return await self._recv()
        if deadline is not None and time.monotonic() >= deadline:
            raise Empty


def apply() -> None:
    """Patch ``jupyter_client.channels.AsyncZMQSocketChannel.get_msg`` (idempotent)."""
    from jupyter_client.channels import AsyncZMQSocketChannel

    if getattr(AsyncZMQSocketChannel.get_msg, _MARKER, False):
        return
    setattr(_sliced_get_msg, _MARKER, True)
    _sliced_get_msg.__doc__ = (_sliced_get_msg.__doc__ or "") + (
        "\n\n(Patched in by tests/_kernel_stall_fix.py.)"
    )
    AsyncZMQSocketChannel.get_msg = _sliced_get_msg  # type: ignore[method-assign]


def is_applied() -> bool:
    """True when the patch is in place in this process."""
    from jupyter_client.channels import AsyncZMQSocketChannel

    return bool(getattr(AsyncZMQSocketChannel.get_msg, _MARKER, False))
