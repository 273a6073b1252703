"""One entity's page: kind, name, aliases (weak, former), grade and notes; the
documents and pages that mention it, in context (a click opens the viewer at the
span); its relations. Edit, rename, add or remove an alias, split one off, merge into
another entity, delete: each an undoable command (`commands.py`). The mentions are laid
out by `entity_mentions.py`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.core import services
from casefile.core.case import Case
from casefile.core.errors import CasefileError
from casefile.core.services import AliasInfo, EntityInfo, MentionInfo, RelationInfo
from casefile.ui.controller import CaseController
from casefile.ui.entities import commands, kinds
from casefile.ui.entities.dialogs import (
    AliasDialog,
    ChooseEntityDialog,
    EditEntityDialog,
)
from casefile.ui.entities.entity_mentions import MentionTree
from casefile.ui.entities.picker import fold
from casefile.ui.entities.relations_box import RelationsBox
from casefile.ui.i18n import plural, translate
from casefile.ui.plain import plain_label

MENTION_LIMIT = 2000  # shown on the page; the counts above say how many there are


def read_page(
    case: Case, uid: str
) -> tuple[EntityInfo, list[MentionInfo], list[RelationInfo]] | None:
    """Everything the page shows, in one read (None: the entity is gone)."""
    try:
        info = services.get_entity(case, uid)
    except CasefileError:
        return None
    found = services.mentions(case, entity=info.uid, limit=MENTION_LIMIT)
    return info, found, services.list_relations(case, info.uid)


def _heading(text: str) -> QLabel:
    label = plain_label(text, bold=True)
    return label


class EntityPage(QWidget):
    mentionOpened = Signal(object)  # MentionInfo: open the viewer at it
    entityChosen = Signal(str)  # another entity (a relation's other end, a merge's result)

    def __init__(
        self,
        controller: CaseController,
        entities: Callable[[], Sequence[EntityInfo]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.entities = entities  # the list the panel holds, for completion
        self.info: EntityInfo | None = None
        self.uid: str | None = None
        self.dialog: QDialog | None = None
        self._generation = 0
        self._build()
        self.show_entity(None)

    def _build(self) -> None:
        self.name = plain_label(bold=True, wrap=True, selectable=True)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.name.setFont(font)
        self.name.setAccessibleName(translate("EntityPage", "Entity name"))
        self.kind_dot = QLabel()
        self.summary = plain_label(wrap=True)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_dot)
        kind_row.addWidget(self.summary, 1)
        ro = self.controller.readonly
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (
            ("edit", translate("EntityPage", "&Edit…"), self.edit),
            ("alias", translate("EntityPage", "Add &Alias…"), self.add_alias),
            ("merge", translate("EntityPage", "&Merge Into…"), self.merge),
            ("delete", translate("EntityPage", "&Delete"), self.delete),
        ):
            b = QPushButton(text)
            b.clicked.connect(lambda _c=False, s=slot: s())
            b.setEnabled(not ro)
            row.addWidget(b)
            self.buttons[key] = b
        row.addStretch(1)
        self.buttons["merge"].setToolTip(
            translate(
                "EntityPage",
                "Fold this entity into another: its aliases, mentions and relations move there.",
            )
        )
        self.aliases = QListWidget()
        self.aliases.setAccessibleName(translate("EntityPage", "Aliases"))
        self.aliases.setMaximumHeight(110)
        alias_row = QHBoxLayout()
        self.remove_alias_button = QPushButton(translate("EntityPage", "&Remove Alias"))
        self.remove_alias_button.clicked.connect(lambda _c=False: self.remove_alias())
        self.split_button = QPushButton(translate("EntityPage", "S&plit Off…"))
        self.split_button.setToolTip(
            translate(
                "EntityPage", "Make this alias an entity of its own; its mentions go with it."
            )
        )
        self.split_button.clicked.connect(lambda _c=False: self.split())
        alias_row.addWidget(self.remove_alias_button)
        alias_row.addWidget(self.split_button)
        alias_row.addStretch(1)
        self.aliases.currentItemChanged.connect(lambda *_a: self._alias_buttons())
        self.notes = plain_label(wrap=True, selectable=True)
        self.mention_heading = _heading(translate("EntityPage", "Mentions"))
        self.mention_tree = MentionTree()
        self.mention_tree.mentionOpened.connect(self.mentionOpened)
        self.relations = RelationsBox(self.controller, self.entities)
        self.relations.entityChosen.connect(self.entityChosen)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.name)
        layout.addLayout(kind_row)
        layout.addLayout(row)
        self.alias_heading = _heading(translate("EntityPage", "Aliases"))
        layout.addWidget(self.alias_heading)
        layout.addWidget(self.aliases)
        layout.addLayout(alias_row)
        self.notes_heading = _heading(translate("EntityPage", "Notes"))
        layout.addWidget(self.notes_heading)
        layout.addWidget(self.notes)
        layout.addWidget(self.mention_heading)
        layout.addWidget(self.mention_tree, 1)
        self.relations_heading = _heading(translate("EntityPage", "Relations"))
        layout.addWidget(self.relations_heading)
        layout.addWidget(self.relations)
        self.empty = QLabel(
            translate("EntityPage", "Choose an entity to see its aliases, mentions and relations.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(body)
        self.body = body
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    # -- showing --------------------------------------------------------------------------
    def show_entity(self, uid: str | None) -> None:
        self.uid = uid
        self._generation += 1
        generation = self._generation
        if uid is None:
            self.info = None
            self.stack.setCurrentWidget(self.empty)
            return

        def show(data: Any) -> None:
            if generation == self._generation:
                self._fill(data)

        self.controller.read(read_page, uid, on_done=show)

    def refresh(self) -> None:
        self.show_entity(self.uid)

    def _fill(self, data: tuple[EntityInfo, list[MentionInfo], list[RelationInfo]] | None) -> None:
        if data is None:
            self.info = None
            self.stack.setCurrentWidget(self.empty)
            return
        info, found, relations = data
        self.info = info
        self.stack.setCurrentWidget(self.body)
        self.name.setText(info.name)
        self.kind_dot.setPixmap(kinds.swatch(info.kind).pixmap(12, 12))
        grade = f"{info.reliability_source or ''}{info.reliability_info or ''}"
        bits = [
            kinds.label(info.kind),
            plural("%n document(s)", "", info.documents),
            plural("%n mention(s)", "", info.mentions),
        ]
        if grade:
            bits.append(translate("EntityPage", "grade {grade}").format(grade=grade))
        self.summary.setText(" · ".join(bits))
        self.aliases.clear()
        for a in info.aliases:
            item = QListWidgetItem(self._alias_text(info, a))
            item.setData(Qt.ItemDataRole.UserRole, a)
            self.aliases.addItem(item)
        self._alias_buttons()
        self.notes.setText(info.notes or "—")
        self.mention_heading.setText(self.mention_tree.fill(info, found))
        self.relations.show_relations(info, relations)

    @staticmethod
    def _alias_text(info: EntityInfo, a: AliasInfo) -> str:
        marks = []
        if fold(a.text) == fold(info.name):
            marks.append(translate("EntityPage", "name"))
        if a.weak:
            marks.append(translate("EntityPage", "weak: exactly as written"))
        if a.former:
            marks.append(translate("EntityPage", "former"))
        return a.text + (f"   ({', '.join(marks)})" if marks else "")

    # -- edits ----------------------------------------------------------------------------
    def _selected_alias(self) -> AliasInfo | None:
        item = self.aliases.currentItem()
        a = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return a if isinstance(a, AliasInfo) else None

    def _alias_buttons(self) -> None:
        a = self._selected_alias()
        info = self.info
        is_name = a is not None and info is not None and fold(a.text) == fold(info.name)
        ok = a is not None and not self.controller.readonly
        self.remove_alias_button.setEnabled(ok and not is_name)
        self.split_button.setEnabled(ok and info is not None and len(info.aliases) > 1)

    def edit(self) -> None:
        if self.info is None:
            return
        info = self.info
        dialog = EditEntityDialog(info, self)

        def save() -> None:
            old, new = dialog.changes()
            if new:
                commands.push(
                    self.controller,
                    commands.EditEntity(self.controller, info.uid, info.name, old, new),
                )

        self._open(dialog, save)

    def _open(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        """Window-modal, never blocking (`self.dialog` is what is open, for tests)."""
        self.dialog = dialog
        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def add_alias(self) -> None:
        if self.info is None:
            return
        uid = self.info.uid
        dialog = AliasDialog(self.info, self)

        def add() -> None:
            text = dialog.text.text().strip()
            if text:
                commands.push(
                    self.controller,
                    commands.AddAlias(
                        self.controller,
                        uid,
                        [text],
                        weak=dialog.weak.isChecked(),
                        former=dialog.former.isChecked(),
                    ),
                )

        self._open(dialog, add)

    def remove_alias(self) -> None:
        a = self._selected_alias()
        if self.info is not None and a is not None:
            commands.push(self.controller, commands.RemoveAlias(self.controller, self.info.uid, a))

    def split(self) -> None:
        a = self._selected_alias()
        if self.info is None or a is None:
            return

        def done(new: Any) -> None:
            self.controller.message.emit(
                translate(
                    "EntityPage",
                    "“{name}” is now an entity of its own; Edit → Undo merges it back.",
                ).format(name=new.name)
            )

        commands.push(
            self.controller, commands.SplitAlias(self.controller, self.info.uid, a.text, done)
        )

    def merge(self) -> None:
        info = self.info
        if info is None:
            return
        dialog = ChooseEntityDialog(
            translate("EntityPage", "Merge Into"),
            translate(
                "EntityPage",
                "Merge “{name}” into which entity? Its aliases, mentions and relations "
                "move there, and it is gone (Edit → Undo brings it back).",
            ).format(name=info.name),
            self.entities(),
            self,
            exclude=info.uid,
            ok_text=translate("EntityPage", "Merge"),
        )

        def merge() -> None:
            keep = dialog.chosen()
            if keep is not None:
                commands.push(
                    self.controller,
                    commands.MergeEntities(
                        self.controller, keep.uid, info.uid, info.name, keep.name
                    ),
                )
                self.entityChosen.emit(keep.uid)

        self._open(dialog, merge)

    def delete(self) -> None:
        """At once, as a file manager would: Edit → Undo brings it all back."""
        info = self.info
        if info is None:
            return
        commands.push(self.controller, commands.DeleteEntity(self.controller, info.uid, info.name))
        self.controller.message.emit(
            translate(
                "EntityPage",
                "Deleted the entity “{name}” and its mentions; Edit → Undo brings it back.",
            ).format(name=info.name)
        )
