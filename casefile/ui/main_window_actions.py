"""Import and document commands of the main window: an object the window is composed
of, bound to the open case and its view (`bind`). `document_actions` needs the core
services, so it is imported when an action runs (the window must paint before the
services are loaded: see main_window)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from casefile.ui.dialogs.reports import ImportSummaryDialog, VerifyReportDialog
from casefile.ui.runner import Job

if TYPE_CHECKING:
    from casefile.ui.case_view import CaseView
    from casefile.ui.controller import CaseController

REPORT_DELAY_MS = 150


class CaseCommands(QObject):
    """Import, verify, and the document actions. Each document action acts on what the
    user is looking at (CaseView.target_uids): the current search result while results
    are shown, the table's selection otherwise."""

    dialogOpened = Signal(object)  # a modeless report or question the window keeps alive
    importReported = Signal(object)  # the ImportSummaryDialog of the import just ended

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.dialog_parent = parent
        self.controller: CaseController | None = None
        self.view: CaseView | None = None

    def bind(self, controller: CaseController | None, view: CaseView | None) -> None:
        self.controller, self.view = controller, view

    # -- import -----------------------------------------------------------------------------
    def choose_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.dialog_parent, "Import files", str(Path.home())
        )
        if paths:
            self.import_paths(paths)

    def choose_import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self.dialog_parent, "Import folder", str(Path.home())
        )
        if path:
            self.import_paths([path])

    def import_paths(self, paths: list[str]) -> Job | None:
        if self.controller is None:
            return None
        job = self.controller.import_paths(paths)
        if job is not None:
            job.finished.connect(self._import_finished)
        return job

    def _import_finished(self, summary: Any) -> None:
        # A moment later: the table, navigator and counts reload right now, and building
        # the report in the same breath would freeze the window for both at once.
        QTimer.singleShot(REPORT_DELAY_MS, self, lambda: self._show_import_summary(summary))

    def _show_import_summary(self, summary: Any) -> None:
        dialog = ImportSummaryDialog(summary, self.dialog_parent)
        dialog.unlockRequested.connect(self._unlock)
        self.dialogOpened.emit(dialog)
        self.importReported.emit(dialog)
        dialog.show()

    def _unlock(self, uids: list[str], password: str) -> None:
        if self.controller is not None:
            for uid in uids:
                self.controller.reextract(uid, password)

    # -- document actions -------------------------------------------------------------------
    def open_original(self) -> None:
        uid = self.view.viewed_uid() if self.view else None
        if uid and self.controller:
            from casefile.ui import document_actions

            document_actions.open_original(self.controller, uid, self.dialog_parent)

    def reveal_original(self) -> None:
        uid = self.view.viewed_uid() if self.view else None
        if uid and self.controller:
            from casefile.ui import document_actions

            document_actions.reveal_original(self.controller, uid)

    def delete_selected(self) -> None:
        view, controller = self.view, self.controller
        uids = view.target_uids() if view else []
        if view and uids and controller and not controller.readonly:
            from casefile.ui import document_actions

            document_actions.confirm_delete(
                controller, uids, view.title_of, self.dialog_parent, self.dialogOpened.emit
            )

    def verify_case(self) -> None:
        if self.controller is None:
            return
        job = self.controller.verify()

        def done(report: Any) -> None:
            dialog = VerifyReportDialog(report, self.dialog_parent)
            self.dialogOpened.emit(dialog)
            dialog.show()

        job.finished.connect(done)
