"""Run extractions in worker processes, so a hostile file fails alone.

A PDF that loops forever, a zip bomb, or a parser that segfaults must cost that one
file, never the import or the application. Each file runs in a pebble worker process
with a wall-time limit (pebble kills the worker on timeout and starts a new one) and an
address-space cap (RLIMIT_AS, set in the worker initializer). The cap is counted *on
top of* what the worker inherits at fork: a GUI parent may already map a gigabyte of
Qt libraries, and a flat limit below that would make every allocation fail.

Workers never touch the database (they only return picklable `Extraction`s) and never
open network sockets: an audit hook in each worker refuses any IP connection or name
lookup, so even a library bug cannot fetch a remote image.

Throughput: a process round trip costs about a millisecond, which dominates for tiny
notes. Small plain-text files (below `inline_text_bytes`, 256 KB by default) are
therefore extracted in the calling thread: text has no parser to exploit, decoding is
linear in its size, and the byte limit bounds both time and memory. Everything else
(PDF, DOCX, HTML, e-mail, bigger text) goes to a worker.
"""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import os
import resource
import sys
import threading
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, CancelledError, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from functools import partial
from typing import Any, Self

from pebble import ProcessExpired, ProcessPool

from casefile.core import i18n
from casefile.core.errors import ExtractionUnavailableError
from casefile.core.i18n import N_
from casefile.core.ingest.extract import OUT_OF_MEMORY, extract_file, extract_small_text
from casefile.core.ingest.extraction_futures import ExtractionFuture, fail_all, forward
from casefile.core.ingest.guesses import with_guesses
from casefile.core.ingest.page_words import with_words
from casefile.core.ingest.paging import spool
from casefile.core.ingest.pool_watch import POLL_S, unavailable, watch
from casefile.core.ingest.types import Extraction, FileType, Status
from casefile.core.ingest.worker_guards import current_address_space, refuse_network
from casefile.core.runtime.priority import lower_this_thread

Extractor = Callable[[str, "str | None", "str | None"], Extraction]


def _init_worker(memory_bytes: int | None, language: str = "en") -> None:
    """Runs once in each worker process before it takes any task. The worker speaks
    the language of the process that started the pool: a fork server started before
    the user switched language would otherwise hand its own to every worker it forks
    (docs/architecture.md, "Languages")."""
    i18n.set_language(language)
    sys.addaudithook(refuse_network)
    lower_this_thread()  # extraction must not take the CPU from the user's window
    faulthandler.disable()  # a hostile file's crash is reported as a reason, not a dump
    if memory_bytes:
        limit = current_address_space() + memory_bytes
        with contextlib.suppress(ValueError, OSError):  # e.g. not permitted: keep going
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _noop() -> None:
    return None


def _run(
    extractor: Extractor,
    path: str,
    password: str | None,
    name: str | None,
    spool_dir: str | None = None,
) -> Extraction:
    return with_words(with_guesses(spool(extractor(path, password, name), spool_dir)))


Job = tuple[str, "str | None", "str | None"]  # path, password, file name


def _run_batch(
    extractor: Extractor, jobs: list[Job], spool_dir: str | None = None
) -> list[Extraction]:
    return [
        with_words(with_guesses(spool(extractor(path, password, name), spool_dir)))
        for path, password, name in jobs
    ]


_PRELOAD = ["casefile.core.ingest.warm"]


def _default_method() -> str:
    return "forkserver" if os.name == "posix" else "spawn"


def warm_up() -> None:
    """Start the fork server now (it loads the extractors and the language model), so
    the first import does not wait for it. The GUI calls this in the background."""
    if _default_method() != "forkserver":
        return
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(_PRELOAD)
    forkserver.ensure_running()


def _preload() -> None:
    """Import the extractors (and the language model) before forking, so each worker
    starts with them in copy-on-write memory instead of loading them itself."""
    import casefile.core.ingest.extract_docx
    import casefile.core.ingest.extract_email
    import casefile.core.ingest.extract_html
    import casefile.core.ingest.extract_pdf  # noqa: F401
    from casefile.core.ingest.languages import _model

    _model()


