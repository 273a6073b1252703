"""Pause Python's cyclic garbage collector during bulk index writing, and keep what a
case holds for its whole life out of its sight.

Building an index creates hundreds of thousands of short-lived tuples; each one counts
towards a collection, and a full collection over that heap holds the GIL for 50–100 ms
at a time, which freezes the GUI's event loop while a background import indexes. The
index writer creates no reference cycles worth collecting, so the collector is simply
paused for the duration and one young-generation collection runs afterwards.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_depth = 0


def gc_paused(fn: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        global _depth
        with _lock:
            _depth += 1
            was_enabled = gc.isenabled() if _depth == 1 else False
            gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            with _lock:
                _depth -= 1
                if _depth == 0 and was_enabled:
                    gc.enable()
            gc.collect(0)

    return wrapper


def keep_out_of_collections() -> None:
    """Move every object alive now out of the collector's sight (`gc.freeze`), after a
    large structure that lives as long as the open case was built: the index's decoded
    rows, one object per document. A full collection walks every tracked object while
    it holds the GIL, so with 100,000 rows each one paused whatever was running for
    ~110 ms; in `tests/perf/bench_search.py` that was one search in the middle of the
    100,000-document run, twice its slowest otherwise. The cost: cycles that are
    garbage at this moment are never freed (a few kilobytes; nothing here makes them)."""
    gc.freeze()
