"""A guard against a reference-count bug in PySide6 6.12.0 on CPython 3.11.

Measured here (see the report in the commit): each call of a Qt method that returns
nothing (`setText`, `processEvents`, `QTimer.setInterval`…) releases one reference to
`None` that it never took, and each `Signal.emit()` does the same to `True`. CPython
3.12 made these singletons immortal (PEP 683), so the bug is invisible there; on 3.11
the count reaches zero after some minutes of normal use and the process aborts with
"Fatal Python error: none_dealloc" (or bool_dealloc), often in "Garbage-collecting"
on another thread. That was the abort at the end of bench_ui.py, and the crash during
its import run.

The cure is a PySide6 without the bug (pin it in pyproject.toml). Until then we give
the three singletons a reference count no program can spend, which is what 3.12 does
by design. Only if the bug is seen: a one-call probe at start-up decides.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 references: at a million leaked references a second, twelve days of use.
_RESERVE = 1 << 40


def _leaks() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")
        probe.ping.emit()
    none_lost = none_before - sys.getrefcount(None)
    true_lost = true_before - sys.getrefcount(True)
    return none_lost >= 8 or true_lost >= 8


def guard_singleton_refcounts() -> bool:
    """Make None, True and False unkillable if this PySide6 leaks them. True if done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # immortal singletons already
    if hasattr(sys, "gettotalrefcount"):
        return False  # a debug build: another object layout, and you want the crash
    if not _leaks():
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every object in a release build.
        ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE
    return True
