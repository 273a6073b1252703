"""One open case as the widgets see it: the case, the runner, the undo stack, and the
one signal that tells every view what changed.

Widgets never call a writing service themselves; they ask the controller, which queues
the call on the writer thread and announces the result as one `Changes` value on
`changed` (docs/architecture.md). Each view takes from it what concerns it, so the
table, the navigator, the viewer and the metadata panel never disagree.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from casefile.core import services
from casefile.core.jobs import Cancelled, Progress
from casefile.core.services import Changes, DocumentDetail, ImportSummary, VerifyReport
from casefile.ui.i18n import QT_TRANSLATE_NOOP, plural, translate
from casefile.ui.messages import user_message
from casefile.ui.runner import Job, Runner

if TYPE_CHECKING:
    from casefile.core.case import Case
    from casefile.core.services import SavedSearchInfo


# Job titles and messages are made before the language is chosen: translated where shown.
UPDATING_INDEX = QT_TRANSLATE_NOOP("CaseController", "Updating the search index")
# While an import runs, lists are read again this often (if it has made progress), so
# new documents appear as the import's batches land, not only at its end.
LIVE_IMPORT_RELOAD_S = 2.5
REBUILDING_INDEX = QT_TRANSLATE_NOOP("CaseController", "Rebuilding the search index…")
EMPTY_CASE = QT_TRANSLATE_NOOP(
    "CaseController",
    "This case has no documents yet: import files with File → Import (Ctrl+I) "
    "or drop them on the window.",
)


class CaseController(QObject):
    changed = Signal(object)  # Changes: what a write changed (see core.services.dto)
    jobStarted = Signal(object)  # Job
    message = Signal(str)  # a short line for the status bar
    failed = Signal(str)  # an error the user should read

    def __init__(self, case: Case, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.runner = runner
        self.undo_stack = QUndoStack(self)
        self.readonly = bool(getattr(case, "readonly", False))
        self.index_job: Job | None = None
        self.removed: set[str] = set()  # deleted documents: their edits cannot be undone
        self.changed.connect(lambda c: self.removed.update(c.removed))
        self._index_waiters: list[Callable[[], None]] | None = None  # see ensure_index_soon
        self.pdf_passwords: dict[str, str] = {}  # uid -> password that read it (memory only)

    # -- the search index -------------------------------------------------------------
    def ensure_index(self) -> Job:
        """Bring the search index up to date on the writer thread, as the search service
        expects after every open: a deleted, damaged or older index is rebuilt (with
        progress: it takes minutes on a big case), else pending updates are finished.
        Searches wait for this job (see `after_index`), so a reader thread never starts
        a second rebuild of its own."""
        rebuilding = translate("CaseController", REBUILDING_INDEX)
        title = translate("CaseController", UPDATING_INDEX)
        job = self.runner.start_job(title, services.ensure_index, self.case)
        self.index_job = job
        waiters, self._index_waiters = self._index_waiters or [], None

        def progress(p: Progress) -> None:
            # Only a rebuild reports a total; draining the queue just counts up.
            if p.total is not None and job.title != rebuilding:
                job.title = rebuilding

        def done(_r: object) -> None:
            if job.title == rebuilding:
                # A new case "rebuilds" an empty index: invite an import instead.
                ready = translate(
                    "CaseController", "The search index was rebuilt; search is ready."
                )
                empty = translate("CaseController", EMPTY_CASE)
                self.read(
                    services.count_documents,
                    on_done=lambda n: self.message.emit(ready if n else empty),
                )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                self.message.emit(
                    translate(
                        "CaseController",
                        "Rebuilding the search index was stopped; the next search finishes it.",
                    )
                )
            else:
                self._report(exc)

        job.progress.connect(progress)  # before the status bar's slot: it shows the title
        job.finished.connect(done)
        job.failed.connect(failed)
        for callback in waiters:
            self._when_ended(job, callback)
        self.jobStarted.emit(job)
        return job

    def ensure_index_soon(self) -> None:
        """Promise an `ensure_index` shortly (the window calls it once the first screen
        of documents is painted: checking a 100,000-document index against the database
        takes the interpreter for a while). Searches asked for meanwhile wait for it."""
        if self.index_job is None and self._index_waiters is None:
            self._index_waiters = []

    @staticmethod
    def _when_ended(job: Job, callback: Callable[[], None]) -> None:
        job.finished.connect(lambda _r: callback())
        job.failed.connect(lambda _e: callback())

    def after_index(self, callback: Callable[[], None]) -> bool:
        """Run `callback` now, or once the index job has ended (whether it succeeded or
        not: a search then says itself what is wrong). True if it had to wait."""
        if self._index_waiters is not None:  # ensure_index is promised, not yet started
            self._index_waiters.append(callback)
            return True
        job = self.index_job
        if job is None or not job.running:
            callback()
            return False
        self._when_ended(job, callback)
        return True

    # -- reads ---------------------------------------------------------------------
    @property
    def title(self) -> str:
        return self.case.title

    def read(
        self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None], **kwargs: Any
    ) -> None:
        self.runner.read(fn, self.case, *args, on_done=on_done, on_error=self._report, **kwargs)

    # -- edits (through the undo stack: see undo_commands) ----------------------------
    def edit_document(self, uid: str, field: str, old: Any, new: Any, label: str) -> None:
        from casefile.ui.undo_commands import EditFieldCommand

        if self.readonly or old == new:
            return
        self.undo_stack.push(EditFieldCommand(self, uid, field, old, new, label))

    def set_tags(self, uid: str, old: Sequence[str], new: Sequence[str]) -> None:
        from casefile.ui.undo_commands import SetTagsCommand

        if self.readonly or sorted(old) == sorted(new):
            return
        self.undo_stack.push(SetTagsCommand(self, uid, tuple(old), tuple(new)))

    def apply_update(self, uid: str, **fields: Any) -> None:
        """Called by undo commands: queue the write, announce the new state."""
        self.runner.edit(
            services.update_document,
            self.case,
            uid,
            **fields,
            on_done=lambda d: self.changed.emit(Changes.edit(d)),
            on_error=self._edit_failed(uid),
        )

    def apply_tags(self, uid: str, tags: Sequence[str]) -> None:
        self.runner.edit(
            services.set_tags,
            self.case,
            uid,
            list(tags),
            on_done=lambda d: self.changed.emit(Changes.edit(d, tags=True)),
            on_error=self._edit_failed(uid),
        )

    def _edit_failed(self, uid: str) -> Callable[[Any], None]:
        def handler(exc: Any) -> None:
            self._report(exc)

            # Show the stored truth again, whatever the widgets had typed; a document
            # that is gone is announced as removed (one message, not a second one).
            def gone(_exc: Any) -> None:
                self.changed.emit(Changes(removed=frozenset([uid])))

            self.runner.read(
                services.get_document,
                self.case,
                uid,
                on_done=lambda d: self.changed.emit(Changes.edit(d)),
                on_error=gone,
            )

        return handler

    # -- bulk work (not undoable, and the UI says so) ---------------------------------
    def import_paths(self, paths: Sequence[str], password: str | None = None) -> Job | None:
        if self.readonly:
            self.failed.emit(
                translate(
                    "CaseController",
                    "This case is open read-only; nothing can be imported into it.",
                )
            )
            return None
        job = self.runner.start_job(
            translate("CaseController", "Importing"),
            services.import_paths,
            self.case,
            list(paths),
            password=password,
        )
        job.finished.connect(lambda summary: self.changed.emit(summary.changes))
        job.failed.connect(self._report)
        shown = {"done": 0, "at": time.monotonic()}

        def progress(p: Progress) -> None:
            now = time.monotonic()
            if p.done > shown["done"] and now - shown["at"] >= LIVE_IMPORT_RELOAD_S:
                shown.update(done=p.done, at=now)
                self.changed.emit(Changes(more_documents=True))

        job.progress.connect(progress)
        self.jobStarted.emit(job)
        return job

    def verify(self) -> Job:
        title = translate("CaseController", "Verifying originals")
        job = self.runner.start_job(title, services.verify_case, self.case)
        job.failed.connect(self._report)
        self.jobStarted.emit(job)
        return job

    def reextract(
        self,
        uid: str,
        password: str | None,
        on_done: Callable[[DocumentDetail], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        def done(detail: DocumentDetail) -> None:
            if password and detail.status != "password_required":
                # Kept in memory for this session only (never in the case), so the
                # Original view can open the PDF too.
                self.pdf_passwords[uid] = password
            self.changed.emit(Changes.edit(detail))
            if on_done is not None:
                on_done(detail)

        self.runner.write(
            services.reextract_document,
            self.case,
            uid,
            password,
            on_done=done,
            on_error=on_error or self._report,
        )

    def delete_documents(self, uids: Sequence[str]) -> None:
        def delete_all() -> Changes:
            changes = Changes()
            for uid in uids:
                changes |= services.delete_document(self.case, uid)
            return changes

        def done(changes: Changes) -> None:
            n = len(changes.removed)
            self.message.emit(plural("Deleted %n document(s).", "", n))
            self.changed.emit(changes)

        self.runner.write(delete_all, on_done=done, on_error=self._report)

    # -- saved searches (undoable: see undo_commands) ---------------------------------
    def save_search(
        self,
        name: str,
        query: str,
        sort: str,
        on_saved: Callable[[], None] | None = None,
        translit: bool = False,
    ) -> None:
        def saved(_info: Any) -> None:
            if on_saved is not None:
                on_saved()
            self.changed.emit(Changes(saved_searches=True))

        self.runner.edit(
            services.save_search,
            self.case,
            name,
            query,
            sort=sort,
            translit=translit,
            on_done=saved,
            on_error=self._report,
        )

    def rename_saved_search(self, name: str, new_name: str) -> None:
        from casefile.ui.undo_commands import RenameSavedSearchCommand

        if self.readonly or not new_name.strip() or new_name.strip() == name:
            return
        self.undo_stack.push(RenameSavedSearchCommand(self, name, new_name.strip()))

    def delete_saved_search(self, saved: SavedSearchInfo) -> None:
        from casefile.ui.undo_commands import DeleteSavedSearchCommand

        if not self.readonly:
            self.undo_stack.push(DeleteSavedSearchCommand(self, saved))

    def apply_write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Called by undo commands: a write whose service returns its `Changes`."""
        self.runner.edit(
            fn, self.case, *args, on_done=self.changed.emit, on_error=self._report, **kwargs
        )

    def _report(self, exc: Any) -> None:
        self.failed.emit(user_message(exc))


__all__ = [
    "CaseController",  # i18n: not shown
    "Changes",  # i18n: not shown
    "ImportSummary",  # i18n: not shown
    "VerifyReport",  # i18n: not shown
    "user_message",
]
