"""Where the `resources/` folder (icons, translations, fonts, demo files) is.

Never relative to the current working directory: a mission laptop starts Hervest from a
desktop shortcut, whose working directory is anything. Three layouts are found:
- a PyInstaller bundle: the data sits under `sys._MEIPASS` (the one-folder build puts it
  in `_internal/` beside the executable);
- a source checkout: `resources/` beside the `app/` package;
- an installed package: setuptools installs `resources` beside `app` in site-packages,
  so the same rule holds.
"""

from __future__ import annotations

import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """`resources/<parts...>`; with no parts, the folder itself. The path may not exist
    (an optional resource); the caller decides whether that is an error."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else _SOURCE_ROOT
    return root.joinpath("resources", *parts)
