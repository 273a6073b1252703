"""The small dialogs of the entities GUI: tag a selection, edit an entity, add an
alias, choose another entity (merge into, accept a suggestion as an alias of)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casefile.core.services import COMMON_LABELS, EntityInfo
from casefile.core.vocabulary import InfoGrade, SourceGrade
from casefile.ui.entities import kinds
from casefile.ui.entities.picker import EntityPicker, fold
from casefile.ui.i18n import plural, translate
from casefile.ui.plain import plain_label
from casefile.ui.viewer_selection import TextSelection


def kind_box(current: str = "person") -> QComboBox:
    box = QComboBox()
    for k in kinds.KINDS:
        box.addItem(kinds.swatch(k), kinds.label(k), k)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class TagDialog(QDialog):
    """ "Tag as entity…": an existing entity (completed as you type) or a new one."""

    def __init__(
        self, selection: TextSelection, entities: Sequence[EntityInfo], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("TagDialog", "Tag as Entity"))
        self.selection = selection
        quote = " ".join(selection.quote.split())
        self.picker = EntityPicker(entities)
        self.picker.setText(quote)
        self.picker.setAccessibleName(translate("TagDialog", "Entity"))
        self.kind = kind_box()
        self.what = plain_label(wrap=True)
        self.as_alias = QCheckBox(
            translate("TagDialog", "Also add “{quote}” as an alias").format(quote=quote[:60])
        )
        self.as_alias.setToolTip(
            translate("TagDialog", "Then it is found by itself in every document, in every form.")
        )
        form = QFormLayout()
        selected = translate("TagDialog", "Selected: “{quote}”").format(quote=quote[:200])
        form.addRow(plain_label(selected, wrap=True))
        form.addRow(translate("TagDialog", "&Entity:"), self.picker)
        form.addRow("", self.what)
        form.addRow(translate("TagDialog", "&Kind:"), self.kind)
        form.addRow("", self.as_alias)
        self.ok = _buttons(self, translate("TagDialog", "Tag"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.ok)
        self.picker.textChanged.connect(lambda _t: self._update())
        self.resize(460, self.sizeHint().height())
        self._update()

    def _update(self) -> None:
        e = self.picker.chosen()
        name = " ".join(self.picker.text().split())
        self.kind.setEnabled(e is None)
        if e is not None:
            self.what.setText(
                translate("TagDialog", "A mention of {name} ({kind}).").format(
                    name=e.name, kind=kinds.label(e.kind).lower()
                )
            )
            known = {fold(a.text) for a in e.aliases}
            self.as_alias.setEnabled(fold(self.selection.quote) not in known)
        else:
            self.what.setText(
                translate("TagDialog", "A new entity: “{name}”.").format(name=name)
                if name
                else translate("TagDialog", "Type a name.")
            )
            self.as_alias.setEnabled(fold(name) != fold(self.selection.quote))
        if not self.as_alias.isEnabled():
            self.as_alias.setChecked(False)
        self.ok.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(name))

    def result_values(self) -> dict[str, Any]:
        """`entity_uid` or `new` (name, kind), and `as_alias`: TagSelection's keywords."""
        e = self.picker.chosen()
        alias = self.as_alias.isChecked() and self.as_alias.isEnabled()
        if e is not None:
            return {"entity_uid": e.uid, "new": None, "as_alias": alias, "name": e.name}
        name = " ".join(self.picker.text().split())
        return {
            "entity_uid": None,
            "new": (name, self.kind.currentData()),
            "as_alias": alias,
            "name": name,
        }


