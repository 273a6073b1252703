"""An exported PDF (a court bundle) in the app's own PDF view: the pages scroll, the
bookmarks are listed beside them and jump to their page. No other program is
started, and nothing in the PDF is run (QtPdf renders; it executes no scripts)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QSplitter, QTreeView, QVBoxLayout, QWidget

from casefile.ui.i18n import translate


class PdfWindow(QWidget):
    def __init__(self, path: Path | str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.path = Path(path)
        self.setWindowTitle(translate("PdfWindow", "{name} — Casefile").format(name=self.path.name))
        self.resize(1000, 800)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.bookmarks = QPdfBookmarkModel(self)
        self.bookmarks.setDocument(self.document)
        self.outline = QTreeView()
        self.outline.setHeaderHidden(True)
        self.outline.setModel(self.bookmarks)
        self.outline.activated.connect(self._jump)
        self.outline.clicked.connect(self._jump)
        self.message = QLabel()
        self.message.hide()
        split = QSplitter()
        split.addWidget(self.outline)
        split.addWidget(self.view)
        split.setSizes([260, 740])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(split)
        error = self.document.load(str(self.path))
        if error != QPdfDocument.Error.None_:
            self.message.setText(
                translate("PdfWindow", "“{name}” could not be opened as a PDF.").format(
                    name=self.path.name
                )
            )
            self.message.show()

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def _jump(self, index: QModelIndex) -> None:
        page = index.data(int(QPdfBookmarkModel.Role.Page))
        if isinstance(page, int) and page >= 0:
            self.view.pageNavigator().jump(page, QPointF(), 0)
