"""The futures an extraction pool hands out (`workers.ExtractionPool`): cancelling one
cancels (or kills) the worker task behind it; a retry's result settles the future the
caller holds; when the pool itself broke (`pool_watch`), all that are outstanding fail
at once with the sentence for it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from concurrent.futures import Future, InvalidStateError
from typing import Any, TypeVar

from casefile.core.ingest.types import Extraction

T = TypeVar("T")


class WorkerFuture(Future[T]):
    """Our future of a worker's task: cancelling it cancels (or kills) the task behind it
    (`inner`, pebble's future). An extraction's, or any task's (`tasks.TaskPool`)."""

    inner: Future[Any] | None = None

    def cancel(self) -> bool:
        if self.inner is not None:
            self.inner.cancel()
        return super().cancel()

    def running(self) -> bool:
        """True once a worker has taken the task (until then, cancelling it only takes
        it off the queue; afterwards it kills the worker)."""
        if self.inner is not None and not self.done():
            return self.inner.running()
        return super().running()


class ExtractionFuture(WorkerFuture[Extraction]):
    """A file's extraction: it always resolves to an `Extraction`, unless cancelled."""


def forward(source: Future[Extraction], target: Future[Extraction]) -> None:
    """Settle `target` as `source` was settled (a done callback of `source`)."""
    if source.cancelled():
        target.cancel()
    elif not target.done() and target.set_running_or_notify_cancel():
        exc = source.exception()
        if exc is None:
            target.set_result(source.result())
        else:  # the pool broke (`pool_watch`)
            target.set_exception(exc)


def fail_all(futures: Iterable[Future[Extraction]], error: Callable[[], Exception]) -> None:
    """Fail every future not settled yet with a fresh `error()`."""
    for f in futures:
        with contextlib.suppress(InvalidStateError, RuntimeError):  # settled meanwhile
            if f.set_running_or_notify_cancel():
                f.set_exception(error())
