"""Document actions that leave Casefile's own window: open the original in the system
viewer (from a read-only temporary copy, so no program can alter the evidence), show it
in the file manager, delete with confirmation (the service records it in the audit log).

Each reads (and copies) on the reader pool, never on the UI thread: copying a 100 MB
original would otherwise freeze the window for as long as the disk takes.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from casefile.core import services
from casefile.core.services import DocumentDetail
from casefile.ui.controller import CaseController
from casefile.ui.i18n import plural, translate
from casefile.ui.messages import user_message


def _copy_of(case: Any, uid: str) -> tuple[DocumentDetail, Path]:
    return services.get_document(case, uid), services.original_copy(case, uid)


def open_original(controller: CaseController, uid: str, parent: QWidget) -> None:
    """Copy the original off the UI thread, then hand the copy to the system viewer."""

    def opened(result: tuple[DocumentDetail, Path]) -> None:
        detail, copy = result
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            if copy.suffix:
                text = translate(
                    "DocumentActions",
                    "No program is set to open {type} files; the copy is at {path}.",
                ).format(type=copy.suffix, path=copy)
            else:
                text = translate(
                    "DocumentActions", "No program is set to open this file; the copy is at {path}."
                ).format(path=copy)
            controller.message.emit(text)
        else:
            controller.message.emit(
                translate("DocumentActions", "Opened a read-only copy of “{title}”.").format(
                    title=detail.title
                )
            )

    def failed(exc: BaseException) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("DocumentActions", "Cannot open the original"),
            user_message(exc),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.open()

    controller.message.emit(
        translate("DocumentActions", "Opening a read-only copy of the original…")
    )
    controller.runner.read(_copy_of, controller.case, uid, on_done=opened, on_error=failed)


def reveal_original(controller: CaseController, uid: str) -> None:
    """Show the stored original selected in the file manager (its folder, at least)."""

    def reveal(path: Path) -> None:
        if sys.platform == "darwin":
            subprocess.Popen(["open", "-R", str(path)])
        elif sys.platform == "win32":
            subprocess.Popen(["explorer", "/select,", str(path)])
        else:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        controller.message.emit(
            translate(
                "DocumentActions",
                "The original is stored as {name} (named by its SHA-256); do not edit it.",
            ).format(name=path.name)
        )

    controller.read(services.original_path, uid, on_done=reveal)


def _titles(case: Any, uids: Sequence[str]) -> dict[str, str]:
    return {u: s.title for u, s in services.summaries_for(case, list(uids)).items()}


def confirm_delete(
    controller: CaseController,
    uids: Sequence[str],
    title_of: Callable[[str], str | None],
    parent: QWidget,
    on_open: Callable[[QMessageBox], object] | None = None,
) -> None:
    """Ask first, naming the documents (modeless, Delete is not the default); delete
    exactly those on Yes. Titles not on screen are read on the reader pool first."""
    uids = list(uids)
    known = {u: t for u in uids if (t := title_of(u)) is not None}
    if len(known) == len(uids):
        _ask(controller, uids, known, parent, on_open)
    else:
        controller.read(
            _titles,
            uids,
            on_done=lambda titles: _ask(controller, uids, {**titles, **known}, parent, on_open),
        )


def delete_question(uids: Sequence[str], titles: dict[str, str]) -> str:
    if len(uids) == 1:
        return translate("DocumentActions", "Delete “{title}” from the case?").format(
            title=titles.get(uids[0], uids[0])
        )
    named = ", ".join(f"“{titles.get(u, u)}”" for u in uids[:3])
    more = len(uids) - 3
    listed = plural("{titles} and %n more", "", more).format(titles=named) if more > 0 else named
    return plural("Delete these %n documents from the case? ({titles})", "", len(uids)).format(
        titles=listed
    )


def _ask(
    controller: CaseController,
    uids: list[str],
    titles: dict[str, str],
    parent: QWidget,
    on_open: Callable[[QMessageBox], object] | None,
) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("DocumentActions", "Delete documents")
        if len(uids) > 1
        else translate("DocumentActions", "Delete document"),
        delete_question(uids, titles),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setInformativeText(
        translate(
            "DocumentActions",
            "Text, tags and notes are removed and cannot be restored with Undo. "
            "The deletion is recorded in the case's audit log, and the original files stay "
            "in the case folder's store.",
        )
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the title is document data
    delete = box.addButton(
        plural("Delete %n Documents", "", len(uids))
        if len(uids) > 1
        else translate("DocumentActions", "Delete"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def answered(button: object) -> None:
        if button is delete:
            controller.delete_documents(uids)

    box.buttonClicked.connect(answered)
    box.open()
    if on_open is not None:
        on_open(box)
