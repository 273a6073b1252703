"""A helper process that ends with the process that started it.

The entity matcher and the name reader (`core/entities/`) run in processes of their
own. When the case's writer is killed (kill -9, a crash), the pool that would have
stopped them never runs its clean-up, and a 500 MB reader would run on, orphaned. Each
such process calls `exit_with_parent()` as it starts: a daemon thread waits on the
parent's sentinel and ends the process the moment the parent is gone.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading


def exit_with_parent() -> None:
    """In a process started by `multiprocessing`: end it when its parent ends."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_when, args=(parent.sentinel,), daemon=True).start()


def _exit_when(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)
