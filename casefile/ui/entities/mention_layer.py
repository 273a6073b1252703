"""Entity mentions on the viewer's page: a tint per kind under the text (search hits
stay on top: `ui/viewer_layers.py`), a tooltip naming the entity, "Reject this
mention" on the right-click menu, and a span shown on request (a mention clicked on an
entity page). The page's mentions are read on the reader pool after its text arrives."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QToolTip

from casefile.core import services
from casefile.core.services import Changes, PageMention
from casefile.ui.controller import CaseController
from casefile.ui.entities import commands, kinds
from casefile.ui.i18n import translate
from casefile.ui.plain import plain_tip
from casefile.ui.viewer import Viewer
from casefile.ui.viewer_layers import span_selections
from casefile.ui.viewer_selection import code_points


class MentionLayer(QObject):
    painted = Signal()  # the page's mentions are on screen (tests wait for it)
    entityChosen = Signal(str)  # "Open entity" from the right-click menu

    def __init__(self, viewer: Viewer, controller: CaseController) -> None:
        super().__init__(viewer)
        self.viewer = viewer
        self.controller = controller
        self.mentions: list[PageMention] = []
        self._generation = 0
        self._focus: tuple[str, int, int, int] | None = None  # (document, page, start, end)
        viewer.pageChanged.connect(lambda _n: self._clear())
        viewer.pageShown.connect(self.refresh)
        controller.changed.connect(lambda c: self.refresh() if self._concerns(c) else None)
        viewer.text.viewport().installEventFilter(self)
        viewer.selection_actions.add_at_point(self.actions_at)

    def _concerns(self, changes: Changes) -> bool:
        return changes.entities and self.viewer.detail is not None

    def _where(self) -> tuple[str, int] | None:
        d = self.viewer.detail
        return None if d is None or self.viewer.total == 0 else (d.uid, self.viewer.page)

    def _clear(self) -> None:
        self._generation += 1
        self.mentions = []
        self.viewer.layers.clear("mentions", "focus")

    def refresh(self) -> None:
        where = self._where()
        self._generation += 1
        generation = self._generation
        if where is None:
            self._clear()
            return

        def show(found: list[PageMention]) -> None:
            if generation == self._generation and self._where() == where:
                self.mentions = found
                self._paint()

        self.controller.read(services.page_mentions, where[0], where[1], on_done=show)

    def focus(self, document_uid: str, page: int, start: int, end: int) -> None:
        """Show this span (marked, scrolled to) the next time its page is painted."""
        self._focus = (document_uid, page, start, end)

    def _paint(self) -> None:
        view = self.viewer.text
        ms = self.mentions

        def style(i: int, fmt: QTextCharFormat) -> None:
            fmt.setBackground(kinds.pale(ms[i].kind))
            fmt.setForeground(QColor("black"))
            fmt.setUnderlineColor(kinds.strong(ms[i].kind))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)

        selections, _ = span_selections(view, [(m.start, m.end) for m in ms], style)
        self.viewer.layers.set("mentions", selections)
        where = self._where()
        focus = self._focus
        if focus is not None and where == focus[:2]:
            self._focus = None

            def strong(_i: int, fmt: QTextCharFormat) -> None:
                kind = next((m.kind for m in ms if (m.start, m.end) == focus[2:]), "other")
                fmt.setBackground(kinds.strong(kind))
                fmt.setForeground(QColor("white"))

            marked, qt = span_selections(view, [focus[2:]], strong)
            self.viewer.layers.set("focus", marked)
            cursor = QTextCursor(view.document())
            cursor.setPosition(qt[0][0])
            view.setTextCursor(cursor)
            view.centerCursor()
        self.painted.emit()

    # -- under the mouse ----------------------------------------------------------------
    def at(self, offset: int) -> PageMention | None:
        """The mention at a code-point offset of the page (the shortest, if nested)."""
        hits = [m for m in self.mentions if m.start <= offset < m.end]
        return min(hits, key=lambda m: m.end - m.start) if hits else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            view = self.viewer.text
            pos = view.cursorForPosition(event.pos()).position()
            m = self.at(code_points(view.toPlainText(), pos)) if self.mentions else None
            if m is not None:
                if m.manual:
                    words = translate("MentionLayer", "{kind}: {name} (tagged by hand)")
                else:
                    words = translate("MentionLayer", "{kind}: {name}")
                tip = plain_tip(words.format(kind=kinds.label(m.kind), name=m.name))
                QToolTip.showText(event.globalPos(), tip)
                return True
        return super().eventFilter(watched, event)

    def actions_at(self, offset: int) -> list[QAction]:
        m = self.at(offset)
        if m is None:
            return []
        text = self.viewer.text.toPlainText()[m.start : m.end]  # code points, as stored
        open_it = QAction(
            translate("MentionLayer", "Open Entity “{name}”").format(name=m.name), self.viewer
        )
        open_it.triggered.connect(lambda _c=False: self.entityChosen.emit(m.entity_uid))
        reject = QAction(
            translate("MentionLayer", "Reject This Mention of “{name}”").format(name=m.name),
            self.viewer,
        )
        reject.setToolTip(
            translate(
                "MentionLayer",
                "A wrong match: it stays rejected when the documents are matched again.",
            )
        )
        reject.setEnabled(not self.controller.readonly)
        reject.triggered.connect(lambda _c=False: self.reject(m, text))
        return [open_it, reject]

    def reject(self, m: PageMention, text: str) -> None:
        commands.push(self.controller, commands.RejectMention(self.controller, m.id, text, m.name))