def _quick_type(path: str, name: str | None) -> FileType:
    """A cheap type for messages about files whose worker died (no parsing here)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        head = b""
    if b"%PDF-" in head:
        return FileType.PDF
    from casefile.core.ingest.sniff import extension_type

    return extension_type(name or path) or FileType.UNKNOWN


class ExtractionPool:
    """Extract files in isolated worker processes; see the module docstring.

    `submit` returns a future that always resolves to an `Extraction` (a timeout, crash
    or memory blow-up becomes Status.FAILED with a reason), unless it is cancelled.
    """

    def __init__(
        self,
        max_workers: int | None = None,
        timeout_s: float = 60.0,
        memory_mb: int | None = 1536,
        inline: bool = False,
        inline_text_bytes: int = 256 * 1024,
        extractor: Extractor = extract_file,
        context: str | None = None,
        spool_dir: str | None = None,
    ) -> None:
        self.max_workers = max_workers or os.cpu_count() or 2
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self.inline = inline
        self.inline_text_bytes = inline_text_bytes
        self.extractor = extractor
        self._context = context
        # Long page texts and large attachments come back as files in this folder
        # (paging.py), so they never pass through the caller's memory whole.
        self.spool_dir = spool_dir
        self._pool: ProcessPool | None = None
        self._futures: set[ExtractionFuture] = set()
        self._lock = threading.Lock()
        self._closing = threading.Event()  # the watcher's stop (`pool_watch`)
        self._broken = False  # the pool broke: nothing more can be extracted
        self.ready = threading.Event()  # set once the workers can take tasks
        if inline:
            self.ready.set()

    # -- lifecycle -------------------------------------------------------------------
    def start_in_background(self) -> None:
        """Start the workers on a side thread (the fork server may need ~1 s to load the
        extractors) and set `ready` when they answer; callers do other work meanwhile
        and must not submit before `ready` is set."""
        if self.ready.is_set():
            return

        def start() -> None:
            try:
                if self._closing.is_set():  # closed before the workers were needed
                    return
                probe = self._ensure_pool().schedule(_noop)
                while not probe.done() and not self._broken:  # a broken pool never answers
                    wait([probe], timeout=POLL_S)
            except (RuntimeError, ExtractionUnavailableError):
                pass  # closed meanwhile, or broken (`submit` says so)
            finally:
                self.ready.set()

        threading.Thread(target=start, name="extraction-start", daemon=True).start()

    def _ensure_pool(self) -> ProcessPool:
        if self._broken:
            raise unavailable()
        pool = self._pool  # (close() may clear it from another thread meanwhile)
        if pool is None:
            # Not "fork": the GUI (and a busy test run) has many threads, and a child
            # forked while another thread holds a lock can hang forever. The fork server
            # is a clean single-threaded process that imports the extractors once and
            # forks each worker from that state, which is nearly as cheap.
            method = self._context or _default_method()
            context = multiprocessing.get_context(method)
            if method == "fork":
                _preload()
            elif method == "forkserver":
                context.set_forkserver_preload(_PRELOAD)
            memory = self.memory_mb * 1024 * 1024 if self.memory_mb else None
            pool = ProcessPool(
                max_workers=self.max_workers,
                initializer=_init_worker,
                initargs=(memory, i18n.language()),
                context=context,
            )
            self._pool, self._closing = pool, threading.Event()
            watch(pool, self._fail_all, self._closing)
        return pool

    def _schedule(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> Future[Any]:
        try:
            return self._ensure_pool().schedule(fn, args=args, timeout=self.timeout_s)
        except RuntimeError as exc:  # pebble's "Unexpected error within the Pool"
            self._fail_all()
            raise unavailable() from exc

    def _fail_all(self, also: list[ExtractionFuture] | None = None) -> None:
        """The pool broke outside any file (`pool_watch`): every task outstanding (and
        `also`) fails with a sentence instead of never finishing; later ones are refused."""
        self._broken = True
        with self._lock:
            outstanding, self._futures = [*self._futures, *(also or [])], set()
        fail_all(outstanding, unavailable)

    def close(self) -> None:
        """Stop the workers; tasks not finished are cancelled."""
        self.cancel_pending()
        self._closing.set()
        if self._pool is not None:
            self._pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it untyped
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cancel_pending(self) -> None:
        """Cancel every task not finished yet (running ones are stopped)."""
        with self._lock:
            futures = list(self._futures)
        for fut in futures:
            fut.cancel()

    # -- work ------------------------------------------------------------------------
    def submit(
        self, path: str, password: str | None = None, name: str | None = None
    ) -> Future[Extraction]:
        path = os.fspath(path)
        outer = ExtractionFuture()
        if self.inline or self.extractor is extract_file:
            quick = (
                self._inline_extract(path, password, name)
                if self.inline
                else extract_small_text(path, self.inline_text_bytes, name)
            )
            if quick is not None:
                outer.set_running_or_notify_cancel()
                outer.set_result(quick)
                return outer
        inner = self._schedule(_run, (self.extractor, path, password, name, self.spool_dir))
        outer.inner = inner
        with self._lock:
            self._futures.add(outer)
        inner.add_done_callback(lambda done: self._resolve(outer, done, path, name))
        return outer

    def submit_batch(self, jobs: list[Job]) -> list[Future[Extraction]]:
        """Several small files in one worker task: one process round trip instead of one
        per file, which is what made isolating every small note slower than reading it
        in-process. Should the task fail (a timeout, a crash), each file is retried on
        its own, so only the culprit fails and with its own reason."""
        if self.inline or len(jobs) == 1:
            return [self.submit(*job) for job in jobs]
        outers = [ExtractionFuture() for _ in jobs]
        inner = self._schedule(_run_batch, (self.extractor, list(jobs), self.spool_dir))
        with self._lock:
            self._futures.update(outers)
        for outer in outers:
            outer.inner = inner

        def settle(done: Future[Any]) -> None:
            with self._lock:
                self._futures.difference_update(outers)
            if done.cancelled():
                for outer in outers:
                    outer.cancel()
                return
            try:
                results: list[Extraction] = done.result()
            except BrokenExecutor:  # the pool broke, not a file: no retry can succeed
                self._fail_all(outers)
                return
            except Exception:  # timeout, crash, memory: find the culprit one by one
                for outer, job in zip(outers, jobs, strict=True):
                    if not outer.cancelled():
                        try:
                            retry = self.submit(*job)
                        except ExtractionUnavailableError:
                            self._fail_all([outer])
                            continue
                        retry.add_done_callback(partial(forward, target=outer))
                return
            for outer, result in zip(outers, results, strict=True):
                if not outer.done() and outer.set_running_or_notify_cancel():
                    outer.set_result(result)

        inner.add_done_callback(settle)
        return list(outers)

    def _inline_extract(self, path: str, password: str | None, name: str | None) -> Extraction:
        try:
            return spool(self.extractor(path, password, name), self.spool_dir)
        except Exception:
            return Extraction(
                _quick_type(path, name), Status.FAILED, reason=N_("This file could not be read.")
            )

    def _resolve(
        self, outer: ExtractionFuture, inner: Future[Any], path: str, name: str | None
    ) -> None:
        with self._lock:
            self._futures.discard(outer)
        if outer.done():
            return  # failed already: the pool broke (`_fail_all`)
        if inner.cancelled():
            outer.cancel()
            return
        if not outer.set_running_or_notify_cancel():
            return  # cancelled by the caller meanwhile
        try:
            result: Extraction = inner.result()
        except CancelledError:
            outer.cancel()
            return
        except BrokenExecutor:  # the pool broke, not this file (`pool_watch`)
            outer.set_exception(unavailable())
            self._fail_all()
            return
        except (FutureTimeout, TimeoutError):
            result = self._failure(
                path,
                name,
                N_(
                    "Extraction was stopped after %(seconds)g s: the file may be hostile or "
                    "damaged. The original is kept."
                )
                % {"seconds": self.timeout_s},
            )
        except ProcessExpired:
            result = self._failure(
                path,
                name,
                N_(
                    "The extraction process stopped unexpectedly while reading this file (it "
                    "may be hostile or damaged). The original is kept."
                ),
            )
        except MemoryError:
            result = self._failure(path, name, OUT_OF_MEMORY)
        except Exception:
            result = self._failure(
                path, name, N_("This file could not be read (the extraction failed).")
            )
        outer.set_result(result)

    @staticmethod
    def _failure(path: str, name: str | None, reason: str) -> Extraction:
        return Extraction(_quick_type(path, name), Status.FAILED, reason=reason)
