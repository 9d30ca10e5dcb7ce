"""Interactive tools for the notebooks: one builder function per tool, one module per tool.

Each builder returns a :class:`~mdr_data.widgets._base.Tool`: its controls are attributes
(ipywidgets), ``.view`` is the VBox to display (the tool displays itself too), ``.reset()``
restores the defaults, and the current state (``.current_table``, ``.figure``, ``.title``) is
there for tests. Builders are imported lazily, so ``import mdr_data.widgets`` stays cheap and a
module another engineer has not written yet does not break the others.

>>> import mdr_data.widgets as w
>>> "actor_explorer" in w.__all__
True
"""

from __future__ import annotations

import importlib

# builder name -> module (inside mdr_data.widgets) that defines it. Add a line per new tool.
_BUILDERS = {
    "table_browser": "table_browser",
    "actor_explorer": "actor_explorer",
    "capability_compare": "capability_compare",
    "relationship_network": "relationship_network",
}

__all__ = sorted(_BUILDERS)


def __getattr__(name: str):
    module = _BUILDERS.get(name)
    if module is None:
        raise AttributeError(f"module 'mdr_data.widgets' has no attribute {name!r}")
    return getattr(importlib.import_module(f"mdr_data.widgets.{module}"), name)


def __dir__():
    return sorted(set(globals()) | set(_BUILDERS))
