"""Shared fixtures. Qt must run offscreen in tests (without a display it aborts)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.core import services
from casefile.core.case import Case


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    """A new, empty case, open for writing, closed after the test."""
    c = services.create_case(tmp_path / "Test case")
    try:
        yield c
    finally:
        c.close()
