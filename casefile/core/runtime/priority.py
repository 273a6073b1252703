"""Extraction runs below the threads that talk to the user.

On Linux a nice value belongs to a thread, and processes inherit the value of the thread
that started them; the fork server may be started from anywhere (a warm-up thread, the
CLI), so the workers lower themselves. On a 2-core laptop two extraction workers at full
priority otherwise take the CPU from the event loop.

Threads of the GUI process itself stay at normal priority, the writer included: they
share the interpreter lock, and a lowered thread holding it gets descheduled in favour
of the workers while the event loop waits for the lock (bench_ui.py measured 40-60 ms
stalls that way, gone once the writer ran at normal priority).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

BACKGROUND_NICENESS = 10


def lower_this_thread() -> None:
    """Give the calling thread (and whatever it starts) the background nice value;
    never raises, and never raises the priority of an already lower thread."""
    if not hasattr(os, "setpriority") or not sys.platform.startswith("linux"):
        return  # elsewhere the nice value is per process; leave it
    with contextlib.suppress(OSError):
        tid = threading.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, tid)
        if current < BACKGROUND_NICENESS:
            os.setpriority(os.PRIO_PROCESS, tid, BACKGROUND_NICENESS)
