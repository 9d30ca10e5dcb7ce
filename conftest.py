"""Repository-wide pytest setup.

Applies the one fix for the Output-widget stall in jupyter_client's async channel before any
test executes a notebook (nbclient) — see ``tests/_kernel_stall_fix.py`` for why — and registers
the ``browser`` marker in case ``pyproject.toml`` does not.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_FIX_PATH = Path(__file__).parent / "tests" / "_kernel_stall_fix.py"
_FIX_MODULE = "mdr_kernel_stall_fix"


def _load_stall_fix():
    """Import tests/_kernel_stall_fix.py by path, so it works whatever pytest's import mode."""
    if _FIX_MODULE in sys.modules:
        return sys.modules[_FIX_MODULE]
    spec = importlib.util.spec_from_file_location(_FIX_MODULE, _FIX_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[_FIX_MODULE] = module
    spec.loader.exec_module(module)
    return module


_load_stall_fix().apply()


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives JupyterLab/Voilà in Chromium")
