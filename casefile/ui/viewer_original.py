"""The viewer's Original view of a PDF (Text | Original): QtPdf's document and page
view, the file loaded again only when it or its password changed, and the sentence
saying why an original cannot be shown.

The viewer (ui/viewer.py) decides which view is on screen and when; this module only
holds what renders the stored original, so the viewer's own code is about the text."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget

from casefile.ui.i18n import translate


class OriginalPdf:
    """A PDF original, one page at a time, fitted to the pane's width."""

    def __init__(self, parent: QWidget) -> None:
        self.document = QPdfDocument(parent)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._path: str | None = None
        self._password = ""

    def forget(self) -> None:
        """Another document, or this one changed: the next `load` reads the file again."""
        self._path = None

    def follow(self, page: int) -> None:
        """Keep the original at the page the text view went to, if one is loaded."""
        if self._path and self.document.pageCount() >= page:
            self.view.pageNavigator().jump(page - 1, QPointF(), 0)

    def load(self, path: str, password: str) -> bool:
        """Open `path` with `password` (read again only when either changed); whether
        it can be shown."""
        if self._path != path or self._password != password:
            self.document.close()
            self.document.setPassword(password)
            self.document.load(path)
            self._path, self._password = path, password
        return self.document.status() == QPdfDocument.Status.Ready


def unavailable_reason(status: str) -> str:
    """Why the original of a document with this status is not on screen."""
    if status == "password_required":
        return translate(
            "Viewer",
            "The original is protected by a password: enter it above to read its "
            "text and show the original.",
        )
    return translate(
        "Viewer",
        "The original cannot be shown here. Use Document → Open Original to "
        "open it in another program.",
    )
