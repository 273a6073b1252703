"""The strip above the viewer that says plainly why a document has no (or partial) text,
with the one action that helps: a password field, "Try again", or "Show original"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from casefile.core.i18n import translate_recorded
from casefile.core.services import DocumentDetail
from casefile.ui.i18n import translate
from casefile.ui.icons import pixmap
from casefile.ui.plain import plain_label


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
        self.heading = plain_label(bold=True, wrap=True, selectable=True)
        self.text = plain_label(wrap=True, selectable=True)
        # Long reasons and file names wrap inside the pane instead of widening it.
        for label in (self.heading, self.text):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(translate("StatusBanner", "Password"))
        self.password.setAccessibleName(translate("StatusBanner", "Password of the PDF"))
        self.unlock = QPushButton(translate("StatusBanner", "Read with password"))
        self.retry = QPushButton(translate("StatusBanner", "Try again"))
        self.original = QPushButton(translate("StatusBanner", "Show original"))
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.heading)
        words.addWidget(self.text)
        top.addLayout(words, 1)
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
        """Explain the document's status; hidden when its text was read fine. The
        headline is ours; the reason comes from the file (an extractor's message may
        quote its content), so both are plain text, never markup."""
        self.password.clear()
        if doc is None or (doc.status == "ok" and not doc.pages_needing_ocr):
            self.hide()
            return
        # Recorded in English in the case; shown in the interface language.
        reason = translate_recorded(doc.status_reason)
        show = {"password": False, "retry": False, "original": has_original_view}
        if doc.status == "password_required":
            icon = "lock"
            head = translate("StatusBanner", "This PDF is protected by a password")
            message = translate(
                "StatusBanner",
                "Its text could not be read. Enter the password to read it again; "
                "the original is not changed.",
            )
            show["password"] = True
        elif doc.status in ("needs_ocr", "ok"):
            icon = "needs-ocr"
            pages = ", ".join(str(p) for p in doc.pages_needing_ocr[:12])
            more = "…" if len(doc.pages_needing_ocr) > 12 else ""
            head = translate("StatusBanner", "Needs OCR.")
            if len(doc.pages_needing_ocr) == 1:
                message = translate(
                    "StatusBanner",
                    "Page {page} is a picture of text without a text layer, so it cannot be "
                    "searched yet. Use Original to read it.",
                ).format(page=pages)
            elif pages:
                message = translate(
                    "StatusBanner",
                    "Pages {pages} are pictures of text without a text layer, so they cannot "
                    "be searched yet. Use Original to read them.",
                ).format(pages=f"{pages}{more}")
            else:
                message = translate(
                    "StatusBanner",
                    "This document is pictures of text without a text layer, so it cannot be "
                    "searched yet. Use Original to read it.",
                )
        elif doc.status == "empty":
            icon = "needs-ocr"
            head = translate("StatusBanner", "No text.")
            message = translate("StatusBanner", "The file opened fine but contains no text.")
        else:
            icon = "failed" if doc.status == "failed" else "warning"
            head = (
                translate("StatusBanner", "This file could not be read.")
                if doc.status == "failed"
                else translate("StatusBanner", "This file is in a format Casefile does not read.")
            )
            message = reason
            show["retry"] = doc.status == "failed"
        # (A password reason repeats the headline; the other reasons add to it.)
        if reason and doc.status in ("needs_ocr", "empty"):
            message += f"\n{reason}"
        self.icon.setPixmap(pixmap(icon, 24, self.devicePixelRatioF()))
        self.heading.setText(head)
        self.text.setText(message)
        self.text.setVisible(bool(message))
        self.password.setVisible(show["password"])
        self.unlock.setVisible(show["password"])
        self.retry.setVisible(show["retry"])
        self.original.setVisible(show["original"])
        self.show()
