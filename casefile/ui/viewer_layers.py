"""Highlights on the viewer's text in layers: search hits (the viewer's own), entity
mentions (issue 12), chronology quotes… Each feature sets its own layer; the view gets
all of them together, painted in a fixed order (a later layer over an earlier one), so
setting one never wipes another, as one call of `setExtraSelections` would."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from casefile.core import services

# Bottom to top: a mention's tint under a search hit's yellow, a focused span on top.
ORDER = ("mentions", "hits", "focus")


class HighlightLayers:
    def __init__(self, view: QPlainTextEdit) -> None:
        self._view = view
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}

    def set(self, name: str, selections: Sequence[QTextEdit.ExtraSelection]) -> None:
        self._layers[name] = list(selections)
        self._apply()

    def clear(self, *names: str) -> None:
        for name in names or tuple(self._layers):
            self._layers.pop(name, None)
        self._apply()

    def get(self, name: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._layers.get(name, ()))

    def _apply(self) -> None:
        rank = {n: i for i, n in enumerate(ORDER)}
        names = sorted(self._layers, key=lambda n: rank.get(n, len(ORDER)))
        self._view.setExtraSelections([s for n in names for s in self._layers[n]])


def span_selections(
    view: QPlainTextEdit,
    spans: Sequence[tuple[int, int]],
    style: Callable[[int, QTextCharFormat], None],
) -> tuple[list[QTextEdit.ExtraSelection], list[tuple[int, int]]]:
    """Extra selections for code-point `spans` of the view's text (the core counts code
    points, Qt UTF-16 units: converted here), each styled by `style(i, format)`; also
    returns the spans in Qt's units."""
    qt_spans = services.utf16_spans(view.toPlainText(), list(spans))
    out = []
    for i, (start, end) in enumerate(qt_spans):
        sel = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        style(i, fmt)
        sel.format = fmt
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        out.append(sel)
    return out, qt_spans


def background(colour: QColor) -> Callable[[int, QTextCharFormat], None]:
    def style(_i: int, fmt: QTextCharFormat) -> None:
        fmt.setBackground(colour)
        fmt.setForeground(QColor("black"))

    return style
