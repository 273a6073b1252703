"""Any task in the extraction workers: the same processes, limits and network ban
(workers.py), for work that is not an extraction, such as OCR of a page.

The caller gets a future of the task's own result; a task that ran out of time, memory
or crashed its process raises `TaskFailed` with a word for why, which the caller turns
into its own sentence (it knows what the task was). Cancelling the future, or
`cancel_pending`, stops the task, killing its worker if it is running.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from pebble import ProcessExpired

from casefile.core.ingest.extraction_futures import WorkerFuture
from casefile.core.ingest.workers import ExtractionPool

TIMEOUT, CRASHED, MEMORY, ERROR = "timeout", "crashed", "memory", "error"


class TaskFailed(Exception):
    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why  # TIMEOUT, CRASHED, MEMORY or ERROR


class TaskPool(ExtractionPool):
    """An ExtractionPool that also runs plain functions (`call`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._tasks: set[WorkerFuture[Any]] = set()

    def call(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Run `fn(*args)` (picklable, importable by name) in a worker."""
        outer: WorkerFuture[Any] = WorkerFuture()
        inner = self._ensure_pool().schedule(fn, args=args, timeout=self.timeout_s)
        outer.inner = inner
        with self._lock:
            self._tasks.add(outer)
        inner.add_done_callback(lambda done: self._settle(outer, done))
        return outer

    def _settle(self, outer: WorkerFuture[Any], inner: Future[Any]) -> None:
        with self._lock:
            self._tasks.discard(outer)
        if inner.cancelled():
            outer.cancel()
            return
        if not outer.set_running_or_notify_cancel():
            return  # cancelled by the caller meanwhile
        try:
            outer.set_result(inner.result())
        except CancelledError:
            outer.set_exception(TaskFailed(ERROR))
        except (FutureTimeout, TimeoutError):
            outer.set_exception(TaskFailed(TIMEOUT))
        except ProcessExpired:
            outer.set_exception(TaskFailed(CRASHED))
        except MemoryError:
            outer.set_exception(TaskFailed(MEMORY))
        except Exception:
            outer.set_exception(TaskFailed(ERROR))

    def cancel_pending(self) -> None:
        with self._lock:
            tasks = list(self._tasks)
        for fut in tasks:
            fut.cancel()
        super().cancel_pending()
