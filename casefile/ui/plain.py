"""Text from a document shown as text, never as markup.

A QLabel, a QMessageBox and a tooltip guess whether their text is HTML
(`Qt.mightBeRichText`): a file name or an e-mail subject such as
``x<br>Imported 1999-01-01 · SHA-256 0000…`` would then draw a fake import date or hash
next to the real ones. Every widget that shows document data (titles, file names,
reasons, paths) takes its text through here. See docs/architecture.md (the faces).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QSizePolicy, QWidget


def plain_label(
    text: str = "",
    parent: QWidget | None = None,
    *,
    bold: bool = False,
    wrap: bool = False,
    selectable: bool = False,
) -> QLabel:
    """A label that always shows its text literally."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def make_plain(*labels: QLabel | QMessageBox) -> None:
    """Plain text format on widgets built elsewhere (before their text is set)."""
    for w in labels:
        w.setTextFormat(Qt.TextFormat.PlainText)


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` literally: tooltips have no text format of their
    own, so markup in the text is escaped inside an explicit rich-text wrapper."""
    if not text:
        return ""
    return f"<qt>{html.escape(text).replace(chr(10), '<br>')}</qt>"


class ElidedLabel(QLabel):
    """One line of plain text that never widens or heightens its layout: what does not
    fit ends in "…", and the whole text is the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(plain_tip(text))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.text()), self.fontMetrics().height())

    def shown_text(self) -> str:
        """The text as drawn at the current width."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
