"""The one version of Casefile: `version` in pyproject.toml.

Read where it is true for the running copy: the pyproject.toml of a source tree (an
editable install's recorded metadata goes stale when the file changes), else the
installed package's metadata (a wheel), else the `VERSION` file a PyInstaller bundle
carries beside this module (packaging/casefile.spec writes it from pyproject.toml).
Imports nothing of ours, so every layer may use it.

`__version__` is read on first use (a module `__getattr__`): `importlib.metadata` alone
takes ~50 ms to import, and every spawned worker process imports `casefile` without
ever asking for the version (docs/architecture.md, "Entities": the matcher process's
start is on the drain's critical path).
"""

from __future__ import annotations

import functools
import sys
import tomllib
from pathlib import Path

UNKNOWN = "0+unknown"


HERE = Path(__file__).resolve().parent


def _from_source_tree(here: Path) -> str | None:
    pyproject = here.parent / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    if project.get("name") != "casefile":
        return None
    value = project.get("version")
    return value if isinstance(value, str) else None


def _from_bundle(here: Path) -> str | None:
    if not getattr(sys, "frozen", False):
        return None
    try:
        return (here / "VERSION").read_text(encoding="utf-8").strip()
    except OSError:
        return None


def _from_metadata() -> str | None:
    from importlib import metadata

    try:
        return metadata.version("casefile")
    except metadata.PackageNotFoundError:
        return None


def package_version(here: Path = HERE) -> str:
    """This copy's version, e.g. "0.1.0" ("0+unknown" if nothing says); `here` is the
    folder of the `casefile` package."""
    return _from_bundle(here) or _from_source_tree(here) or _from_metadata() or UNKNOWN


@functools.cache
def _version() -> str:
    return package_version()


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
