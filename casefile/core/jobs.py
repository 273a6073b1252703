"""Progress and cancellation shared by every long job, whatever face runs it.

A core job only ever *reports* and *asks*: it never knows whether a tqdm bar or a Qt
status bar is watching. The snapshot is read from another thread (the GUI polls it with
a timer), so every field is read and written under one lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


class Cancelled(Exception):
    """Raised inside a job when the user asked it to stop; the job cleans up first."""


@dataclass(frozen=True)
class Progress:
    done: int
    total: int | None
    label: str


class JobContext:
    def __init__(self, on_progress: Callable[[Progress], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._total: int | None = None
        self._label = ""
        self._cancel = threading.Event()
        self._on_progress = on_progress

    def report(self, done: int, total: int | None = None, label: str | None = None) -> None:
        with self._lock:
            self._done = done
            if total is not None:
                self._total = total
            if label is not None:
                self._label = label
            snap = Progress(self._done, self._total, self._label)
        if self._on_progress is not None:
            self._on_progress(snap)

    def advance(self, label: str | None = None, step: int = 1) -> None:
        with self._lock:
            done = self._done + step
        self.report(done, label=label)

    def snapshot(self) -> Progress:
        with self._lock:
            return Progress(self._done, self._total, self._label)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


def silent() -> JobContext:
    """A context for callers that neither show progress nor cancel (tests, scripts)."""
    return JobContext()
