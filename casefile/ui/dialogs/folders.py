"""Choosing what to import: the file dialogs start where the user last imported from
(not always the home folder), and Import Folder takes several folders at once.

The platform's folder picker selects one folder only, so Import Folder uses Qt's own
dialog with its lists switched to multiple selection (Ctrl/Shift-click)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QListView, QTreeView, QWidget

from casefile.ui.i18n import translate
from casefile.ui.settings import Settings

LAST_DIR_KEY = "import/last_folder"


def start_folder(settings: Settings) -> str:
    """The folder the last import came from, if it still exists; else the home folder."""
    last = settings.get(LAST_DIR_KEY)
    if isinstance(last, str) and last and Path(last).is_dir():
        return last
    return str(Path.home())


def remember(settings: Settings, paths: list[str]) -> None:
    """Remember where these came from (a folder's parent, a file's folder)."""
    if paths:
        settings.set(LAST_DIR_KEY, str(Path(paths[0]).parent))


def folders_dialog(parent: QWidget | None, start: str) -> QFileDialog:
    dialog = QFileDialog(
        parent, translate("folders", "Import folders (Ctrl-click to choose several)"), start
    )
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    for view in dialog.findChildren(QListView) + dialog.findChildren(QTreeView):
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    return dialog


def choose_folders(parent: QWidget | None, settings: Settings) -> list[str]:
    dialog = folders_dialog(parent, start_folder(settings))
    if not dialog.exec():
        return []
    paths = [p for p in dialog.selectedFiles() if Path(p).is_dir()]
    remember(settings, paths)
    return paths


def choose_files(parent: QWidget | None, settings: Settings) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(
        parent, translate("folders", "Import files"), start_folder(settings)
    )
    remember(settings, paths)
    return paths
