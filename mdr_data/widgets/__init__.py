"""Interactive tools for the notebooks: one builder function per tool, one module per tool.

Each builder returns a :class:`~mdr_data.widgets._base.Tool`: its controls are attributes
(ipywidgets), ``.view`` is the VBox to display (the tool displays itself too), ``.reset()``
restores the defaults, and the current state (``.current_table``, ``.figure``, ``.title``) is
there for tests. Shared pieces (panels, labelled controls, reset button) are in
:mod:`mdr_data.widgets._base`.

A builder has the name of its module (``table_browser`` in ``table_browser.py``); importing it
here makes ``mdr_data.widgets.table_browser`` the function. Import classes from the module
itself: ``from mdr_data.widgets.table_browser import TableBrowser``. Add one import line (and an
``__all__`` entry) per new tool.

>>> import mdr_data.widgets as w
>>> callable(w.actor_explorer)
True
"""

from mdr_data.widgets.actor_explorer import actor_explorer
from mdr_data.widgets.capability_compare import capability_compare
from mdr_data.widgets.map_explorer import map_explorer
from mdr_data.widgets.relationship_network import relationship_network
from mdr_data.widgets.remix_lab import remix_lab
from mdr_data.widgets.source_reader import source_reader
from mdr_data.widgets.table_browser import table_browser
from mdr_data.widgets.timeline import timeline

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
