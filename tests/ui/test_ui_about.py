"""Help → About names the version, the licence and the Qt and Python versions (issue 15
item 4)."""

from __future__ import annotations

import platform
import tomllib
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox

REPO = Path(__file__).resolve().parents[2]


def test_help_about_shows_version_licence_qt_and_python(window, qtbot) -> None:
    expected = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    about = next(
        a
        for m in window.menuBar().actions()
        if m.text() == "&Help"
        for a in m.menu().actions()
        if a.text() == "&About Casefile"
    )
    about.trigger()
    box = window.about_box
    qtbot.waitUntil(box.isVisible)
    assert isinstance(box, QMessageBox)
    text = box.text() + box.informativeText()
    assert f"Casefile {expected}" in text
    assert "Apache-2.0" in text
    assert f"Qt {qVersion()}" in text
    assert f"Python {platform.python_version()}" in text
    box.close()
