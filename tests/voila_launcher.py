"""Start Voilà with the Output-widget stall fix applied.

Use exactly like the ``voila`` command, e.g.::

    python tests/voila_launcher.py notebooks/dashboards/actor-explorer.ipynb --no-browser

Why not plain ``voila``: Voilà executes the notebook through jupyter_client's async channels, whose
long single poll can miss its wake-up while an Output widget sends on the shell channel, so page
loads sometimes hang for good. ``_kernel_stall_fix`` (shared with the root ``conftest.py``) polls
in short slices instead.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

FIX_PATH = Path(__file__).resolve().parent / "_kernel_stall_fix.py"


def apply_stall_fix() -> None:
    """Load ``_kernel_stall_fix.py`` beside this file (no sys.path change) and apply it."""
    spec = importlib.util.spec_from_file_location("mdr_kernel_stall_fix", FIX_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.apply()
    print(
        f"voila_launcher: kernel stall fix applied (jupyter_client polls in "
        f"{module.POLL_SLICE_S} s slices)",
        file=sys.stderr,
    )


def main() -> None:
    apply_stall_fix()
    from voila.app import main as voila_main

    sys.argv[0] = "voila"
    voila_main()


if __name__ == "__main__":
    main()
