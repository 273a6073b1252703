"""An entity's relations on its page: each as a sentence ("Helix Cloud Services Ltd —
employs → Daniel Forrest (2019-03/2024-03-15) · 1 citation"), double-click to open the
other entity; Add Relation… and Delete Relation, both undoable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.core import services
from casefile.core.case import Case
from casefile.core.services import EntityInfo, RelationInfo
from casefile.ui.controller import CaseController
from casefile.ui.entities import commands
from casefile.ui.entities.commands import EntityCommand, short
from casefile.ui.entities.dialogs import RelationDialog
from casefile.ui.i18n import plural, translate
from casefile.ui.plain import plain_tip

OTHER_ROLE = Qt.ItemDataRole.UserRole + 1
RELATION_ROLE = Qt.ItemDataRole.UserRole + 2


class AddRelation(EntityCommand):
    def __init__(
        self,
        controller: CaseController,
        source: str,
        target: str,
        label: str,
        *,
        date: str | None = None,
        notes: str | None = None,
        text: str = "",
    ) -> None:
        words = translate("EntityCommand", "Add relation “{relation}”")
        super().__init__(controller, words.format(relation=short(text or label)))
        self.source, self.target, self.label = source, target, label
        self.date, self.notes = date, notes
        self.uid: str | None = None

    def forward(self, case: Case) -> Any:
        info = services.add_relation(
            case, self.source, self.target, self.label, date=self.date, notes=self.notes
        )
        self.uid = info.uid
        return info

    def backward(self, case: Case) -> Any:
        assert self.uid is not None
        services.delete_relation(case, self.uid)


class DeleteRelation(EntityCommand):
    """Undo records the relation again, with its date, notes and citations."""

    def __init__(self, controller: CaseController, relation: services.RelationInfo) -> None:
        r = relation
        words = translate("EntityCommand", "Delete relation “{relation}”")
        shown = f"{r.source_name} {r.label} {r.target_name}"
        super().__init__(controller, words.format(relation=short(shown)))
        self.relation = relation
        self.uid = relation.uid

    def forward(self, case: Case) -> Any:
        services.delete_relation(case, self.uid)

    def backward(self, case: Case) -> Any:
        r = self.relation
        info = services.add_relation(
            case,
            r.source_uid,
            r.target_uid,
            r.label,
            date=r.date,
            notes=r.notes,
            citations=[
                services.CitationIn(c.document_uid, c.page, c.start, c.end, c.quote)
                for c in r.citations
            ],
        )
        self.uid = info.uid
        return info


def sentence(r: RelationInfo) -> str:
    text = f"{r.source_name} — {r.label} → {r.target_name}"
    if r.date:
        text += f"  ({r.date})"
    if r.citations:
        text += "  · " + plural("%n citation(s)", "", len(r.citations))
    return text


class RelationsBox(QWidget):
    entityChosen = Signal(str)  # the other end of a relation

    def __init__(
        self,
        controller: CaseController,
        entities: Callable[[], Sequence[EntityInfo]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.entities = entities
        self.info: EntityInfo | None = None
        self.dialog: RelationDialog | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(translate("RelationsBox", "Relations"))
        self.list.setMaximumHeight(130)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._clicked)
        self.list.itemDoubleClicked.connect(self._clicked)
        self.list.currentItemChanged.connect(lambda *_a: self._buttons())
        self.add_button = QPushButton(translate("RelationsBox", "Add Re&lation…"))
        self.add_button.clicked.connect(lambda _c=False: self.add_relation())
        self.add_button.setEnabled(not controller.readonly)
        self.delete_button = QPushButton(translate("RelationsBox", "Delete Relatio&n"))
        self.delete_button.clicked.connect(lambda _c=False: self.delete_relation())
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def show_relations(self, info: EntityInfo, relations: Sequence[RelationInfo]) -> None:
        self.info = info
        self.list.clear()
        for r in relations:
            text = sentence(r)
            item = QListWidgetItem(text)
            outgoing = r.source_uid == info.uid
            item.setData(OTHER_ROLE, r.target_uid if outgoing else r.source_uid)
            item.setData(RELATION_ROLE, r)
            tip = translate("RelationsBox", "{relation}\nDouble-click to open the other entity.")
            item.setToolTip(plain_tip(tip.format(relation=text)))
            self.list.addItem(item)
        if not relations:
            none = QListWidgetItem(translate("RelationsBox", "None yet"))
            none.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(none)
        self._buttons()

    def texts(self) -> list[str]:
        """What the list says (for tests: what a user reads)."""
        return [i.text() for i in (self.list.item(n) for n in range(self.list.count())) if i]

    def _clicked(self, item: QListWidgetItem) -> None:
        uid = item.data(OTHER_ROLE)
        if uid:
            self.entityChosen.emit(uid)

    def selected(self) -> RelationInfo | None:
        item = self.list.currentItem()
        r = item.data(RELATION_ROLE) if item is not None else None
        return r if isinstance(r, RelationInfo) else None

    def _buttons(self) -> None:
        ok = self.selected() is not None and not self.controller.readonly
        self.delete_button.setEnabled(ok)

    def add_relation(self) -> None:
        if self.info is None:
            return
        dialog = RelationDialog(self.info, self.entities(), self)
        self.dialog = dialog

        def add() -> None:
            values = dialog.values()
            if values is not None:
                source, target, label = values
                commands.push(
                    self.controller,
                    AddRelation(
                        self.controller,
                        source,
                        target,
                        label,
                        date=dialog.date.text().strip() or None,
                        notes=dialog.notes.text().strip() or None,
                        text=dialog.sentence(),
                    ),
                )

        dialog.accepted.connect(add)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def delete_relation(self) -> None:
        r = self.selected()
        if r is not None and not self.controller.readonly:
            commands.push(self.controller, DeleteRelation(self.controller, r))


__all__ = ["RelationsBox", "sentence"]  # i18n: not shown
