"""Core work off the UI thread, results back by signal.

DESIGN "Background work": every database write goes through ONE writer thread (a
one-thread executor, as Anki does), so writes never race each other and the UI thread
never waits on SQLite's lock; reads that might be slow (sorting 100,000 ids, searching)
run on a small reader pool. Long jobs get a `JobContext` whose snapshot a QTimer polls
every 100 ms: the worker never touches a widget, the UI never blocks on the worker.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from casefile.core.jobs import JobContext, Progress

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


def quieter_garbage_collection() -> None:
    """Keep full garbage collections short: they hold the GIL, so one started by the
    writer thread freezes the window for its whole length. bench_ui.py measured 200-340
    ms gen-2 collections during an import, each matching an event-loop stall. Once a
    case is open nearly every object alive (modules, Qt wrappers, the parsed schema) is
    permanent; `gc.freeze()` moves them out of the collector's sight, so a full pass
    walks only what the import itself made. Cycles frozen this way are never freed,
    which at this moment is a few kilobytes at most."""
    gc.collect()
    gc.freeze()


def _quietly(work: Callable[[], Any]) -> None:
    """`work` delivers its own result or error to the UI; inside a job's safe point its
    exception must not also stop the job."""
    with contextlib.suppress(BaseException):
        work()


class _Bridge(QObject):
    """Lives in the UI thread; a signal emitted from a worker is queued to it."""

    deliver = Signal(object, object)  # callback, value


class Job(QObject):
    """A long, cancellable piece of work with a progress snapshot polled by a timer."""

    progress = Signal(object)  # Progress
    finished = Signal(object)  # the job's result
    failed = Signal(object)  # the exception

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.ctx = JobContext()
        self.running = True
        self.result: Any = None
        self.error: BaseException | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def cancel(self) -> None:
        self.ctx.cancel()

    @property
    def cancelled(self) -> bool:
        return self.ctx.cancelled

    def snapshot(self) -> Progress:
        return self.ctx.snapshot()

    def _poll(self) -> None:
        self.progress.emit(self.ctx.snapshot())

    def _finish(self, result: Any) -> None:
        self._timer.stop()
        self.running = False
        self.result = result
        self._poll()
        self.finished.emit(result)

    def _fail(self, exc: BaseException) -> None:
        self._timer.stop()
        self.running = False
        self.error = exc
        self.failed.emit(exc)


class Runner(QObject):
    """Submits core calls to the writer thread or the reader pool.

    Callbacks run on the UI thread. `pending` counts unfinished calls so tests (and the
    close handler) can wait for quiet.
    """

    error = Signal(object)  # an exception no caller handled

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="casefile-writer")
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="casefile-reader")
        self._bridge = _Bridge()
        self._bridge.deliver.connect(self._on_deliver)
        self.pending = 0
        self._closed = False  # after `shutdown`, new calls are dropped
        self.jobs: list[Job] = []
        # Which job holds the writer thread now, and how many writes wait in its queue
        # (see `edit`): read and changed from both threads, so under a lock.
        self._writer_lock = threading.Lock()
        self._writer_job: JobContext | None = None
        self._writer_queued = 0

    # -- plumbing -------------------------------------------------------------------
    def _on_deliver(self, callback: Callable[[Any], None] | None, value: Any) -> None:
        """Hand a result to its callback, unless the widget that asked is gone: a reply
        that arrives after its window closed is dropped, not an error."""
        try:
            owner = getattr(callback, "__self__", None)
            if callback is None or (isinstance(owner, QObject) and not shiboken6.isValid(owner)):
                return
            try:
                callback(value)
            except RuntimeError as exc:
                if "already deleted" not in str(exc) and "has been deleted" not in str(exc):
                    raise
                log.debug("dropped a result for a closed widget: %s", exc)
        finally:
            self.pending -= 1

    def _submit(
        self,
        submit: Callable[[Callable[[], Any]], Any],
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        on_done: Callback | None,
        on_error: Callback | None,
    ) -> Any:
        if self._closed:
            # A reply that arrived as the window closed asked for more work: there is
            # nobody left to show it to.
            dropped: Future[Any] = Future()
            dropped.cancel()
            return dropped
        self.pending += 1
        bridge = self._bridge
        report = on_error if on_error is not None else self.error.emit

        def work() -> Any:
            try:
                value = fn(*args, **kwargs)
            except BaseException as exc:
                log.debug("background call failed:\n%s", traceback.format_exc())
                bridge.deliver.emit(report, exc)
                raise
            bridge.deliver.emit(on_done, value)
            return value

        return submit(work)

    def _queue_write(self, work: Callable[[], Any]) -> Future[Any]:
        def counted() -> Any:
            with self._writer_lock:
                self._writer_queued -= 1
            return work()

        with self._writer_lock:
            self._writer_queued += 1
        return self._writer.submit(counted)

    # -- API ------------------------------------------------------------------------
    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        **kwargs: Any,
    ) -> Future[Any]:
        """Run a writing service call on the one writer thread, in submission order."""
        future: Future[Any] = self._submit(self._queue_write, fn, args, kwargs, on_done, on_error)
        return future

    def edit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        **kwargs: Any,
    ) -> None:
        """A small write the user is waiting to see (a title, a tag): like `write`, but
        while a long job (an import) holds the writer thread, the job runs it between
        two of its batches instead of at its end (`JobContext.run_between`). Order is
        kept: when other writes already wait behind the job, this one waits too."""

        def hand_to_job(work: Callable[[], Any]) -> Any:
            with self._writer_lock:
                job = self._writer_job if self._writer_queued == 0 else None
                if job is not None and job.run_between(lambda: _quietly(work)):
                    return None
            return self._queue_write(work)

        self._submit(hand_to_job, fn, args, kwargs, on_done, on_error)

    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        **kwargs: Any,
    ) -> Future[Any]:
        """Run a reading service call on the reader pool (its own session per call)."""
        future: Future[Any] = self._submit(
            self._readers.submit, fn, args, kwargs, on_done, on_error
        )
        return future

    def start_job(
        self,
        title: str,
        fn: Callable[..., Any],
        *args: Any,
        reads_only: bool = False,
        **kwargs: Any,
    ) -> Job:
        """Run `fn(*args, ctx, **kwargs)` on the writer thread as a cancellable job; a
        job that `reads_only` (date suggestions) runs on the reader pool instead, so it
        never holds up a write."""
        job = Job(title, self)
        self.jobs.append(job)

        def done(result: Any) -> None:
            self.jobs.remove(job)
            job._finish(result)

        def failed(exc: Any) -> None:
            self.jobs.remove(job)
            job._fail(exc)

        def run(*a: Any, **kw: Any) -> Any:
            with self._writer_lock:
                self._writer_job = job.ctx
            try:
                return fn(*a, **kw)
            finally:
                with self._writer_lock:
                    self._writer_job = None
                job.ctx.end_between()  # edits handed over too late for a safe point

        if reads_only:
            self.read(fn, *args, job.ctx, on_done=done, on_error=failed, **kwargs)
        else:
            self.write(run, *args, job.ctx, on_done=done, on_error=failed, **kwargs)
        return job

    @property
    def idle(self) -> bool:
        return self.pending == 0

    def shutdown(self) -> None:
        """Ask running jobs to stop, then wait for the threads (called on close)."""
        self._closed = True
        for job in list(self.jobs):
            job.cancel()
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True)
