"""Interactive tools for the notebooks: one builder function per tool, one module per tool.

Each builder returns a :class:`~mdr_data.widgets._base.Tool`: its controls are attributes
(ipywidgets), ``.view`` is the VBox to display (the tool displays itself too), ``.reset()``
restores the defaults, and the current state (``.current_table``, ``.figure``, ``.title``) is
there for tests. Shared pieces (panels, labelled controls, reset button) are in
:mod:`mdr_data.widgets._base`.

A builder has the name of its module (``table_browser`` in ``table_browser.py``), and
``mdr_data.widgets.table_browser`` is that function. Tools are imported when first used, not by
``import mdr_data.widgets``: a notebook that shows the table browser does not load matplotlib or
the map shapes (a kernel's memory is what limits a classroom server). Import classes from the
module itself: ``from mdr_data.widgets.table_browser import TableBrowser``. Add a new tool's
name to ``__all__``.

>>> import mdr_data.widgets as w
>>> callable(w.actor_explorer)
True
"""

import importlib
import sys
import types

__all__ = [
    "actor_explorer",
    "capability_compare",
    "map_explorer",
    "relationship_network",
    "remix_lab",
    "source_reader",
    "table_browser",
    "timeline",
]


def __getattr__(name: str):
    """Import the tool ``name`` on first use (PEP 562); its builder replaces the module."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    importlib.import_module(f"{__name__}.{name}")
    return globals()[name]


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Registry(types.ModuleType):
    """Importing ``mdr_data.widgets.<tool>`` (even as ``from mdr_data.widgets.timeline import
    timeline_events``) binds the package attribute to the builder, not to the module."""

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, types.ModuleType) and value.__name__ == f"{__name__}.{name}":
            value = getattr(value, name, value)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Registry
