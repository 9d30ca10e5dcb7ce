"""Work a tool does while the student looks: a piece at a time, when the kernel is idle.

A map's first visit to a region costs ~60-80 ms of kernel time (its countries and names are
drawn once per region), doubled in the browser where the kernel shares two cores with Chromium.
A student looks at a new map for seconds before the next change; :class:`IdleWork` uses that
time to prefetch the pictures the next change is likely to ask for. It waits first: 0.3 s after
the tool appears (``first_delay_s``: a new tool is looked at before it is used) and 1 s after a
change (``delay_s``): someone changing menus faster than that is trying options, not reading
the map, and a piece started between their changes would hold the next one back (measured:
0.3 s after every change put a capability change at ~130 ms on screen, ~100 ms without).

The pieces run on the kernel's event loop (``asyncio``), between the messages it handles, never
in a thread: a change that arrives while a piece runs waits for that one piece only. Each new
:meth:`IdleWork.start` replaces the pieces not yet run (the controls changed: other pictures are
likely next). Outside an IPython kernel (a script, a test, a doctest) nothing is scheduled, even
where another event loop runs. A piece that raises ends the work (kept in ``error``):
prefetching is optional, and the change that needs the picture draws it again and shows its
error where the student sees it.

>>> done = []
>>> work = IdleWork()
>>> work.start([lambda: done.append("prefetched")])  # no kernel here: nobody is looking
>>> work.pending, done
(False, [])
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Hashable, Iterable

__all__ = ["IdleWork", "kernel_loop"]


def _in_kernel() -> bool:
    """Whether this code runs in an IPython kernel (a notebook, Voilà), where someone looks."""
    if "ipykernel" not in sys.modules:
        return False
    from IPython import get_ipython

    return getattr(get_ipython(), "kernel", None) is not None


def kernel_loop() -> asyncio.AbstractEventLoop | None:
    """The running event loop of the IPython kernel this code runs in; None outside one."""
    if not _in_kernel():
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class IdleWork:
    """Pieces of optional work run ``delay_s`` after :meth:`start` (``first_delay_s`` after the
    first one), ``gap_s`` apart."""

    def __init__(
        self, delay_s: float = 1.0, gap_s: float = 0.01, *, first_delay_s: float = 0.3
    ) -> None:
        self.delay_s = delay_s
        self.first_delay_s = first_delay_s
        self.gap_s = gap_s
        self._started = False
        self.error: Exception | None = None
        self._pieces: Iterable[Callable[[], object]] = iter(())
        self._handle: asyncio.TimerHandle | None = None
        self._batch: Hashable = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def pending(self) -> bool:
        """Whether pieces are scheduled and not yet run."""
        return self._handle is not None

    def start(self, pieces: Iterable[Callable[[], object]], *, batch: Hashable = None) -> None:
        """Replace the pieces not yet run by ``pieces`` (no-op outside a kernel).

        With the ``batch`` of the pieces still pending (the same work is wanted again, e.g.
        the same pictures for another region), those go on as scheduled and ``pieces`` is
        dropped: restarting would wait ``delay_s`` again for work already under way.
        """
        if batch is not None and batch == self._batch and self.pending:
            return
        self.cancel()
        loop = kernel_loop()
        if loop is None:  # no kernel around this call: nobody is looking
            return
        self._loop, self._pieces, self._batch = loop, iter(pieces), batch
        delay = self.delay_s if self._started else self.first_delay_s
        self._started = True
        self._handle = loop.call_later(delay, self._step)

    def cancel(self) -> None:
        """Drop the pieces not yet run."""
        if self._handle is not None:
            self._handle.cancel()
        self._handle = None
        self._pieces = iter(())

    def _step(self) -> None:
        piece = next(self._pieces, None)
        if piece is None:
            self._handle = None
            return
        try:
            piece()
        except Exception as error:  # optional work: see the module docstring
            self.error = error
            self.cancel()
            return
        self._handle = self._loop.call_later(self.gap_s, self._step)
