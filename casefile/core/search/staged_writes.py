"""An import's documents added to an open index writer as they are written, committed
later in one go (docs/architecture.md, "How a change reaches the index").

An import used to index in 1,000-document syncs, each one reading its documents back,
adding and committing them while the extraction workers waited or had finished: the last
sync (~2 s per 1,000 notes) was a tail with one core idle. Adding a document is about a
third of indexing it, and the importing process has time to spare while the workers
extract the first files, so each batch is added right after its database commit and only
the commit is left to the sync. Nothing changes for the crash rules: the work items stay
queued until the commit, so a crash, or a writer discarded after an error, leaves them
for the next sync, which indexes the documents again from the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class StagedWrites:
    """An open Whoosh writer with the documents added to it and their work items."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer
        # One searcher for every deletion while the writer is open: the segments it
        # deletes from do not change until the commit (see `indexer._drain`).
        self._searcher: Any = None
        self.revisions: dict[str, int] = {}  # uid -> the revision added
        self.item_ids: list[int] = []  # the work items the commit fulfils

    def __len__(self) -> int:
        return len(self.revisions)

    def delete_uids(self, uids: Iterable[str]) -> None:
        """Remove any earlier entry of these documents (re-indexing is idempotent)."""
        if self._searcher is None:
            self._searcher = self.writer.searcher()
        for uid in uids:
            self.writer.delete_by_term("uid", uid, searcher=self._searcher)

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            searcher, self._searcher = self._searcher, None
            searcher.close()

    def commit(self) -> None:
        try:
            self._close_searcher()
            self.writer.commit()
        except BaseException:
            self.cancel()
            raise

    def cancel(self) -> None:
        """Let go of the writer and what it holds; its work items stay queued."""
        try:
            self._close_searcher()
        finally:
            if not self.writer.is_closed:  # a failed commit may have closed it
                self.writer.cancel()
