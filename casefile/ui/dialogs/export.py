"""File → Export…: one dialog for every kind of export.

The kinds are listed at the top; each has its own options page (an `OptionsPage`,
listed in `PAGES`: the report and CSV pages live in `export_options.py`, the bundle's in
`export_bundle_options.py`). The export runs as a job on the writer thread (progress
here and in the status bar, Cancel), and ends with Open / Show in Folder. What the
pages offer (tags, entities, saved searches) is read on a reader thread when the dialog
opens, never on the UI thread (docs/architecture.md, "How a change reaches the views").
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.core.jobs import Cancelled, Progress
from casefile.ui.dialogs.export_bundle_options import ArchivePage, BundlePage
from casefile.ui.dialogs.export_options import CsvPage, OptionsPage, ReportPage
from casefile.ui.i18n import translate
from casefile.ui.messages import user_message
from casefile.ui.settings import Settings

if TYPE_CHECKING:
    from casefile.ui.controller import CaseController
    from casefile.ui.runner import Job

# The kinds the dialog offers, in order; the first is chosen when it opens.
PAGES: list[type[OptionsPage]] = [ReportPage, CsvPage, BundlePage, ArchivePage]

FOLDER_KEY = "export/folder"
KIND_KEY = "export/kind"  # the kind exported last: the toolbar's Export opens at it


def _safe_name(text: str) -> str:
    """A file name from a case title: no path separators or characters file systems
    refuse, no leading dot, at most 80 characters."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text).strip(" .")
    return re.sub(r"\s+", " ", name)[:80] or translate("ExportDialog", "Casefile export")


def _free(path: Path) -> Path:
    """`path`, or "name (2).ext", "name (3).ext"… if it exists: never overwrite an
    earlier export without being told to."""
    if not path.exists():
        return path
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
    return path


