"""Progress and cancellation shared by every long job, whatever face runs it.

A core job only ever *reports* and *asks*: it never knows whether a tqdm bar or a Qt
status bar is watching. The snapshot is read from another thread (the GUI polls it with
a timer), so every field is read and written under one lock.

A long writing job (an import of thousands of files) holds the case's one writer for
minutes. Small writes a user makes meanwhile (a title, a tag) are handed to the job with
`run_between` and run on the job's own thread at its next `safe_point`, where no
transaction is open, instead of waiting for the whole job: still one writer, and the
edit lands within a batch (about a second) rather than at the end.
"""

from __future__ import annotations

import threading
from collections import deque
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
        self._between: deque[Callable[[], None]] = deque()
        self._between_open = True

    # -- small writes run between a job's batches (see the module docstring) ----------
    def run_between(self, fn: Callable[[], None]) -> bool:
        """Ask the job to run `fn` at its next safe point (from any thread). False when
        the job no longer takes any (it has ended): the caller runs `fn` itself."""
        with self._lock:
            if not self._between_open:
                return False
            self._between.append(fn)
            return True

    def safe_point(self) -> None:
        """Called by the job where the database is consistent and no transaction is
        open: runs what was handed over meanwhile, in the order it came. `fn` reports
        its own failures (it must not raise into the job)."""
        while True:
            with self._lock:
                if not self._between:
                    return
                fn = self._between.popleft()
            fn()

    def end_between(self) -> None:
        """The job is over: run what is left, and take nothing more."""
        with self._lock:
            self._between_open = False
        self.safe_point()

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
