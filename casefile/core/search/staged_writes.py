"""An import's documents added to an open index writer as they are written, committed
later in one go (docs/architecture.md, "How a change reaches the index").

An import used to index in 1,000-document syncs, each one reading its documents back,
adding and committing them while the extraction workers waited or had finished: the last
sync (~2 s per 1,000 notes) was a tail with one core idle. Adding a document is about a
third of indexing it, and the importing process has time to spare while the workers
extract the first files, so each batch is added right after its database commit and only
the commit is left to the sync. Every other document goes to the extraction workers
instead (`segment_task.py`), and their segments join this writer's commit; measured,
that is what makes the import faster, since it takes work off the importing process.

Nothing changes for the crash rules: the work items stay queued until the commit, so a
crash, a writer discarded after an error or a worker's failure leaves them for the next
sync, which indexes the documents again from the database.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from casefile.core.search.entry import add_entry
from casefile.core.search.segment_task import Payload, build_segment, move_in

log = logging.getLogger(__name__)

# Runs a function in an extraction worker: `helper(fn, *args)` -> its future.
Helper = Callable[..., "Future[Any]"]
# Documents per worker segment: fewer make more segments to search; more leave the
# worker's last segment alone at the end of the import. And the text they hold, so that
# a task of long documents stays seconds long (a worker's task has a time limit).
OFFLOAD_BATCH = 300
OFFLOAD_CHARS = 2_000_000


class StagedWrites:
    """An open Whoosh writer, the documents added to it or handed to the workers, and
    their work items."""

    def __init__(self, writer: Any, index_dir: Path) -> None:
        self.writer = writer
        self._index_dir = index_dir
        self._parts = parts_folder(index_dir)
        # One searcher for every deletion while the writer is open: the segments it
        # deletes from do not change until the commit (see `indexer._drain`).
        self._searcher: Any = None
        self.revisions: dict[str, int] = {}  # uid -> revision, added to the writer
        self.items: dict[str, list[int]] = {}  # uid -> the work items a commit fulfils
        self._waiting: list[tuple[str, int, Payload]] = []  # for the next worker task
        self._tasks: list[tuple[Future[Any], list[tuple[str, int, Payload]]]] = []
        self._given = 0  # documents handed to the workers
        self._helper: Helper | None = None
        self._waiting_chars = 0

    def delete_uids(self, uids: Iterable[str]) -> None:
        """Remove any earlier entry of these documents (re-indexing is idempotent)."""
        if self._searcher is None:
            self._searcher = self.writer.searcher()
        for uid in uids:
            self.writer.delete_by_term("uid", uid, searcher=self._searcher)

    def wants_helper(self) -> bool:
        """Whether the next document should go to a worker: every other one."""
        return self._given < len(self.revisions)

    def give(self, helper: Helper, uid: str, revision: int, payload: Payload) -> None:
        """Hand a document to the workers (built into a segment OFFLOAD_BATCH at a time)."""
        self._helper = helper
        self._waiting.append((uid, revision, payload))
        self._given += 1
        self._waiting_chars += sum(len(text) for _number, text in payload[1])
        if len(self._waiting) >= OFFLOAD_BATCH or self._waiting_chars >= OFFLOAD_CHARS:
            self._submit()

    def _submit(self) -> None:
        """Hand the waiting documents to a worker, or add them here if none takes them."""
        waiting, self._waiting = self._waiting, []
        self._waiting_chars = 0
        if not waiting:
            return
        docs = [payload for _uid, _rev, payload in waiting]
        if self._helper is None:
            self._add_here(waiting)
            return
        try:
            future = self._helper(build_segment, str(self._parts), docs)
        except Exception as exc:  # the workers are gone (the import ended): add them here
            log.info("documents indexed here, not by a worker (%s)", exc)
            self._add_here(waiting)
            return
        self._tasks.append((future, waiting))

    def _add_here(self, docs: list[tuple[str, int, Payload]]) -> None:
        for uid, revision, (fields, pages, split) in docs:
            add_entry(self.writer, fields, pages, split)
            self.revisions[uid] = revision

    def _take_back_unstarted(self) -> None:
        """The tasks no worker has begun (they wait behind the import's extractions) are
        taken back and their documents added here: the commit does not wait for them."""
        kept = []
        for future, docs in self._tasks:
            if not future.running() and not future.done() and future.cancel():
                self._add_here(docs)
            else:
                kept.append((future, docs))
        self._tasks = kept

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            searcher, self._searcher = self._searcher, None
            searcher.close()

    def commit(self) -> tuple[dict[str, int], list[int]]:
        """Commit the writer with the workers' segments; returns the revisions now in the
        index and the work items fulfilled. Documents whose worker failed are left out of
        both (their items stay queued for the sync's drain)."""
        self._submit()
        self._take_back_unstarted()
        failed: set[str] = set()
        joined: dict[str, int] = {}

        def joining() -> list[Any]:
            segments = []
            for future, docs in self._tasks:
                revisions = {uid: revision for uid, revision, _payload in docs}
                try:
                    segment, path = future.result()
                    segments.append(move_in(segment, path, self._index_dir))
                    joined.update(revisions)
                except Exception as exc:  # TaskFailed, or a file that did not move
                    log.warning("a worker's index segment is left out (%s)", exc)
                    failed.update(revisions)
            self._tasks = []
            return segments

        self.writer.joining = joining
        try:
            self._close_searcher()
            self.writer.commit()
        except BaseException:
            self.cancel()
            raise
        finally:
            shutil.rmtree(self._parts, ignore_errors=True)
        revisions = {**self.revisions, **joined}
        items = [i for uid, ids in self.items.items() if uid not in failed for i in ids]
        return revisions, items

    def cancel(self) -> None:
        """Let go of the writer and what it holds; its work items stay queued."""
        for future, _docs in self._tasks:
            if not future.running():  # a running one is left to finish (cancelling it
                future.cancel()  # would kill its worker); its folder goes below
        self._tasks, self._waiting = [], []
        try:
            self._close_searcher()
        finally:
            if not self.writer.is_closed:  # a failed commit may have closed it
                self.writer.cancel()
            shutil.rmtree(self._parts, ignore_errors=True)


def parts_folder(index_dir: Path) -> Path:
    """Where the workers build their segments: beside the index, never inside it (a
    commit deletes every segment file there that its table does not list)."""
    return index_dir.with_name(index_dir.name + ".parts")
