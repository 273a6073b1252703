"""End-of-job reports: what an import did (imported, duplicates, failures with reasons,
PDFs that need a password, with a field to give it), and what verification found.
They are modeless so the user can keep working while reading them."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.ui import labels
from casefile.ui.icons import icon

if TYPE_CHECKING:
    from casefile.core.services import ImportSummary, VerifyReport


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class ImportSummaryDialog(QDialog):
    unlockRequested = Signal(list, str)  # document uids, password

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle("Import finished" if not summary.cancelled else "Import cancelled")
        self.resize(720, 420)
        head = (
            f"<b>{_plural(summary.imported, 'document')} imported</b>, "
            f"{_plural(summary.duplicates, 'duplicate')} skipped, "
            f"{_plural(summary.failed, 'file')} failed."
        )
        unread = sum(1 for o in summary.problems if o.result != "failed")
        if unread:
            head += f" {_plural(unread, 'document')} kept without readable text (see below)."
        if summary.cancelled:
            head += (
                " <br>The import was cancelled: the files above were kept; the rest "
                "were not imported. Import them again to finish."
            )
        self.heading = QLabel(head)
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["File", "Result", "Details"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)  # thousands of rows after a big import
        items = []
        for o in sorted(summary.outcomes, key=lambda o: (o.result == "imported", o.path)):
            result = {
                "imported": "Imported",
                "duplicate": "Duplicate",
                "failed": "Failed",
                "reextracted": "Read again",
                "restored": "Original restored",
            }.get(o.result, o.result)
            details = o.reason or ""
            if o.result == "duplicate" and o.duplicate_of:
                details = f"Already in the case as “{o.duplicate_of}”"
            elif o.result in ("imported", "reextracted") and o.status and o.status != "ok":
                # The original is kept as evidence even when its text cannot be read.
                result = (
                    "Kept, text not read"
                    if o.status == "failed"
                    else f"{result} · {labels.status_label(o.status)}"
                )
            item = QTreeWidgetItem([Path(o.path).name, result, details])
            item.setToolTip(0, o.path)
            item.setToolTip(2, details)
            if o.result == "failed":
                item.setIcon(1, icon("failed"))
            elif o.status in labels.STATUS_ICONS:
                item.setIcon(1, icon(labels.STATUS_ICONS[o.status]))
            items.append(item)
        self.tree.addTopLevelItems(items)  # one insertion, not one per file
        for col, width in ((0, 240), (1, 170)):
            self.tree.setColumnWidth(col, width)

        self.locked = [
            o.document_uid
            for o in summary.outcomes
            if o.status == "password_required" and o.document_uid
        ]
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self.password = QLineEdit()
        self.unlock = QPushButton(icon("lock"), "Read with password")
        if self.locked:
            row = QHBoxLayout()
            row.addWidget(QLabel(f"{_plural(len(self.locked), 'PDF')} need a password to be read:"))
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.password.setPlaceholderText("Password")
            row.addWidget(self.password, 1)
            row.addWidget(self.unlock)
            self.unlock.clicked.connect(self._unlock)
            self.password.returnPressed.connect(self._unlock)
            layout.addLayout(row)
        note = QLabel("An import cannot be undone; delete documents you did not want.")
        note.setEnabled(False)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def _unlock(self) -> None:
        if self.password.text():
            self.unlockRequested.emit(list(self.locked), self.password.text())
            self.unlock.setEnabled(False)
            self.unlock.setText("Reading…")


class VerifyReportDialog(QDialog):
    def __init__(self, report: VerifyReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Verification report")
        self.resize(640, 360)
        if report.cancelled:
            text = (
                f"Verification was stopped after {_plural(report.checked, 'original')}; "
                "run it again to check them all."
            )
        elif report.ok:
            text = (
                f"<b>All {_plural(report.checked, 'original')} are intact.</b> Each file "
                "still has the SHA-256 it had when it was imported."
            )
        else:
            text = (
                f"<b>{_plural(len(report.problems), 'problem')}</b> among "
                f"{_plural(report.checked, 'original')} checked:"
            )
        self.heading = QLabel(text)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        if report.problems:
            body = QLabel("<br><br>".join(html.escape(p.message) for p in report.problems))
            body.setWordWrap(True)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(body, 1)
        else:
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
