"""A canary for the PySide6 release we install: 6.12.0 leaked a reference to None and
True on every Qt call on CPython 3.11, and the app aborted after minutes of use. The
pin in pyproject.toml keeps it out; this test fails if a leaking release comes back."""

from __future__ import annotations


def test_installed_pyside_does_not_leak_singleton_references(qapp) -> None:  # type: ignore[no-untyped-def]
    from casefile.ui.pyside_guard import _leaks

    assert not _leaks()
