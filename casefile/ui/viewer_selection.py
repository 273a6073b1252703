"""What the user selected in the viewer's text, and the actions offered on it.

"Tag as entity…" (issue 12) and "Add to chronology…" (issue 13) both start from a
selection: the passage a mention or a citation will point at. The viewer shows the
page's stored text (reflowing changes no offset, see `ui/reflow.py`), so the selection
maps straight back to code-point offsets of the stored page text, which is what the
core stores; Qt counts UTF-16 units, so the conversion happens here, once.

Features register their actions with `SelectionActions.add`; the text view's context
menu lists them under the standard Copy / Select All, enabled only while there is a
selection of a document's page. The viewer stays ignorant of entities and events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget


@dataclass(frozen=True)
class TextSelection:
    """A selected passage: document, page (1-based) and the code-point span of the
    stored page text, with the text itself (the quote)."""

    document_uid: str
    document_title: str
    page: int
    start: int
    end: int
    quote: str


def code_points(text: str, utf16_offset: int) -> int:
    """The code-point offset of a UTF-16 offset into `text` (astral characters such as
    emoji count 2 in UTF-16, 1 in Python)."""
    if text.isascii():
        return utf16_offset
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16_offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


class SelectionActions:
    """The actions offered on a selection of the viewer's text.

    `where` answers which document and page are shown (None: nothing a selection could
    cite); `add` registers an action and returns it, so a feature can also put it in a
    menu of its own (enabled state follows the selection)."""

    def __init__(
        self,
        text_view: QPlainTextEdit,
        where: Callable[[], tuple[str, str, int] | None],
        parent: QWidget,
    ) -> None:
        self._view = text_view
        self._where = where
        self._parent = parent
        self._actions: list[tuple[QAction, Callable[[TextSelection], None]]] = []
        self._at_point: list[Callable[[int], list[QAction]]] = []
        text_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        text_view.customContextMenuRequested.connect(self._menu)
        text_view.selectionChanged.connect(self._update)
        self._update()

    def add(self, text: str, callback: Callable[[TextSelection], None]) -> QAction:
        action = QAction(text, self._parent)
        action.setEnabled(self.current() is not None)
        action.triggered.connect(lambda _checked=False: self._run(callback))
        self._actions.append((action, callback))
        return action

    def add_at_point(self, provider: Callable[[int], list[QAction]]) -> None:
        """Actions on what lies under the mouse ("Reject this mention"): `provider` gets
        the code-point offset of the stored page text that was right-clicked."""
        self._at_point.append(provider)

    @property
    def actions(self) -> list[QAction]:
        return [a for a, _cb in self._actions]

    def current(self) -> TextSelection | None:
        """The selection as the core counts it, or None (no selection, no document, or
        only white space selected)."""
        where = self._where()
        cursor = self._view.textCursor()
        if where is None or not cursor.hasSelection():
            return None
        text = self._view.toPlainText()
        start = code_points(text, cursor.selectionStart())
        end = code_points(text, cursor.selectionEnd())
        quote = text[start:end]
        # Trim white space so a citation quotes the words, not the margins around them.
        lead = len(quote) - len(quote.lstrip())
        trail = len(quote) - len(quote.rstrip())
        start, end = start + lead, end - trail
        if end <= start:
            return None
        uid, title, page = where
        return TextSelection(uid, title, page, start, end, text[start:end])

    def _run(self, callback: Callable[[TextSelection], None]) -> None:
        selection = self.current()
        if selection is not None:
            callback(selection)

    def _update(self) -> None:
        has = self.current() is not None
        for action, _cb in self._actions:
            action.setEnabled(has)

    def _menu(self, pos: QPoint) -> None:
        menu: QMenu = self._view.createStandardContextMenu(pos)
        if self._actions:
            menu.addSeparator()
            self._update()
            for action, _cb in self._actions:
                menu.addAction(action)
        if self._at_point and self._where() is not None:
            text = self._view.toPlainText()
            offset = code_points(text, self._view.cursorForPosition(pos).position())
            extra = [a for provider in self._at_point for a in provider(offset)]
            if extra:
                menu.addSeparator()
                menu.addActions(extra)
        menu.exec(self._view.viewport().mapToGlobal(pos))
        menu.deleteLater()