class NewEntityDialog(QDialog):
    def __init__(self, parent: QWidget | None, kind: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("NewEntityDialog", "New Entity"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(translate("NewEntityDialog", "The name it is best known by"))
        self.kind = kind_box(kind or "person")
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(
            translate("NewEntityDialog", "Other names, comma-separated, any script")
        )
        form = QFormLayout()
        form.addRow(translate("NewEntityDialog", "&Name:"), self.name)
        form.addRow(translate("NewEntityDialog", "&Kind:"), self.kind)
        form.addRow(translate("NewEntityDialog", "&Aliases:"), self.aliases)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons = _buttons(self, translate("NewEntityDialog", "Create"))
        layout.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        ok.setEnabled(False)
        self.resize(440, self.sizeHint().height())

    def values(self) -> tuple[str, str, list[str]]:
        aliases = [a.strip() for a in self.aliases.text().split(",") if a.strip()]
        return " ".join(self.name.text().split()), self.kind.currentData(), aliases


class EditEntityDialog(QDialog):
    def __init__(self, info: EntityInfo, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("EditEntityDialog", "Edit Entity"))
        self.info = info
        self.name = QLineEdit(info.name)
        self.kind = kind_box(info.kind)
        self.notes = QPlainTextEdit(info.notes or "")
        self.notes.setTabChangesFocus(True)
        self.source = QComboBox()
        self.source.addItem("—", None)
        for g in SourceGrade:
            self.source.addItem(g.value, g.value)
        self.source.setCurrentIndex(max(0, self.source.findData(info.reliability_source)))
        self.credibility = QComboBox()
        self.credibility.addItem("—", None)
        for i in InfoGrade:
            self.credibility.addItem(str(i.value), i.value)
        self.credibility.setCurrentIndex(max(0, self.credibility.findData(info.reliability_info)))
        form = QFormLayout()
        form.addRow(translate("EditEntityDialog", "&Name:"), self.name)
        form.addRow(translate("EditEntityDialog", "&Kind:"), self.kind)
        form.addRow(translate("EditEntityDialog", "Source &reliability (A–F):"), self.source)
        form.addRow(
            translate("EditEntityDialog", "&Information credibility (1–6):"), self.credibility
        )
        form.addRow(translate("EditEntityDialog", "N&otes:"), self.notes)
        note = QLabel(
            translate(
                "EditEntityDialog", "A new name is added to the aliases; the old one stays one."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)  # the whole width: the labels are long in Russian
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, translate("EditEntityDialog", "Save")))
        self.resize(540, 360)

    def changes(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(old, new) values of what changed, as `services.edit_entity` takes them."""
        i = self.info
        old: dict[str, Any] = {}
        new: dict[str, Any] = {}
        name = " ".join(self.name.text().split())
        if name and name != i.name:
            old["name"], new["name"] = i.name, name
        if self.kind.currentData() != i.kind:
            old["kind"], new["kind"] = i.kind, self.kind.currentData()
        notes = self.notes.toPlainText().strip()
        if notes != (i.notes or ""):
            old["notes"], new["notes"] = i.notes or "", notes
        grade = (self.source.currentData(), self.credibility.currentData())
        if grade != (i.reliability_source, i.reliability_info):
            old["grade"], new["grade"] = (i.reliability_source, i.reliability_info), grade
        return old, new


class AliasDialog(QDialog):
    def __init__(self, info: EntityInfo, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AliasDialog", "Add Alias to {name}").format(name=info.name))
        self.text = QLineEdit()
        self.text.setPlaceholderText(
            translate("AliasDialog", "Another name, in any script: Форрест, D. Forrest…")
        )
        self.weak = QCheckBox(
            translate(
                "AliasDialog", "&Weak: an acronym or short form, found only exactly as written"
            )
        )
        self.former = QCheckBox(
            translate("AliasDialog", "&Former name: kept on record, not searched for")
        )
        form = QFormLayout()
        form.addRow(translate("AliasDialog", "&Alias:"), self.text)
        form.addRow("", self.weak)
        form.addRow("", self.former)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, translate("AliasDialog", "Add")))
        self.resize(460, self.sizeHint().height())


class RelationDialog(QDialog):
    """A relation from (or to) this entity: a label such as "owns" or "employs" (or any
    words), the other entity with completion, and an optional EDTF date or period."""

    def __init__(
        self, info: EntityInfo, entities: Sequence[EntityInfo], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("RelationDialog", "Add Relation of {name}").format(name=info.name)
        )
        self.info = info
        self.direction = QComboBox()
        self.direction.addItem(
            translate("RelationDialog", "{name} → the other").format(name=info.name), "out"
        )
        self.direction.addItem(
            translate("RelationDialog", "the other → {name}").format(name=info.name), "in"
        )
        self.label = QComboBox()
        self.label.setEditable(True)
        self.label.addItems(list(COMMON_LABELS))
        self.label.setCurrentText("")
        self.picker = EntityPicker(entities, exclude=info.uid)
        self.date = QLineEdit()
        self.date.setPlaceholderText(
            translate("RelationDialog", "Optional EDTF: 2019-03/2024-03-15, 2023, 2024-05~")
        )
        self.notes = QLineEdit()
        self.what = plain_label(wrap=True)
        form = QFormLayout()
        form.addRow(translate("RelationDialog", "&Direction:"), self.direction)
        form.addRow(translate("RelationDialog", "&Relation:"), self.label)
        form.addRow(translate("RelationDialog", "&Other entity:"), self.picker)
        form.addRow("", self.what)
        form.addRow(translate("RelationDialog", "D&ate:"), self.date)
        form.addRow(translate("RelationDialog", "&Notes:"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons = _buttons(self, translate("RelationDialog", "Add"))
        layout.addWidget(self.buttons)
        for signal in (self.picker.textChanged, self.label.currentTextChanged):
            signal.connect(lambda _t: self._update())
        self.direction.currentIndexChanged.connect(lambda _i: self._update())
        self.resize(560, self.sizeHint().height())
        self._update()

    def values(self) -> tuple[str, str, str] | None:
        """(source uid, target uid, label) as chosen, or None while incomplete."""
        other = self.picker.chosen()
        label = " ".join(self.label.currentText().split())
        if other is None or not label:
            return None
        if self.direction.currentData() == "out":
            return self.info.uid, other.uid, label
        return other.uid, self.info.uid, label

    def sentence(self) -> str:
        other = self.picker.chosen()
        label = " ".join(self.label.currentText().split()) or "…"
        name = other.name if other else "…"
        if self.direction.currentData() == "out":
            return f"{self.info.name} {label} {name}"
        return f"{name} {label} {self.info.name}"

    def _update(self) -> None:
        self.what.setText(self.sentence())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.values() is not None
        )


class ChooseEntityDialog(QDialog):
    """Choose another entity by name or alias, with completion."""

    def __init__(
        self,
        title: str,
        prompt: str,
        entities: Sequence[EntityInfo],
        parent: QWidget | None,
        exclude: str | None = None,
        ok_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.picker = EntityPicker(entities, exclude=exclude)
        self.what = plain_label(wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(prompt, wrap=True))
        layout.addWidget(self.picker)
        layout.addWidget(self.what)
        self.buttons = _buttons(self, ok_text or translate("ChooseEntityDialog", "OK"))
        layout.addWidget(self.buttons)
        self.picker.textChanged.connect(lambda _t: self._update())
        self.resize(440, self.sizeHint().height())
        self._update()

    def _update(self) -> None:
        e = self.picker.chosen()
        self.what.setText(
            translate("ChooseEntityDialog", "{name} ({kind}, {documents})").format(
                name=e.name,
                kind=kinds.label(e.kind).lower(),
                documents=plural("%n document(s)", "", e.documents),
            )
            if e
            else translate("ChooseEntityDialog", "No entity has that name yet.")
            if self.picker.text().strip()
            else ""
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(e is not None)

    def chosen(self) -> EntityInfo | None:
        return self.picker.chosen()
