"""casefile.core must never need Qt: it imports with PySide6 made unimportable."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_core_imports_without_qt() -> None:
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        for name in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
            sys.modules[name] = None  # any import of it now raises ImportError
        import casefile.core
        names = [m.name for m in pkgutil.walk_packages(casefile.core.__path__, "casefile.core.")
                 if ".migrations" not in m.name]
        for name in names:
            importlib.import_module(name)
        import casefile.cli
        print(len(names), "modules")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[0]) >= 15
