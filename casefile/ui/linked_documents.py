"""The documents an e-mail and its attachments are to each other, as links.

An imported message keeps its attachments as documents of their own (the import stores
each one's parent); this strip in the metadata panel names them, so the reader of a
message can open "invoice.pdf", and the reader of the invoice can go back to
"Attached to: Evidence bundle 3". A link is a flat button with the title as plain text
(titles are document data: see `ui/plain.py`); clicking it asks the case view to show
that document (`openRequested`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from casefile.core.services import DocumentDetail
from casefile.ui.i18n import plural, translate
from casefile.ui.plain import plain_label, plain_tip

MAX_SHOWN = 20  # attachments named; more are counted ("and 12 more")


class LinkedDocuments(QWidget):
    """ "Attached to: <subject>" for an attachment, "Attachments:" and one link per
    attachment for a message; hidden for a document that is neither."""

    openRequested = Signal(str)  # the uid of the document to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkedDocuments")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.links: list[QPushButton] = []
        self.hide()

    def show_links(self, detail: DocumentDetail | None) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.links = []
        if detail is None or not (detail.parent_uid or detail.child_uids):
            self.hide()
            return
        if detail.parent_uid:
            self._row(
                translate("LinkedDocuments", "Attached to:"),
                [(detail.parent_uid, detail.parent_title or "")],
            )
        if detail.child_uids:
            titles = detail.child_titles or ("",) * len(detail.child_uids)
            pairs = list(zip(detail.child_uids, titles, strict=False))
            self._row(translate("LinkedDocuments", "Attachments:"), pairs[:MAX_SHOWN])
            if len(pairs) > MAX_SHOWN:
                self._layout.addWidget(
                    plain_label(plural("and %n more", "", len(pairs) - MAX_SHOWN))
                )
        self.show()

    def _row(self, words: str, pairs: list[tuple[str, str]]) -> None:
        self._layout.addWidget(plain_label(words))
        for uid, title in pairs:
            link = QPushButton(
                title or translate("LinkedDocuments", "(untitled)")
            )  # a button's text is never markup
            link.setFlat(True)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setToolTip(
                plain_tip(translate("LinkedDocuments", "Open “{title}”").format(title=title))
            )
            link.setAccessibleName(f"{words} {title}")
            link.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            link.setStyleSheet("QPushButton { text-align: left; padding: 1px 2px; }")
            font = link.font()
            font.setUnderline(True)
            link.setFont(font)
            link.clicked.connect(lambda _checked=False, u=uid: self.openRequested.emit(u))
            self._layout.addWidget(link)
            self.links.append(link)