class ExportDialog(QDialog):
    def __init__(
        self,
        controller: CaseController,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        kind: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings or Settings()
        self.job: Job | None = None
        self.result: Any = None  # the ExportResult of the last export
        self.setWindowTitle(translate("ExportDialog", "Export"))
        self.resize(620, 560)

        self.kind = QComboBox()
        self.pages = QStackedWidget()
        self.page_list: list[OptionsPage] = []
        for make in PAGES:
            page = make()
            self.page_list.append(page)
            self.kind.addItem(page.label, page.kind)
            self.pages.addWidget(page)
            page.nameChanged.connect(self._suggest_path)
        self.kind.currentIndexChanged.connect(self._kind_changed)

        self.path = QLineEdit()
        self.path.setAccessibleName(translate("ExportDialog", "Save to"))
        self.browse = QPushButton(translate("ExportDialog", "Choose…"))
        self.browse.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)

        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_button = QPushButton(translate("ExportDialog", "Export", "button"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(translate("ExportDialog", "Cancel Export"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.open_button = QPushButton(translate("ExportDialog", "Open"))
        self.open_button.clicked.connect(self.open_result)
        self.folder_button = QPushButton(translate("ExportDialog", "Show in Folder"))
        self.folder_button.clicked.connect(self.show_in_folder)
        self.view_button = QPushButton(translate("ExportDialog", "View in Casefile"))  # a PDF
        self.view_button.clicked.connect(self.view_result)
        self.pdf_window: QWidget | None = None
        self.close_button = QPushButton(translate("ExportDialog", "Close"))
        self.close_button.clicked.connect(self.reject)
        for b in (self.open_button, self.folder_button, self.view_button):
            b.hide()
        buttons = QHBoxLayout()
        for b in (self.open_button, self.folder_button, self.view_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.cancel_button, self.export_button, self.close_button):
            buttons.addWidget(b)

        form = QFormLayout()
        form.addRow(translate("ExportDialog", "&Export:"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pages, 1)
        save_form = QFormLayout()
        # A layout has no buddy of its own: the label's Alt+S goes to the path field.
        save_label = QLabel(translate("ExportDialog", "&Save to:"))
        save_label.setBuddy(self.path)
        save_form.addRow(save_label, where)
        layout.addLayout(save_form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        wanted = kind or self.settings.get(KIND_KEY) or ""
        first = max(self.kind.findData(wanted), 0)
        self.kind.setCurrentIndex(first)
        self._kind_changed(first)
        from casefile.core.services import exports

        controller.read(exports.export_choices, on_done=self._choices)

    @property
    def busy(self) -> bool:
        """An export is running (closing the dialog would cancel it)."""
        return self.job is not None and self.job.running

    # -- choosing ---------------------------------------------------------------------
    @property
    def page(self) -> OptionsPage:
        return self.page_list[self.kind.currentIndex()]

    def _choices(self, choices: Any) -> None:
        for page in self.page_list:
            page.set_choices(choices)
        self._suggest_path()

    def _folder(self) -> Path:
        stored = self.settings.get(FOLDER_KEY)
        if isinstance(stored, str) and stored and Path(stored).is_dir():
            return Path(stored)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    def _suggest_path(self) -> None:
        page = self.page
        current = self.path.text().strip()
        folder = Path(current).parent if current else self._folder()
        name = _safe_name(page.default_name(self.controller.title))
        self.path.setText(str(_free(folder / f"{name}{page.suffix}")))

    def _kind_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self._suggest_path()

    def _choose(self) -> None:
        page, current = self.page, self.path.text()
        if page.folder:
            chosen = QFileDialog.getExistingDirectory(
                self, translate("ExportDialog", "Export to folder"), current
            )
        else:
            chosen, _f = QFileDialog.getSaveFileName(
                self,
                translate("ExportDialog", "Export to"),
                current,
                f"{page.label} (*{page.suffix})",
            )
        if chosen:
            self.path.setText(chosen)

    # -- running ----------------------------------------------------------------------
    def start(self) -> Job | None:
        """Export with the chosen options; returns the job (None: nothing to do)."""
        text = self.path.text().strip()
        if not text:
            self.status.setText(translate("ExportDialog", "Choose where to save the export."))
            return None
        out = Path(text)
        if self.page.suffix and out.suffix.lower() != self.page.suffix:
            out = out.with_name(out.name + self.page.suffix)
        try:
            options = self.page.options()
        except ValueError as exc:
            self.status.setText(str(exc))
            return None
        self.settings.set(FOLDER_KEY, str(out.parent))
        self.settings.set(KIND_KEY, self.page.kind)
        from casefile.core.services import exports

        job = self.controller.runner.start_job(
            translate("ExportDialog", "Exporting: {kind}").format(kind=self.page.label),
            exports.run_export,
            self.controller.case,
            self.page.kind,
            options,
            out,
        )
        self.job = job
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        self.controller.jobStarted.emit(job)
        self._running(True)
        self.status.setText(translate("ExportDialog", "Exporting to {path}…").format(path=out))
        return job

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(translate("ExportDialog", "Stopping…"))

    def _running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.export_button.setEnabled(not running)
        self.kind.setEnabled(not running)
        self.pages.setEnabled(not running)
        self.path.setEnabled(not running)
        self.browse.setEnabled(not running)

    def _progress(self, p: Progress) -> None:
        if p.total:
            self.progress.setRange(0, p.total)
            self.progress.setValue(min(p.done, p.total))
        else:
            self.progress.setRange(0, 0)
        if p.label and self.job is not None and not self.job.cancelled:
            self.status.setText(p.label)

    def _finished(self, result: Any) -> None:
        self._running(False)
        self.result = result
        self.status.setText(result.summary)
        self.open_button.show()
        self.folder_button.show()
        self.view_button.setVisible(Path(result.path).suffix.lower() == ".pdf")
        self.open_button.setFocus()
        self.export_button.setText(translate("ExportDialog", "Export Again"))
        self._suggest_path()  # the next export does not overwrite this one

    def _failed(self, exc: BaseException) -> None:
        self._running(False)
        if isinstance(exc, Cancelled):
            self.status.setText(
                translate("ExportDialog", "The export was cancelled; nothing was written.")
            )
        else:
            self.status.setText(user_message(exc))

    # -- after ------------------------------------------------------------------------
    def open_result(self) -> bool:
        if self.result is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path)))

    def show_in_folder(self) -> bool:
        if self.result is None:
            return False
        path = Path(self.result.path)
        folder = path if path.is_dir() else path.parent
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def view_result(self) -> QWidget | None:
        """A PDF export (a bundle) in the app's own PDF view."""
        if self.result is None or Path(self.result.path).suffix.lower() != ".pdf":
            return None
        from casefile.ui.dialogs.pdf_window import PdfWindow

        self.pdf_window = PdfWindow(self.result.path, self)
        self.pdf_window.show()
        return self.pdf_window

    def reject(self) -> None:
        """Closing while an export runs cancels it (nothing is left half-written)."""
        self.cancel()
        super().reject()
