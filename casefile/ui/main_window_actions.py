"""Import and document commands of the main window: an object the window is composed
of, bound to the open case and its view (`bind`). `document_actions` needs the core
services, so it is imported when an action runs (the window must paint before the
services are loaded: see main_window)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from casefile.ui.dialogs import folders
from casefile.ui.dialogs.reports import ImportSummaryDialog, VerifyReportDialog
from casefile.ui.i18n import translate
from casefile.ui.runner import Job
from casefile.ui.settings import Settings

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
        self.last_import_summary: QWidget | None = None
        self.last_verify_report: QWidget | None = None
        self.last_export: QWidget | None = None

    @property
    def settings(self) -> Settings:
        """The window's settings (where the last import came from)."""
        settings = getattr(self.dialog_parent, "settings", None)
        return settings if isinstance(settings, Settings) else Settings()

    def bind(self, controller: CaseController | None, view: CaseView | None) -> None:
        from casefile.ui.ocr_jobs import jobs_for, stop_ocr

        if self.controller is not None and self.controller is not controller:
            stop_ocr(self.controller)  # the case is closing: start nothing more on it
        self.controller, self.view = controller, view
        if controller is not None and not controller.readonly:
            jobs_for(controller).resume_soon()  # scans left waiting by a quit or a crash

    # -- OCR (issue 16; ui/ocr_jobs.py) -----------------------------------------------------
    def recognise_selected(self) -> None:
        uids = self.view.target_uids() if self.view else []
        if uids and self.controller is not None:
            from casefile.ui.ocr_jobs import jobs_for

            jobs_for(self.controller).recognise(uids)

    def recognise_all(self) -> None:
        if self.controller is not None:
            from casefile.ui.ocr_jobs import jobs_for

            jobs_for(self.controller).recognise(None)

    # -- import -----------------------------------------------------------------------------
    def choose_import_files(self) -> None:
        paths = folders.choose_files(self.dialog_parent, self.settings)
        if paths:
            self.import_paths(paths)

    def choose_import_folder(self) -> None:
        paths = folders.choose_folders(self.dialog_parent, self.settings)
        if paths:
            self.import_paths(paths)

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
        # One report at a time: the previous import's report gives way to this one
        # (a locked PDF it listed still offers its password in the viewer).
        self._replace_report(self.last_import_summary)
        dialog = ImportSummaryDialog(summary, self.dialog_parent)
        dialog.unlockRequested.connect(lambda uid, password: self._unlock(dialog, uid, password))
        self.last_import_summary = dialog
        self.dialogOpened.emit(dialog)
        self.importReported.emit(dialog)
        dialog.show()

    def _unlock(self, dialog: ImportSummaryDialog, uid: str, password: str) -> None:
        """Read one locked PDF again with its password; its row in the report says how."""
        if self.controller is None:
            closed = translate("CaseCommands", "The case was closed; open it and try again.")
            dialog.show_unlock_result(uid, None, closed)
            return
        from casefile.ui.messages import user_message

        self.controller.reextract(
            uid,
            password,
            on_done=lambda detail: dialog.show_unlock_result(uid, detail.status),
            on_error=lambda exc: dialog.show_unlock_result(uid, None, user_message(exc)),
        )

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
            self._replace_report(self.last_verify_report)
            dialog = VerifyReportDialog(report, self.dialog_parent)
            self.last_verify_report = dialog
            self.dialogOpened.emit(dialog)
            dialog.show()

        job.finished.connect(done)

    # -- export -----------------------------------------------------------------------------
    def export(self, kind: str | None = None) -> QWidget | None:
        """File → Export ▸ (one entry per kind) or the toolbar's Export: the export
        dialog for the open case, at `kind` or the kind used last (modeless: the user
        can keep working while it runs)."""
        if self.controller is None:
            return None
        from casefile.ui.dialogs.export import ExportDialog

        previous = self.last_export
        if previous is not None and shiboken6.isValid(previous) and not previous.busy:  # type: ignore[attr-defined]
            previous.close()  # one idle export dialog at a time; a running one stays
        dialog = ExportDialog(self.controller, self.settings, self.dialog_parent, kind=kind)
        self.last_export = dialog
        self.dialogOpened.emit(dialog)
        dialog.show()
        return dialog

    def _replace_report(self, previous: QWidget | None) -> None:
        """Close the report a new one replaces: reports do not pile up on screen."""
        if previous is not None and shiboken6.isValid(previous):
            previous.close()
