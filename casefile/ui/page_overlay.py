"""What OCR adds to the viewer (docs/architecture.md, OCR): a strip saying how sure the
recognition of this page is (a low-confidence page is marked, so a person checks it
against the original), the "Recognise text" action for a scan or a garbled PDF, and
word boxes drawn over the original page in the Original view: search hits, and any
spans others ask for (`show_spans`: entity mentions, a citation's quote).

The viewer owns one `OcrStrip` and calls it in three places (a page shown, the hits
found, the document cleared); everything else lives here, so the viewer stays small.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from casefile.core import services
from casefile.core.i18n import translate_recorded
from casefile.core.services import DocumentDetail
from casefile.ui.controller import CaseController
from casefile.ui.i18n import translate
from casefile.ui.plain import plain_label

Rect = tuple[float, float, float, float]
HIT = QColor(255, 200, 0, 90)
CURRENT = QColor(255, 120, 0, 130)
LOW = "#b35c00"
OCR_TYPES = {"pdf", "image"}


def page_rect(view: QPdfView, page: int) -> QRectF:
    """Where QPdfView draws page `page` (0-based) in its viewport, by its own layout
    rules (single page mode): fit to width, fit in view or a zoom factor, centred, with
    the document margins, moved by the scroll bars."""
    doc = view.document()
    if doc is None or not 0 <= page < doc.pageCount():
        return QRectF()
    points = doc.pagePointSize(page)
    if points.width() <= 0 or points.height() <= 0:
        return QRectF()
    vp = view.viewport()
    m = view.documentMargins()
    room_w = vp.width() - m.left() - m.right()
    room_h = vp.height() - m.top() - m.bottom()
    if view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
        scale = room_w / points.width()
    elif view.zoomMode() == QPdfView.ZoomMode.FitInView:
        scale = min(room_w / points.width(), room_h / points.height())
    else:
        scale = view.zoomFactor() * view.logicalDpiX() / 72
    width, height = points.width() * scale, points.height() * scale
    total = max(width + m.left() + m.right(), vp.width())
    x = (total - width) / 2 - view.horizontalScrollBar().value()
    y = m.top() - view.verticalScrollBar().value()
    return QRectF(x, y, width, height)


class PageOverlay(QWidget):
    """Boxes drawn over the page on screen in a QPdfView (transparent to the mouse)."""

    def __init__(self, view: QPdfView, on_shown: Callable[[], None] | None = None) -> None:
        super().__init__(view.viewport())
        self.view = view
        self._on_shown = on_shown
        self.page = -1  # 0-based page the boxes belong to
        self.boxes: list[list[Rect]] = []  # per span, its word boxes (page fractions)
        self.current = -1
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        view.viewport().installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.update())
        view.horizontalScrollBar().valueChanged.connect(lambda _v: self.update())
        view.pageNavigator().currentPageChanged.connect(lambda _p: self.update())
        self.resize(view.viewport().size())
        self.show()

    def set_boxes(self, page: int, boxes: list[list[Rect]], current: int = -1) -> None:
        self.page, self.boxes, self.current = page, boxes, current
        self.raise_()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.resize(self.view.viewport().size())
        elif event.type() == QEvent.Type.Show and self._on_shown is not None:
            self._on_shown()  # the Original view came on screen: its boxes are wanted now
        return False

    def drawn_rects(self) -> list[QRectF]:
        """The rectangles on screen now (viewport pixels): what `paintEvent` fills."""
        if self.page != self.view.pageNavigator().currentPage():
            return []
        frame = page_rect(self.view, self.page)
        if frame.isEmpty():
            return []
        return [
            QRectF(
                frame.x() + x0 * frame.width(),
                frame.y() + y0 * frame.height(),
                (x1 - x0) * frame.width(),
                (y1 - y0) * frame.height(),
            )
            for span in self.boxes
            for (x0, y0, x1, y1) in span
        ]

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.boxes:
            return
        painter = QPainter(self)
        painter.setPen(QPen(Qt.PenStyle.NoPen))
        current = {
            id(r) for r in (self.boxes[self.current] if 0 <= self.current < len(self.boxes) else [])
        }
        rects = self.drawn_rects()
        flat = [r for span in self.boxes for r in span]
        for rect, box in zip(rects, flat, strict=False):
            painter.fillRect(rect.adjusted(-2, -2, 2, 2), CURRENT if id(box) in current else HIT)
        painter.end()


class OcrStrip(QWidget):
    """Confidence of the page shown and the Recognise text action, above the page."""

    def __init__(self, controller: CaseController, pdf_view: QPdfView) -> None:
        super().__init__()
        self.controller = controller
        self.overlay = PageOverlay(pdf_view, on_shown=self._request)
        self.spans: list[tuple[int, int]] = []
        self.current = -1
        self.detail: DocumentDetail | None = None
        self.number = 0
        self.pages: dict[int, Any] = {}  # page number -> OcrPage, of `detail`
        self._key: tuple[str, int] | None = None
        self._generation = 0
        self.label = plain_label(wrap=True)
        self.recognise = QPushButton(translate("OcrStrip", "Recognise text"))
        self.recognise.setToolTip(
            translate(
                "OcrStrip",
                "Read the text of this document's scanned pages with OCR (Russian and "
                "English); the original is never changed, and a PDF's own text is kept.",
            )
        )
        self.recognise.clicked.connect(self._recognise)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.recognise)
        self.hide()

    # -- hooks the viewer calls -------------------------------------------------------
    def show_page(self, detail: DocumentDetail | None, number: int) -> None:
        self.detail, self.number = detail, number
        self.spans, self.current = [], -1
        self.overlay.set_boxes(-1, [])
        if detail is None or detail.file_type not in OCR_TYPES:
            self._key = None
            self.pages = {}
            self.hide()
            return
        key = (detail.uid, detail.revision)
        if key == self._key:
            self._show()
            return
        self._key = key
        self.pages = {}
        self._show()

        def arrived(pages: list[Any]) -> None:
            if self._key == key:
                self.pages = {p.number: p for p in pages}
                self._show()

        self.controller.runner.read(
            services.ocr_pages, self.controller.case, detail.uid, on_done=arrived
        )

    def show_spans(self, spans: Sequence[tuple[int, int]], current: int = -1) -> None:
        """Draw `spans` of the page text shown (code points) over the original page:
        search hits, entity mentions, a quote (boxes from OCR, or from a PDF's own text
        layer). Asked for only while the Original view is on screen."""
        self.spans, self.current = list(spans), current
        self._request()

    def _request(self) -> None:
        self._generation += 1
        generation = self._generation
        detail, number, spans, current = self.detail, self.number, self.spans, self.current
        if detail is None or not spans or not self.overlay.view.isVisible():
            self.overlay.set_boxes(-1, [])
            return

        def arrived(boxes: list[list[Rect]]) -> None:
            if generation == self._generation:
                self.overlay.set_boxes(number - 1, boxes, current)

        self.controller.runner.read(
            services.page_regions,
            self.controller.case,
            detail.uid,
            number,
            list(spans),
            on_done=arrived,
        )

    # -- showing ----------------------------------------------------------------------
    def _show(self) -> None:
        detail = self.detail
        if detail is None:
            return
        info = self.pages.get(self.number)
        offer = detail.status in ("needs_ocr", "garbled") or bool(detail.pages_needing_ocr)
        self.recognise.setVisible(offer and not self.controller.readonly)
        self.label.setStyleSheet("")
        if info is not None and info.error:
            self.label.setText(
                translate("OcrStrip", "This page could not be recognised: {error}").format(
                    error=translate_recorded(info.error)
                )
            )
        elif info is not None:
            conf = (
                QLocale().toString(round(info.confidence)) + "%"
                if info.confidence is not None
                else "—"
            )
            if info.low_confidence:
                self.label.setText(
                    translate(
                        "OcrStrip",
                        "⚠ Low OCR confidence on this page ({confidence}): check it against "
                        "the original.",
                    ).format(confidence=conf)
                )
                self.label.setStyleSheet(f"color: {LOW}; font-weight: bold;")
            else:
                self.label.setText(
                    translate(
                        "OcrStrip", "Text recognised by OCR · confidence {confidence}"
                    ).format(confidence=conf)
                )
            self.label.setToolTip(
                translate("OcrStrip", "{engine}, languages {languages}, {dpi} dpi").format(
                    engine=info.engine, languages=info.languages, dpi=info.dpi
                )
            )
        elif offer:
            self.label.setText(
                translate(
                    "OcrStrip", "This document has a garbled text layer: OCR can read its text."
                )
                if detail.status == "garbled"
                else translate(
                    "OcrStrip", "This document has scanned pages: OCR can read its text."
                )
            )
        else:
            self.hide()
            return
        self.show()

    def _recognise(self) -> None:
        if self.detail is not None:
            from casefile.ui.ocr_jobs import jobs_for

            jobs_for(self.controller).recognise([self.detail.uid])
