"""The menu bar and tool bar of the main window, with standard shortcuts, so every
action can be reached by keyboard (and listed in one place)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from casefile.ui.icons import icon


class MenuHost(Protocol):
    """What the menus call and fill in on the main window (which builds them, so it is
    described here rather than imported: docs/architecture.md, layers)."""

    undo_group: QUndoGroup
    recent_menu: QMenu
    view_menu: QMenu

    def new_case(self) -> None: ...
    def choose_case(self) -> None: ...
    def open_demo(self) -> None: ...
    def close_case(self) -> None: ...
    def choose_import_files(self) -> None: ...
    def choose_import_folder(self) -> None: ...
    def focus_search(self) -> None: ...
    def save_search(self) -> None: ...
    def show_all_documents(self) -> None: ...
    def open_original(self) -> None: ...
    def reveal_original(self) -> None: ...
    def delete_selected(self) -> None: ...
    def verify_case(self) -> None: ...
    def show_query_help(self) -> None: ...
    def about(self) -> None: ...
    def fill_recent_menu(self) -> None: ...
    def focus_pane(self, pane: str) -> None: ...


Keys = QKeySequence.StandardKey | str | None


def _action(
    win: QMainWindow,
    text: str,
    slot: Callable[[], object],
    keys: Keys = None,
    icon_name: str | None = None,
    tip: str | None = None,
) -> QAction:
    action = QAction(text, win)
    if icon_name:
        action.setIcon(icon(icon_name))
    if isinstance(keys, QKeySequence.StandardKey):
        action.setShortcuts(keys)
    elif keys:
        action.setShortcut(QKeySequence(keys))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(win: QMainWindow, host: MenuHost) -> dict[str, QAction]:
    """Menus and shortcuts of `win`, whose slots are those of `host` (the same window)."""
    a: dict[str, QAction] = {}
    S = QKeySequence.StandardKey
    a["new"] = _action(win, "&New Case…", host.new_case, S.New, "new-case")
    a["open"] = _action(win, "&Open Case…", host.choose_case, S.Open, "open-case")
    a["demo"] = _action(win, "Open &Demo Case", host.open_demo, None, "demo")
    a["close"] = _action(win, "&Close Case", host.close_case, S.Close)
    a["import_files"] = _action(
        win,
        "&Import Files…",
        host.choose_import_files,
        "Ctrl+I",
        "import",
        "Copy files into the case (a bulk job: not undoable)",
    )
    a["import_folder"] = _action(
        win, "Import &Folder…", host.choose_import_folder, "Ctrl+Shift+I", "import"
    )
    a["quit"] = _action(win, "&Quit", win.close, S.Quit)
    a["find"] = _action(win, "&Find…", host.focus_search, S.Find, "search")
    a["save_search"] = _action(
        win, "&Save Search…", host.save_search, "Ctrl+Shift+S", "saved-search"
    )
    a["all_docs"] = _action(
        win, "Show &All Documents", host.show_all_documents, "Ctrl+Shift+A", "documents"
    )
    a["open_original"] = _action(
        win,
        "Open &Original",
        host.open_original,
        "Ctrl+Shift+O",
        "open-external",
        "Open a read-only copy in the system viewer",
    )
    a["reveal"] = _action(win, "&Reveal in Folder", host.reveal_original, "Ctrl+Shift+R", "reveal")
    a["delete"] = _action(win, "&Delete…", host.delete_selected, S.Delete, "delete")
    a["verify"] = _action(
        win,
        "&Verify Originals",
        host.verify_case,
        "Ctrl+Shift+V",
        "verify",
        "Re-hash every original and report any change",
    )
    a["syntax"] = _action(win, "Search &Syntax", host.show_query_help, S.HelpContents, "help")
    a["about"] = _action(win, "&About Casefile", host.about)

    undo = host.undo_group.createUndoAction(win, "&Undo")
    undo.setShortcuts(S.Undo)
    undo.setIcon(icon("undo"))
    redo = host.undo_group.createRedoAction(win, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(S.Redo)])
    redo.setIcon(icon("redo"))
    a["undo"], a["redo"] = undo, redo

    bar = win.menuBar()
    file = bar.addMenu("&File")
    for k in ("new", "open", "demo"):
        file.addAction(a[k])
    host.recent_menu = QMenu("Open &Recent", win)
    host.recent_menu.aboutToShow.connect(host.fill_recent_menu)
    file.addMenu(host.recent_menu)
    file.addAction(a["close"])
    file.addSeparator()
    file.addAction(a["import_files"])
    file.addAction(a["import_folder"])
    file.addSeparator()
    file.addAction(a["quit"])
    edit = bar.addMenu("&Edit")
    edit.addAction(undo)
    edit.addAction(redo)
    edit.addSeparator()
    edit.addAction(a["find"])
    edit.addAction(a["save_search"])
    view = bar.addMenu("&View")
    view.addAction(a["all_docs"])
    view.addSeparator()
    for n, (label, pane) in enumerate(
        (
            ("Navigator", "navigator"),
            ("Documents", "centre"),
            ("Viewer", "viewer"),
            ("Metadata", "metadata"),
        ),
        start=1,
    ):
        a[f"focus_{pane}"] = _action(
            win, f"Go to {label}", partial(host.focus_pane, pane), f"Alt+{n}"
        )
        view.addAction(a[f"focus_{pane}"])
    host.view_menu = view
    doc = bar.addMenu("&Document")
    for k in ("open_original", "reveal"):
        doc.addAction(a[k])
    doc.addSeparator()
    doc.addAction(a["delete"])
    case = bar.addMenu("&Case")
    case.addAction(a["verify"])
    help_ = bar.addMenu("&Help")
    help_.addAction(a["syntax"])
    help_.addAction(a["about"])
    return a
