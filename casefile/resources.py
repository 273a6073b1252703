"""Where the bundled resources (demo-case sources, icons) are.

They live in `resources/` at the top of the repository and every build carries them:
a wheel as the package data `casefile._resources` (setup.py maps the folder), a
PyInstaller bundle as `resources/` inside the bundle (docs/architecture.md, "Resources").
"""

from __future__ import annotations

import os
import sys
from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("CASEFILE_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources").is_dir():
        return checkout / "resources"  # a source tree (or an editable install of one)
    return _installed()


def _installed() -> Path:
    """The resources installed with the package (a wheel unpacks to the file system)."""
    root = files("casefile._resources")
    # A folder without __init__.py is a namespace package: files() answers with a
    # MultiplexedPath over its one directory rather than a Path.
    path = root if isinstance(root, Path) else root.joinpath(".")
    return Path(str(path)).resolve()
