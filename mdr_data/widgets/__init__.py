"""Interactive tools for the notebooks: one module per tool, one builder function per module.

Import a tool's builder from its module, then call it::

    from mdr_data.widgets.timeline import timeline
    timeline()

Each builder returns a :class:`~mdr_data.widgets._base.Tool`: its controls are attributes
(ipywidgets), ``.view`` is the VBox to display (the tool displays itself too), ``.reset()``
restores the defaults, and the current state (``.current_table``, ``.figure``, ``.title``) is
there for tests. Shared pieces (panels, labelled controls, reset button, the one cache) are in
:mod:`mdr_data.widgets._base`.

This package imports nothing itself, so ``mdr_data.widgets.timeline`` is always the module (the
builder is ``mdr_data.widgets.timeline.timeline``), and a notebook loads only the tools it
imports: one that shows the table browser or the source reader never loads matplotlib or the
map shapes (a kernel's memory is what limits a classroom server). A new tool is a new module
``<name>.py`` whose builder is called ``<name>``; list it in ``__all__``.

>>> import mdr_data.widgets.timeline as module
>>> module.__name__, callable(module.timeline)
('mdr_data.widgets.timeline', True)
"""

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
