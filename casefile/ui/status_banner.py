"""The strip above the viewer that says plainly why a document has no (or partial) text,
with the one action that helps: a password field, "Try again", or "Show original"."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.core.services import DocumentDetail
from casefile.core.vocabulary import DocumentStatus as S
from casefile.ui.icons import pixmap


class StatusBanner(QFrame):
    unlockRequested = Signal(str)  # the password typed
    retryRequested = Signal()
    showOriginalRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("Password")
        self.password.setAccessibleName("Password of the PDF")
        self.unlock = QPushButton("Read with password")
        self.retry = QPushButton("Try again")
        self.original = QPushButton("Show original")
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.text, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for w in (self.password, self.unlock, self.retry, self.original):
            actions.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addLayout(actions)
        self.unlock.clicked.connect(self._unlock)
        self.password.returnPressed.connect(self._unlock)
        self.retry.clicked.connect(self.retryRequested)
        self.original.clicked.connect(self.showOriginalRequested)
        self.hide()

    def _unlock(self) -> None:
        if self.password.text():
            self.unlockRequested.emit(self.password.text())

    def show_for(self, doc: DocumentDetail | None, *, has_original_view: bool) -> None:
        """Explain the document's status; hidden when its text was read fine."""
        self.password.clear()
        if doc is None or (doc.status == S.OK and not doc.pages_needing_ocr):
            self.hide()
            return
        reason = html.escape(doc.status_reason or "")
        show = {"password": False, "retry": False, "original": has_original_view}
        if doc.status == S.PASSWORD_REQUIRED:
            icon = "lock"
            message = (
                "<b>This PDF is protected by a password</b>, so its text could not be "
                "read. Enter the password to read it again; the original is not changed."
            )
            show["password"] = True
        elif doc.status in (S.NEEDS_OCR, S.OK):
            icon = "needs-ocr"
            pages = ", ".join(str(p) for p in doc.pages_needing_ocr[:12])
            more = "…" if len(doc.pages_needing_ocr) > 12 else ""
            which = f"Page(s) {pages}{more} are" if pages else "This document is"
            message = (
                f"<b>Needs OCR.</b> {which} pictures of text without a text layer, so "
                "they cannot be searched yet. Use <i>Original</i> to read them."
            )
        elif doc.status == S.EMPTY:
            icon = "needs-ocr"
            message = "<b>No text.</b> The file opened fine but contains no text."
        else:
            icon = "failed" if doc.status == S.FAILED else "warning"
            label = "could not be read" if doc.status == S.FAILED else "is in a format "
            label += "" if doc.status == S.FAILED else "Casefile does not read"
            message = f"<b>This file {label}.</b> {reason}"
            show["retry"] = doc.status == S.FAILED
        if reason and doc.status in (S.PASSWORD_REQUIRED, S.NEEDS_OCR, S.EMPTY):
            message += f"<br><small>{reason}</small>"
        self.icon.setPixmap(pixmap(icon, 24, self.devicePixelRatioF()))
        self.text.setText(message)
        self.password.setVisible(show["password"])
        self.unlock.setVisible(show["password"])
        self.retry.setVisible(show["retry"])
        self.original.setVisible(show["original"])
        self.show()
