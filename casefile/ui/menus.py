"""The menu bar and tool bar of the main window, with standard shortcuts, so every
action can be reached by keyboard (and listed in one place)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from casefile.ui.icons import icon

if TYPE_CHECKING:
    from casefile.ui.main_window import MainWindow

Keys = QKeySequence.StandardKey | str | None


def _action(
    win: MainWindow,
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


def build_menus(win: MainWindow) -> dict[str, QAction]:
    a: dict[str, QAction] = {}
    S = QKeySequence.StandardKey
    a["new"] = _action(win, "&New Case…", win.new_case, S.New, "new-case")
    a["open"] = _action(win, "&Open Case…", win.choose_case, S.Open, "open-case")
    a["demo"] = _action(win, "Open &Demo Case", win.open_demo, None, "demo")
    a["close"] = _action(win, "&Close Case", win.close_case, S.Close)
    a["import_files"] = _action(
        win,
        "&Import Files…",
        win.choose_import_files,
        "Ctrl+I",
        "import",
        "Copy files into the case (a bulk job: not undoable)",
    )
    a["import_folder"] = _action(
        win, "Import &Folder…", win.choose_import_folder, "Ctrl+Shift+I", "import"
    )
    a["quit"] = _action(win, "&Quit", win.close, S.Quit)
    a["find"] = _action(win, "&Find…", win.focus_search, S.Find, "search")
    a["save_search"] = _action(
        win, "&Save Search…", win.save_search, "Ctrl+Shift+S", "saved-search"
    )
    a["all_docs"] = _action(
        win, "Show &All Documents", win.show_all_documents, "Ctrl+Shift+A", "documents"
    )
    a["open_original"] = _action(
        win,
        "Open &Original",
        win.open_original,
        "Ctrl+Shift+O",
        "open-external",
        "Open a read-only copy in the system viewer",
    )
    a["reveal"] = _action(win, "&Reveal in Folder", win.reveal_original, "Ctrl+Shift+R", "reveal")
    a["delete"] = _action(win, "&Delete…", win.delete_selected, S.Delete, "delete")
    a["verify"] = _action(
        win,
        "&Verify Originals",
        win.verify_case,
        "Ctrl+Shift+V",
        "verify",
        "Re-hash every original and report any change",
    )
    a["syntax"] = _action(win, "Search &Syntax", win.show_query_help, S.HelpContents, "help")
    a["about"] = _action(win, "&About Casefile", win.about)

    undo = win.undo_group.createUndoAction(win, "&Undo")
    undo.setShortcuts(S.Undo)
    undo.setIcon(icon("undo"))
    redo = win.undo_group.createRedoAction(win, "&Redo")
    # Ctrl+Shift+Z everywhere, and the platform's own keys too (on Linux that is also
    # Ctrl+Shift+Z: a key given twice is an "ambiguous shortcut" and does nothing).
    redo_keys = [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(S.Redo)]
    redo.setShortcuts(list(dict.fromkeys(redo_keys)))
    redo.setIcon(icon("redo"))
    a["undo"], a["redo"] = undo, redo

    bar = win.menuBar()
    file = bar.addMenu("&File")
    for k in ("new", "open", "demo"):
        file.addAction(a[k])
    win.recent_menu = QMenu("Open &Recent", win)
    win.recent_menu.aboutToShow.connect(win.fill_recent_menu)
    file.addMenu(win.recent_menu)
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
            win, f"Go to {label}", lambda p=pane: win.focus_pane(p), f"Alt+{n}"
        )
        view.addAction(a[f"focus_{pane}"])
    win.view_menu = view
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
