"""Import and document actions of the main window, split out to keep each module short.
A mixin over MainWindow: it uses the window's controller, case view and dialogs list.
`document_actions` needs the core services, so it is imported when an action runs (the
window must paint before the services are loaded: see main_window)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from casefile.ui.dialogs import folders
from casefile.ui.dialogs.reports import ImportSummaryDialog, VerifyReportDialog
from casefile.ui.runner import Job

if TYPE_CHECKING:
    from casefile.ui.case_view import CaseView
    from casefile.ui.controller import CaseController
    from casefile.ui.dialogs.start_page import StartPage
    from casefile.ui.settings import Settings

CASE_SUFFIX = ".casefile"
REPORT_DELAY_MS = 150


class WindowActions:
    controller: CaseController | None
    case_view: CaseView | None
    dialogs: list[QWidget]
    start_page: StartPage
    settings: Settings

    def open_case(self, path: str, readonly: bool = False) -> None:
        raise NotImplementedError

    # -- import -----------------------------------------------------------------------------
    def choose_import_files(self) -> None:
        paths = folders.choose_files(self, self.settings)  # type: ignore[arg-type]
        if paths:
            self.import_paths(paths)

    def choose_import_folder(self) -> None:
        paths = folders.choose_folders(self, self.settings)  # type: ignore[arg-type]
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
        self._replace_report(getattr(self, "last_import_summary", None))
        dialog = ImportSummaryDialog(summary, self)
        dialog.unlockRequested.connect(lambda uid, password: self._unlock(dialog, uid, password))
        self.dialogs.append(dialog)
        self.last_import_summary = dialog
        dialog.show()

    def _unlock(self, dialog: ImportSummaryDialog, uid: str, password: str) -> None:
        """Read one locked PDF again with its password; its row in the report says how."""
        if self.controller is None:
            dialog.show_unlock_result(uid, None, "The case was closed; open it and try again.")
            return
        from casefile.ui.messages import user_message

        self.controller.reextract(
            uid,
            password,
            on_done=lambda detail: dialog.show_unlock_result(uid, detail.status),
            on_error=lambda exc: dialog.show_unlock_result(uid, None, user_message(exc)),
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        if len(paths) == 1 and paths[0].rstrip("/").endswith(CASE_SUFFIX):
            self.open_case(paths[0])  # a dropped case folder is opened, not imported
        elif self.controller is None:
            self.start_page.show_message(
                "Open or create a case first, then drop files on it.", "import"
            )
        else:
            self.import_paths(paths)

    # -- document actions -------------------------------------------------------------------
    def _selected(self) -> list[str]:
        return self.case_view.selected_uids() if self.case_view else []

    def open_original(self) -> None:
        uids = self._selected()
        if uids and self.controller:
            from casefile.ui import document_actions

            document_actions.open_original(self.controller, uids[0], self)

    def reveal_original(self) -> None:
        uids = self._selected()
        if uids and self.controller:
            from casefile.ui import document_actions

            document_actions.reveal_original(self.controller, uids[0])

    def delete_selected(self) -> None:
        uids = self._selected()
        if uids and self.controller and not self.controller.readonly:
            from casefile.ui import document_actions

            self.dialogs.append(document_actions.confirm_delete(self.controller, uids, self))

    def verify_case(self) -> None:
        if self.controller is None:
            return
        job = self.controller.verify()

        def done(report: Any) -> None:
            self._replace_report(getattr(self, "last_verify_report", None))
            dialog = VerifyReportDialog(report, self)
            self.dialogs.append(dialog)
            self.last_verify_report = dialog
            dialog.show()

        job.finished.connect(done)

    def _replace_report(self, previous: QWidget | None) -> None:
        """Close the report a new one replaces, and forget the reports already closed."""
        if previous is not None:
            previous.close()
        self.dialogs = [d for d in self.dialogs if d.isVisible()]
