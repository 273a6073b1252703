"""Fixtures for the GUI tests: a demo case built once per session and copied per test,
a QSettings file per test, and a main window with that case open."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from casefile.ui.settings import Settings


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from casefile.demo import build_demo_case

    return build_demo_case(tmp_path_factory.mktemp("demo") / "Demo case.casefile")


@pytest.fixture
def demo_path(demo_master: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "Demo case.casefile"
    shutil.copytree(demo_master, dest, ignore=shutil.ignore_patterns(".lock"))
    return dest


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "casefile.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings: Settings) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from casefile.ui.app import make_app
    from casefile.ui.main_window import MainWindow

    make_app(dark=False)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    w.close()


@pytest.fixture
def case_window(window, demo_path: Path, qtbot):  # type: ignore[no-untyped-def]
    """The main window with (a copy of) the demo case open and its table loaded."""
    window.open_case(str(demo_path))
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    qtbot.waitUntil(lambda: window.case_view.model.rowCount() == 4, timeout=15000)
    return window
