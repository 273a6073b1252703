"""The window's actions as typed sets (File, Edit, View, Document, Case, Help), with
standard shortcuts so every action can be reached by keyboard, and the menu bar that
lists them in one place. The window builds the sets with the slots of the objects it is
composed of (see main_window); this module knows none of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from casefile.ui.i18n import translate
from casefile.ui.icons import icon
from casefile.ui.main_window_actions import CaseCommands
from casefile.ui.main_window_cases import CaseLifecycle

Keys = QKeySequence.StandardKey | str | None
S = QKeySequence.StandardKey


def action(
    parent: QWidget,
    text: str,
    slot: Callable[[], object],
    keys: Keys = None,
    icon_name: str | None = None,
    tip: str | None = None,
) -> QAction:
    act = QAction(text, parent)
    if icon_name:
        act.setIcon(icon(icon_name))
    if isinstance(keys, QKeySequence.StandardKey):
        act.setShortcuts(keys)
    elif keys:
        act.setShortcut(QKeySequence(keys))
    if tip:
        act.setStatusTip(tip)
    act.triggered.connect(lambda _checked=False: slot())
    return act


class WindowSlots(Protocol):
    """What the window itself does (the rest is done by `CaseLifecycle`,
    `CaseCommands` and `PaneSlots`)."""

    def close(self) -> bool: ...
    def show_query_help(self) -> None: ...
    def about(self) -> None: ...
    def preferences(self) -> None: ...


class PaneSlots(Protocol):
    """The search and the jumps between panes (the window's `WindowSearch`)."""

    def focus_search(self) -> None: ...
    def save_search(self) -> None: ...
    def show_all_documents(self) -> None: ...
    def focus_pane(self, pane: str) -> None: ...


@dataclass(frozen=True)
class FileActions:
    new: QAction
    open: QAction
    demo: QAction
    open_archive: QAction
    close: QAction
    import_files: QAction
    import_folder: QAction
    export: QAction  # the export dialog, at the kind used last (the toolbar's button)
    export_kinds: tuple[QAction, ...]  # one per kind of export: File → Export ▸
    quit: QAction


@dataclass(frozen=True)
class EditActions:
    undo: QAction
    redo: QAction
    find: QAction
    save_search: QAction
    preferences: QAction  # the interface language (ui/dialogs/preferences.py)


@dataclass(frozen=True)
class ViewActions:
    all_docs: QAction
    focus: tuple[QAction, ...]  # Go to Navigator, Documents, Viewer, Metadata (Alt+1…4)


@dataclass(frozen=True)
class DocumentActions:
    """Act on what the user is looking at (see CaseView.target_uids)."""

    open_original: QAction
    reveal: QAction
    delete: QAction
    recognise: QAction  # OCR of the chosen documents (issue 16)


@dataclass(frozen=True)
class CaseActions:
    verify: QAction
    recognise_all: QAction  # OCR of every document waiting for it (issue 16)


@dataclass(frozen=True)
class HelpActions:
    syntax: QAction
    about: QAction


@dataclass(frozen=True)
class ActionSet:
    file: FileActions
    edit: EditActions
    view: ViewActions
    document: DocumentActions
    case: CaseActions
    help: HelpActions

    def __getitem__(self, name: str) -> QAction:
        """By the old flat name (`actions["delete"]`), for scripts and tests."""
        for group in (self.file, self.edit, self.view, self.document, self.case, self.help):
            found = getattr(group, name, None)
            if isinstance(found, QAction):
                return found
        raise KeyError(name)


def build_actions(
    parent: QWidget,
    undo_group: QUndoGroup,
    c: CaseLifecycle,
    m: CaseCommands,
    w: WindowSlots,
    p: PaneSlots,
) -> ActionSet:
    """Every action of the window, by menu, each wired to the object that does it."""
    undo, redo = undo_actions(parent, undo_group)
    panes = (
        (translate("menus", "Go to Navigator"), "navigator"),
        (translate("menus", "Go to Documents"), "centre"),
        (translate("menus", "Go to Viewer"), "viewer"),
        (translate("menus", "Go to Metadata"), "metadata"),
    )
    return ActionSet(
        file=FileActions(
            new=action(parent, translate("menus", "&New Case…"), c.new_case, S.New, "new-case"),
            open=action(
                parent, translate("menus", "&Open Case…"), c.choose_case, S.Open, "open-case"
            ),
            demo=action(parent, translate("menus", "Open &Demo Case"), c.open_demo, None, "demo"),
            open_archive=action(
                parent,
                translate("menus", "Open Case &Archive…"),
                c.choose_archive,
                None,
                "open-case",
            ),
            close=action(parent, translate("menus", "&Close Case"), c.close_case, S.Close),
            import_files=action(
                parent,
                translate("menus", "&Import Files…"),
                m.choose_import_files,
                "Ctrl+I",
                "import",
                translate("menus", "Copy files into the case (a bulk job: not undoable)"),
            ),
            import_folder=action(
                parent,
                translate("menus", "Import &Folder…"),
                m.choose_import_folder,
                "Ctrl+Shift+I",
                "import",
            ),
            export=action(
                parent,
                translate("menus", "&Export…"),
                m.export,
                None,
                "export",
                translate(
                    "menus",
                    "A report, spreadsheet tables (and more) of the case, "
                    "for people without Casefile",
                ),
            ),
            export_kinds=tuple(
                action(parent, f"{label}…", partial(m.export, kind), keys)
                for (kind, label), keys in zip(
                    export_kinds(), ["Ctrl+E", *([None] * 20)], strict=False
                )
            ),
            quit=action(parent, translate("menus", "&Quit"), w.close, S.Quit),
        ),
        edit=EditActions(
            undo=undo,
            redo=redo,
            find=action(parent, translate("menus", "&Find…"), p.focus_search, S.Find, "search"),
            save_search=action(
                parent,
                translate("menus", "&Save Search…"),
                p.save_search,
                "Ctrl+Shift+S",
                "saved-search",
            ),
            preferences=preferences_action(parent, w.preferences),
        ),
        view=ViewActions(
            all_docs=action(
                parent,
                translate("menus", "Show &All Documents"),
                p.show_all_documents,
                "Ctrl+Shift+A",
                "documents",
            ),
            focus=tuple(
                action(parent, label, partial(p.focus_pane, pane), f"Alt+{n}")  # i18n: not shown
                for n, (label, pane) in enumerate(panes, start=1)
            ),
        ),
        document=DocumentActions(
            open_original=action(
                parent,
                translate("menus", "Open &Original"),
                m.open_original,
                "Ctrl+Shift+O",
                "open-external",
                translate("menus", "Open a read-only copy in the system viewer"),
            ),
            reveal=action(
                parent,
                translate("menus", "&Reveal in Folder"),
                m.reveal_original,
                "Ctrl+Shift+R",
                "reveal",
            ),
            delete=action(
                parent, translate("menus", "&Delete…"), m.delete_selected, S.Delete, "delete"
            ),
            recognise=action(
                parent,
                translate("menus", "Recognise &Text"),
                m.recognise_selected,
                "Ctrl+Shift+T",
                None,
                translate(
                    "menus",
                    "Read the text of scanned pages with OCR (the original is never changed)",
                ),
            ),
        ),
        case=CaseActions(
            verify=action(
                parent,
                translate("menus", "&Verify Originals"),
                m.verify_case,
                "Ctrl+Shift+V",
                "verify",
                translate("menus", "Re-hash every original and report any change"),
            ),
            recognise_all=action(
                parent,
                translate("menus", "&Recognise Text of All Scans"),
                m.recognise_all,
                None,
                None,
                translate(
                    "menus", "Read the text of every scanned page and picture in the case with OCR"
                ),
            ),
        ),
        help=HelpActions(
            syntax=action(
                parent,
                translate("menus", "Search &Syntax"),
                w.show_query_help,
                S.HelpContents,
                "help",
            ),
            about=action(parent, translate("menus", "&About Casefile"), w.about),
        ),
    )


def preferences_action(parent: QWidget, slot: Callable[[], object]) -> QAction:
    """Edit → Preferences… (on macOS Qt moves it to the application menu by its role)."""
    act = action(parent, translate("menus", "&Preferences…"), slot, S.Preferences)
    act.setMenuRole(QAction.MenuRole.PreferencesRole)
    return act


def export_kinds() -> list[tuple[str, str]]:
    """(kind, menu text) of every kind of export the dialog offers, in its order; each
    text gets a mnemonic of its own (the first letter no earlier kind took)."""
    from casefile.ui.dialogs.export import PAGES

    used: set[str] = set()
    out = []
    for page in PAGES:
        label = page.label.replace("&", "&&")
        at = next((i for i, ch in enumerate(label) if ch.isalpha() and ch.lower() not in used), -1)
        if at >= 0:
            used.add(label[at].lower())
            label = f"{label[:at]}&{label[at:]}"
        out.append((page.kind, label))
    return out


def undo_actions(parent: QWidget, group: QUndoGroup) -> tuple[QAction, QAction]:
    undo = group.createUndoAction(parent, translate("menus", "&Undo"))
    undo.setShortcuts(S.Undo)
    undo.setIcon(icon("undo"))
    redo = group.createRedoAction(parent, translate("menus", "&Redo"))
    # Ctrl+Shift+Z everywhere, and the platform's own keys too (on Linux that is also
    # Ctrl+Shift+Z: a key given twice is an "ambiguous shortcut" and does nothing).
    redo_keys = [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(S.Redo)]
    redo.setShortcuts(list(dict.fromkeys(redo_keys)))
    redo.setIcon(icon("redo"))
    return undo, redo


def build_menu_bar(window: QMainWindow, a: ActionSet, recent: QMenu) -> None:
    bar = window.menuBar()
    file = bar.addMenu(translate("menus", "&File"))
    for act in (a.file.new, a.file.open, a.file.open_archive, a.file.demo):
        file.addAction(act)
    file.addMenu(recent)
    file.addAction(a.file.close)
    file.addSeparator()
    file.addAction(a.file.import_files)
    file.addAction(a.file.import_folder)
    export = file.addMenu(icon("export"), translate("menus", "&Export"))
    for act in a.file.export_kinds:
        export.addAction(act)
    file.addSeparator()
    file.addAction(a.file.quit)
    edit = bar.addMenu(translate("menus", "&Edit"))
    edit.addAction(a.edit.undo)
    edit.addAction(a.edit.redo)
    edit.addSeparator()
    edit.addAction(a.edit.find)
    edit.addAction(a.edit.save_search)
    edit.addSeparator()
    edit.addAction(a.edit.preferences)
    view = bar.addMenu(translate("menus", "&View"))
    view.addAction(a.view.all_docs)
    view.addSeparator()
    for act in a.view.focus:
        view.addAction(act)
    doc = bar.addMenu(translate("menus", "&Document"))
    doc.addAction(a.document.open_original)
    doc.addAction(a.document.reveal)
    doc.addAction(a.document.recognise)
    doc.addSeparator()
    doc.addAction(a.document.delete)
    case = bar.addMenu(translate("menus", "&Case"))
    case.addAction(a.case.verify)
    case.addAction(a.case.recognise_all)
    help_ = bar.addMenu(translate("menus", "&Help"))
    help_.addAction(a.help.syntax)
    help_.addAction(a.help.about)
