"""The main window's tool bar: import, open the original, verify, export (a click
exports, the arrow picks the kind), and the search box with its keys. The window owns
what the search box does (`SearchSlots`); this module only lays the bar out."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QMenu, QToolBar, QToolButton, QWidget

from casefile.ui.i18n import translate
from casefile.ui.icons import icon
from casefile.ui.menus import ActionSet


class SearchSlots(Protocol):
    def run_search(self) -> None: ...
    def show_all_documents(self) -> None: ...
    def focus_results(self) -> None: ...
    def search_text_changed(self, text: str) -> None: ...


def build_main_toolbar(
    actions: ActionSet, slots: SearchSlots, parent: QWidget
) -> tuple[QToolBar, QLineEdit]:
    """The bar and its search box."""
    bar = QToolBar(translate("MainToolbar", "Main"))
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addAction(actions.file.import_files)
    bar.addAction(actions.document.open_original)
    bar.addAction(actions.case.verify)
    export = actions.file.export
    export_menu = QMenu(parent)
    for act in actions.file.export_kinds:
        export_menu.addAction(act)
    export.setMenu(export_menu)
    bar.addAction(export)
    button = bar.widgetForAction(export)
    if isinstance(button, QToolButton):  # a click exports, the arrow picks the kind
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    spacer = QWidget()
    spacer.setSizePolicy(
        spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
    )
    bar.addWidget(spacer)
    field = QLineEdit()
    field.setPlaceholderText(
        translate("MainToolbar", "Search the case (Ctrl+F)… e.g. санкции AND Helix")
    )
    field.setClearButtonEnabled(True)
    field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
    field.setMinimumWidth(340)
    field.setAccessibleName(translate("MainToolbar", "Search"))
    field.returnPressed.connect(slots.run_search)
    # An emptied box (its clear button, or the text deleted) shows no results.
    field.textChanged.connect(slots.search_text_changed)
    for key, slot in (
        (Qt.Key.Key_Escape, slots.show_all_documents),
        (Qt.Key.Key_Down, slots.focus_results),
    ):
        shortcut = QShortcut(QKeySequence(key), field)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)
    bar.addWidget(field)
    bar.addAction(actions.help.syntax)
    return bar, field
