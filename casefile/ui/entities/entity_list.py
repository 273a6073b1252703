"""The Entities list: every entity by kind, with its documents and mentions, filtered
as you type (name or any alias, any script) and by kind; choosing one shows its page.
The list is handed the entities read by the panel (on the reader pool)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.core.services import EntityInfo
from casefile.ui.entities import kinds
from casefile.ui.entities.picker import fold
from casefile.ui.i18n import translate
from casefile.ui.plain import plain_tip

UID_ROLE = Qt.ItemDataRole.UserRole + 1


def alias_words(e: EntityInfo) -> str:
    parts = []
    for a in e.aliases:
        if fold(a.text) == fold(e.name):
            continue
        if a.weak:
            parts.append(translate("EntityList", "{alias} (weak)").format(alias=a.text))
        elif a.former:
            parts.append(translate("EntityList", "{alias} (former)").format(alias=a.text))
        else:
            parts.append(a.text)
    return ", ".join(parts)


class EntityList(QWidget):
    entityChosen = Signal(str)  # uid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entities: list[EntityInfo] = []
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("EntityList", "Filter by name or alias…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(translate("EntityList", "Filter entities"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(translate("EntityList", "Kind"))
        self.kind.addItem(translate("EntityList", "All kinds"), None)
        for k in kinds.KINDS:
            self.kind.addItem(kinds.swatch(k), kinds.group_label(k), k)
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(6)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(translate("EntityList", "Entities"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [
                translate("EntityList", "Name"),
                translate("EntityList", "Docs"),
                translate("EntityList", "Mentions"),
            ]
        )
        header_tips = (
            "",
            translate("EntityList", "Documents that mention it"),
            translate("EntityList", "Mentions in all documents"),
        )
        for col, tip in enumerate(header_tips):
            self.tree.headerItem().setToolTip(col, tip)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        for col in (1, 2):
            header.setSectionResizeMode(col, header.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(self.kind, 1)
        self.top = top  # the panel adds its New… button here
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.filter.textChanged.connect(lambda _t: self._fill())
        self.kind.currentIndexChanged.connect(lambda _i: self._fill())
        self.tree.currentItemChanged.connect(self._current)
        self.tree.itemActivated.connect(lambda item, _c: self._current(item))

    def set_entities(self, entities: Sequence[EntityInfo]) -> None:
        self.entities = list(entities)
        self._fill()

    def set_kind(self, kind: str | None) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def current_uid(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, UID_ROLE) if item is not None else None

    def select(self, uid: str) -> bool:
        """Make `uid` the current row (clearing a filter that hides it)."""
        item = self._item(uid)
        if item is None and (self.filter.text() or self.kind.currentData()):
            self.filter.clear()
            self.kind.setCurrentIndex(0)
            item = self._item(uid)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        return True

    def _item(self, uid: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount() if group else 0):
                child = group.child(j) if group else None
                if child is not None and child.data(0, UID_ROLE) == uid:
                    return child
        return None

    def _matches(self, e: EntityInfo, words: str) -> bool:
        if not words:
            return True
        return any(words in fold(t) for t in (e.name, *(a.text for a in e.aliases)))

    def _fill(self) -> None:
        keep = self.current_uid()
        words = fold(self.filter.text())
        only = self.kind.currentData()
        self.tree.blockSignals(True)
        self.tree.clear()
        for k in kinds.KINDS:
            if only and k != only:
                continue
            rows = [e for e in self.entities if e.kind == k and self._matches(e, words)]
            if not rows:
                continue
            heading = translate("EntityList", "{kind}  {count}").format(
                kind=kinds.group_label(k), count=len(rows)
            )
            group = QTreeWidgetItem(self.tree, [heading])
            group.setIcon(0, kinds.swatch(k))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for e in sorted(rows, key=lambda e: e.name.casefold()):
                item = QTreeWidgetItem(group, [e.name, str(e.documents), str(e.mentions)])
                item.setData(0, UID_ROLE, e.uid)
                for col in (1, 2):
                    item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight)
                also = alias_words(e)
                tip = translate("EntityList", "{name} · {kind}").format(
                    name=e.name, kind=kinds.label(e.kind)
                )
                if also:
                    tip += "\n" + translate("EntityList", "Also: {aliases}").format(aliases=also)
                item.setToolTip(0, plain_tip(tip))
            group.setExpanded(True)
        self.tree.blockSignals(False)
        if keep is not None:
            kept = self._item(keep)
            if kept is not None:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(kept)
                self.tree.blockSignals(False)

    def _current(self, item: QTreeWidgetItem | None, *_args: object) -> None:
        uid = item.data(0, UID_ROLE) if item is not None else None
        if uid:
            self.entityChosen.emit(uid)
