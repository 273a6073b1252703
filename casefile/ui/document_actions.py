"""Document actions that leave Casefile's own window: open the original in the system
viewer (from a read-only temporary copy, so no program can alter the evidence), show it
in the file manager, delete with confirmation (the service records it in the audit log)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from casefile.core import services
from casefile.core.errors import CasefileError
from casefile.ui.controller import CaseController


def open_original(controller: CaseController, uid: str, parent: QWidget) -> Path | None:
    try:
        detail = services.get_document(controller.case, uid)
        copy = services.original_copy(controller.case, detail.uid)
    except CasefileError as exc:
        QMessageBox.warning(parent, "Cannot open the original", str(exc))
        return None
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
        controller.message.emit(
            f"No program is set to open {copy.suffix or 'this'} files; the copy is at {copy}."
        )
    else:
        controller.message.emit(f"Opened a read-only copy of “{detail.title}”.")
    return copy


def reveal_original(controller: CaseController, uid: str) -> None:
    """Show the stored original selected in the file manager (its folder, at least)."""
    detail = services.get_document(controller.case, uid)
    path = services.original_path(controller.case, detail.uid)
    if sys.platform == "darwin":
        subprocess.Popen(["open", "-R", str(path)])
    elif sys.platform == "win32":
        subprocess.Popen(["explorer", "/select,", str(path)])
    else:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
    controller.message.emit(
        f"The original is stored as {path.name} (named by its SHA-256); do not edit it."
    )


def confirm_delete(controller: CaseController, uids: list[str], parent: QWidget) -> QMessageBox:
    """Ask first (modeless, Delete is not the default); delete on Yes."""
    if len(uids) == 1:
        title = services.get_document(controller.case, uids[0]).title
        what = f"“{title}”"
    else:
        what = f"these {len(uids)} documents"
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Delete documents",
        f"Delete {what} from the case?",
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setInformativeText(
        "Their text, tags and notes are removed and cannot be restored with Undo. "
        "The deletion is recorded in the case's audit log, and the original files stay in "
        "the case folder's store."
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the title is document data
    delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def answered(button: object) -> None:
        if button is delete:
            controller.delete_documents(uids)

    box.buttonClicked.connect(answered)
    box.open()
    return box
