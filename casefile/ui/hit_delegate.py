"""How a search result is drawn in the results list: its HTML (title, facts, snippets
with the hits highlighted) laid out by QTextDocument, readable on the selection too.
Split from the search panel, which decides what the list holds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


class RichDelegate(QStyledItemDelegate):
    """Draws an item's HTML (title, facts, snippets with highlighted words)."""

    def _doc(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        # The facts line is grey, but on the selection's blue grey is unreadable: there
        # it takes the selected text's colour, slightly faded.
        if option.state & QStyle.StateFlag.State_Selected:
            meta = QColor(option.palette.color(QPalette.ColorRole.HighlightedText))
            meta.setAlphaF(0.85)
        else:
            meta = QColor(option.palette.color(QPalette.ColorRole.PlaceholderText))
        css = f".meta {{ color: {meta.name(QColor.NameFormat.HexArgb)}; }}"  # i18n: not shown
        doc.setDefaultStyleSheet(css)
        doc.setHtml(index.data(Qt.ItemDataRole.DisplayRole) or "")
        doc.setTextWidth(max(200, option.rect.width() - 8))
        return doc

    def paint(
        self, painter: Any, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.initStyleOption(option, index)
        doc = self._doc(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        else:
            ctx.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text)
            )
        ctx.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        doc = self._doc(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)
