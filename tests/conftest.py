"""Shared fixtures. Qt must run offscreen in tests (without a display it aborts)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests read English unless they switch language themselves, whatever this machine's
# locale (casefile/core/i18n.py reads these at import).
os.environ.pop("CASEFILE_LANG", None)
os.environ["LANGUAGE"] = "en"
# Derived files Casefile keeps in the user's cache (the unpacked language model) go to a
# folder of this test run's own, not to the home folder of whoever runs the tests.
os.environ["CASEFILE_CACHE_DIR"] = __import__("tempfile").mkdtemp(prefix="casefile-test-cache-")

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.core import i18n, services
from casefile.core.case import Case


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """A test that switches to Russian leaves the next one in English."""
    yield
    if i18n.language() != "en":
        ui_i18n = sys.modules.get("casefile.ui.i18n")
        if ui_i18n is not None:
            ui_i18n.install("en")  # type: ignore[attr-defined]
        i18n.set_language("en")


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    """A new, empty case, open for writing, closed after the test."""
    c = services.create_case(tmp_path / "Test case")
    try:
        yield c
    finally:
        c.close()
