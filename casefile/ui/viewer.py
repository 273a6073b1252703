"""The viewer: a document's extracted text page by page, with the search's words
highlighted (found by ui/viewer_hits.py) and next/previous-hit navigation across pages;
for a PDF, the original page rendered by QtPdf instead of the text (Text | Original:
ui/viewer_original.py). HTML is shown as its extracted text, never rendered, so no
remote content can ever be fetched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.core import services
from casefile.core.errors import CasefileError
from casefile.core.services import Changes, DocumentDetail, PageText
from casefile.ui.controller import CaseController
from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate
from casefile.ui.messages import user_message
from casefile.ui.page_overlay import OcrStrip
from casefile.ui.plain import plain_label
from casefile.ui.reflow import reflow
from casefile.ui.status_banner import StatusBanner
from casefile.ui.viewer_hits import find_hits, style_hit
from casefile.ui.viewer_layers import HighlightLayers, span_selections
from casefile.ui.viewer_original import OriginalPdf, unavailable_reason
from casefile.ui.viewer_selection import SelectionActions
from casefile.ui.viewer_toolbar import ViewerToolbar

PLACEHOLDER = QT_TRANSLATE_NOOP("Viewer", "Select a document to read it here.")


class Viewer(QWidget):
    pageChanged = Signal(int)
    pageShown = Signal()  # a page's text is on screen (layers of highlights follow it)

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.detail: DocumentDetail | None = None
        self.page = 1
        self.total = 0
        self.query = ""  # the search whose words are highlighted
        self.exact = False
        self.translit = False  # also mark the other script's spellings (Chekhov, Чехов)
        self._highlight_generation = 0
        self._page_generation = 0
        self.hit_pages: list[int] = []
        self.spans: list[tuple[int, int]] = []
        self.current_hit = -1
        self.prefer_original = False  # the user's last choice, kept from PDF to PDF
        self._build()
        controller.changed.connect(self._on_changed)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        bar = ViewerToolbar(self, self)  # the controls: see ui/viewer_toolbar.py
        self.toolbar = bar
        self.text_mode, self.original_mode = bar.text_mode, bar.original_mode
        self.prev_page, self.next_page, self.page_box = bar.prev_page, bar.next_page, bar.page_box
        self.prev_hit, self.next_hit, self.hit_label = bar.prev_hit, bar.next_hit, bar.hit_label
        self.page_total = bar.page_total
        self.reflow_mode, self.reflow_button = bar.reflow_mode, bar.reflow_button

        self.title = plain_label(bold=True, wrap=True, selectable=True)
        self.title.setObjectName("viewerTitle")
        self.banner = StatusBanner()
        self.banner.unlockRequested.connect(self._unlock)
        self.banner.retryRequested.connect(lambda: self._unlock(None))
        self.banner.showOriginalRequested.connect(lambda: self.original_mode.trigger())

        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(translate("Viewer", "Document text"))
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # "Tag as entity…", "Add to chronology…": see ui/viewer_selection.py.
        self.selection_actions = SelectionActions(self.text, self._selection_where, self)
        self.layers = HighlightLayers(self.text)  # hits, mentions…: see ui/viewer_layers.py
        self.original = OriginalPdf(self)  # Text | Original: see ui/viewer_original.py
        self.pdf_doc, self.pdf = self.original.document, self.original.view
        self.ocr_strip = OcrStrip(self.controller, self.pdf)  # OCR: confidence, boxes
        self.placeholder = QLabel(translate("Viewer", PLACEHOLDER))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.stack = QStackedWidget()
        for w in (self.placeholder, self.text, self.pdf):
            self.stack.addWidget(w)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(bar)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.reflow_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(title_row)
        layout.addWidget(self.banner)
        layout.addWidget(self.ocr_strip)
        layout.addWidget(self.stack, 1)
        self.clear()

    def _selection_where(self) -> tuple[str, str, int] | None:
        """The document and page a text selection would cite (text view only)."""
        if self.detail is None or self.total == 0 or self.stack.currentWidget() is not self.text:
            return None
        return self.detail.uid, self.detail.title, self.page

    # -- showing --------------------------------------------------------------------------
    def clear(self, hint: str = PLACEHOLDER) -> None:
        """No document: the placeholder says what would show one."""
        self.placeholder.setText(hint)
        self.detail = None
        self.total = 0
        self._page_generation += 1
        self.text.clear()
        self.set_query("")
        self.title.clear()
        self.reflow_button.hide()
        self.banner.hide()
        self.ocr_strip.show_page(None, 0)
        self.placeholder.setText(translate("Viewer", PLACEHOLDER))
        self.stack.setCurrentWidget(self.placeholder)
        self._update_controls()

    def show_document(
        self,
        detail: DocumentDetail,
        page: int = 1,
        query: str = "",
        hit_pages: list[int] | None = None,
        exact: bool = False,
        translit: bool = False,
    ) -> None:
        """Open a document (already read by the caller) at a page; with a search
        `query`, highlight the words it matches (as the index matches them: by stem, ё
        as е; with `translit`, in the other script too) and go to the first."""
        if self.detail is None or self.detail.uid != detail.uid:
            self.text.clear()  # never the last document's text under this one's title
        self.detail = detail
        self.query = query.strip()
        self.exact, self.translit = exact, translit
        self.hit_pages = sorted(set(hit_pages or []))
        self.total = detail.page_count
        self.title.setText(detail.title)
        self.reflow_button.setVisible(detail.page_count > 0)
        is_pdf = detail.file_type == "pdf"
        self.original_mode.setEnabled(is_pdf)
        self.original.forget()
        self.banner.show_for(detail, has_original_view=is_pdf)
        if not is_pdf:
            self.text_mode.setChecked(True)
        self._load_page(max(1, min(page, max(self.total, 1))))
        if is_pdf and (self.prefer_original or self.total == 0):
            self.show_original(remember=False)
        else:
            self.text_mode.setChecked(True)
            self.stack.setCurrentWidget(self.text)

    def _load_page(self, number: int, last_hit: bool = False) -> None:
        """Go to a page: its text is read on the reader pool and shown when it comes
        (a reply for a page the user has already left is dropped)."""
        if self.detail is None:
            return
        self.page = number
        self._page_generation += 1
        generation = self._page_generation
        self._highlight_generation += 1  # the old page's hits are not this page's
        self.spans, self.current_hit = [], -1
        self.layers.set("hits", [])
        self.original.follow(number)
        self._update_controls()
        self.pageChanged.emit(number)
        self.ocr_strip.show_page(self.detail, number)
        if not self.total:
            self._show_page_text("", last_hit)
            return

        def show(page: PageText) -> None:
            if generation == self._page_generation:
                self._show_page_text(page.text, last_hit)

        def failed(exc: BaseException) -> None:
            if generation == self._page_generation:
                self._show_page_text(str(exc) if isinstance(exc, CasefileError) else "", False)

        self.controller.runner.read(
            services.get_page,
            self.controller.case,
            self.detail.uid,
            number,
            on_done=show,
            on_error=failed,
        )

    def _show_page_text(self, text: str, last_hit: bool) -> None:
        # Reflowing keeps every offset, so the hits found in `text` stay in place.
        self.text.setPlainText(reflow(text) if self.reflow_mode.isChecked() else text)
        self._highlight(text, last_hit)
        self._update_controls()
        self.pageShown.emit()

    def set_query(self, query: str, hit_pages: list[int] | None = None) -> None:
        """Highlight another search's words on the page shown (none: no highlights)."""
        self.query = query.strip()
        self.hit_pages = sorted(set(hit_pages or []))
        self._highlight(self.text.toPlainText() if self.detail is not None else "", False)
        self._update_controls()

    def _highlight(self, text: str, last_hit: bool) -> None:
        """Mark the query's words on this page with the search's own analyzer, so what is
        highlighted is what was found. A long page is analysed on a reader thread; its
        spans are dropped if the user has moved on by the time they arrive."""
        self._highlight_generation += 1
        generation = self._highlight_generation
        self.spans = []
        self.current_hit = -1
        self.layers.set("hits", [])
        self.ocr_strip.show_spans([])
        if not self.query or not text:
            return

        def show(spans: tuple[tuple[int, int], ...]) -> None:
            if generation != self._highlight_generation:
                return
            self.spans = list(spans)
            if self.spans:
                self.current_hit = len(self.spans) - 1 if last_hit else 0
            self._paint_hits()
            self._update_controls()

        find_hits(self.controller.runner, self.query, text, self.exact, self.translit, show)

    def _paint_hits(self) -> None:
        def style(i: int, fmt: QTextCharFormat) -> None:
            style_hit(fmt, current=i == self.current_hit)

        selections, qt_spans = span_selections(self.text, self.spans, style)
        self.layers.set("hits", selections)
        self.ocr_strip.show_spans(self.spans, self.current_hit)  # on the page image too
        if 0 <= self.current_hit < len(self.spans):
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(qt_spans[self.current_hit][0])
            self.text.setTextCursor(cursor)
            self.text.centerCursor()

    def _update_controls(self) -> None:
        self.toolbar.update_for(
            has_document=self.detail is not None,
            page=self.page,
            total=self.total,
            any_hits=bool(self.spans or self.hit_pages),
            hits_on_page=len(self.spans) if self.query and self.detail is not None else None,
            current_hit=self.current_hit,
        )

    # -- navigation -----------------------------------------------------------------------
    def go_to_page(self, number: int) -> None:
        if self.detail is not None and 1 <= number <= self.total and number != self.page:
            self._load_page(number)

    def reload_page(self) -> None:
        self._load_page(self.page)

    def go_prev(self) -> None:
        self.go_to_page(self.page - 1)

    def go_next(self) -> None:
        self.go_to_page(self.page + 1)

    def next_hit_(self) -> None:
        if self.current_hit + 1 < len(self.spans):
            self.current_hit += 1
            self._paint_hits()
            self._update_controls()
            return
        later = [p for p in self._pages_with_hits() if p > self.page]
        if later:
            self._load_page(later[0])

    def previous_hit(self) -> None:
        if self.current_hit > 0:
            self.current_hit -= 1
            self._paint_hits()
            self._update_controls()
            return
        earlier = [p for p in self._pages_with_hits() if p < self.page]
        if earlier:
            self._load_page(earlier[-1], last_hit=True)

    def _pages_with_hits(self) -> list[int]:
        return self.hit_pages or list(range(1, self.total + 1))

    # -- text | original ------------------------------------------------------------------
    def show_text(self, remember: bool = True) -> None:
        if remember:
            self.prefer_original = False
        self.text_mode.setChecked(True)
        if self.detail is not None:
            self.stack.setCurrentWidget(self.text)

    def show_original(self, remember: bool = True) -> None:
        if self.detail is None or self.detail.file_type != "pdf":
            self.show_text(remember=False)
            return
        if remember:
            self.prefer_original = True
        self.original_mode.setChecked(True)
        uid = self.detail.uid

        def still_wanted() -> bool:
            detail = self.detail
            return detail is not None and detail.uid == uid and self.original_mode.isChecked()

        def found(path: Path) -> None:
            if still_wanted():
                self._show_pdf(str(path))

        def missing(exc: BaseException) -> None:
            if still_wanted():
                self.placeholder.setText(user_message(exc))
                self.stack.setCurrentWidget(self.placeholder)

        # Where the original is stored is a database read: on the reader pool.
        self.controller.runner.read(
            services.original_path, self.controller.case, uid, on_done=found, on_error=missing
        )

    def _show_pdf(self, path: str) -> None:
        assert self.detail is not None
        # The password that read the text this session opens the original too; it
        # lives in memory only (see CaseController.pdf_passwords).
        password = self.controller.pdf_passwords.get(self.detail.uid, "")
        if not self.original.load(path, password):
            self._original_unavailable()
            return
        self.original_mode.setChecked(True)
        self.stack.setCurrentWidget(self.pdf)
        self.pdf.pageNavigator().jump(max(self.page, 1) - 1, QPointF(), 0)

    def _original_unavailable(self) -> None:
        """Say why the original is not on screen, and let the toggle show what is."""
        assert self.detail is not None
        why = unavailable_reason(self.detail.status)
        if self.total > 0:
            self.text_mode.setChecked(True)
            self.stack.setCurrentWidget(self.text)
            self.controller.message.emit(why)
            return
        # Neither view can show anything: neither toggle is on.
        for action in (self.text_mode, self.original_mode):
            action.setChecked(False)
        self.placeholder.setText(why)
        self.stack.setCurrentWidget(self.placeholder)

    # -- status actions -------------------------------------------------------------------
    def _unlock(self, password: str | None) -> None:
        if self.detail is None:
            return
        self.banner.setEnabled(False)
        self.controller.reextract(self.detail.uid, password)

    def _on_changed(self, changes: Changes) -> None:
        detail = changes.detail(self.detail.uid) if self.detail is not None else None
        if self.detail is not None and detail is not None:
            self.banner.setEnabled(True)
            page = self.page
            if detail.status != self.detail.status:
                self.original.forget()
            self.show_document(detail, page, self.query, self.hit_pages, self.exact, self.translit)
