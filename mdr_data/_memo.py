"""The package's one cache: values by key, the least recently used dropped past a size."""

from __future__ import annotations

from collections.abc import Callable, Hashable

__all__ = ["Memo"]


class Memo:
    """Values already computed, by key; past ``size`` keys the least recently used is dropped.

    The package's one cache: a tool keeps its data views in one (``Tool.cached``), a figure
    panel its pictures, :mod:`mdr_data.maps` its selections and a map its saved pixels.

    >>> memo = Memo(size=2)
    >>> calls = []
    >>> for key in ("a", "b", "a", "c", "b"):
    ...     _ = memo.get(key, lambda key=key: calls.append(key) or key.upper())
    >>> calls  # "b" was dropped when "c" came (the least recently used), so it was recomputed
    ['a', 'b', 'c', 'b']
    >>> "c" in memo, "a" in memo
    (True, False)
    """

    def __init__(self, size: int = 64):
        self.size = size
        self._values: dict[Hashable, object] = {}

    def __contains__(self, key: Hashable) -> bool:
        """Whether ``key`` is kept (asking does not make it the most recently used)."""
        return key in self._values

    def get(self, key: Hashable, compute: Callable[[], object]):
        """The value for ``key``, calling ``compute()`` only when it is not kept yet."""
        value = self._values.pop(key) if key in self._values else compute()
        self._values[key] = value  # now the most recently used
        while len(self._values) > self.size:
            self._values.pop(next(iter(self._values)))
        return value
