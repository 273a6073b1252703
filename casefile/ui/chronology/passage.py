"""A citation's passage highlighted in the viewer, from outside it: the case view opens
the document at the cited page, and this marker paints the quoted span once that page's
text is on screen (the viewer sets its text, then its own highlights, in one go: the
marker waits for the event loop's next turn so it paints last). Through the viewer's
highlight layers when it has them (its own layer, cleared when another page comes),
else as its extra selections. The span is
the stored page's code points; Qt counts UTF-16 units, converted here."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from casefile.core import services
from casefile.ui.viewer import Viewer

PASSAGE = QColor("#b8e0b0")


class PassageMarker(QObject):
    def __init__(self, viewer: Viewer) -> None:
        super().__init__(viewer)
        self.viewer = viewer
        self.wanted: tuple[str, int, int, int] | None = None  # uid, page, start, end
        self._layered = False  # a "passage" layer is on the viewer now
        viewer.text.textChanged.connect(lambda: QTimer.singleShot(0, self._paint))

    def mark(self, uid: str, page: int, start: int, end: int) -> None:
        """Highlight [start, end) of `uid`'s page `page` when it is shown (now, if it is)."""
        self.wanted = (uid, page, start, end)
        QTimer.singleShot(0, self._paint)

    def _paint(self) -> None:
        wanted, v = self.wanted, self.viewer
        layers = getattr(v, "layers", None)  # the viewer's highlight layers, where it has them
        if wanted is None or v.detail is None or (v.detail.uid, v.page) != wanted[:2]:
            if self._layered and layers is not None and wanted is None:
                layers.clear("passage")  # the text changed under it: another page
                self._layered = False
            return
        text = v.text.toPlainText()
        if not text or v.query:
            return
        self.wanted = None  # once: the user's next page or document is left alone
        if v.stack.currentWidget() is not v.text:
            v.show_text(remember=False)  # a PDF shown as its original: the quote is text
        start, end = services.utf16_spans(text, [wanted[2:]])[0]
        start, end = min(start, len(text)), min(end, len(text))
        sel = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(PASSAGE)
        fmt.setForeground(QColor("black"))
        sel.format = fmt
        cursor = QTextCursor(v.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        if layers is not None:
            layers.set("passage", [sel])
            self._layered = True
        else:
            v.text.setExtraSelections([sel])
        here = QTextCursor(v.text.document())
        here.setPosition(start)
        v.text.setTextCursor(here)
        v.text.centerCursor()
