"""Help → About: the version (one source, `casefile/version.py`), the licence, and the
versions of Qt and Python the running program was built with."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from casefile import __version__
from casefile.ui.i18n import translate
from casefile.ui.icons import app_icon


def about_box(parent: QWidget) -> QMessageBox:
    title = translate("about", "About Casefile")
    box = QMessageBox(QMessageBox.Icon.NoIcon, title, "", parent=parent)
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setText(f"<b>Casefile {__version__}</b>")
    text = translate(
        "about",
        "Offline case files for investigators. Nothing you do here leaves this "
        "computer.<br><br>Licence: Apache-2.0. Built with Qt for Python "
        "(PySide6 {pyside}, LGPL-3.0), SQLAlchemy, Whoosh and pypdf."
        "<br><br>Qt {qt} · Python {python}",
    )
    box.setInformativeText(
        text.format(pyside=pyside_version, qt=qVersion(), python=platform.python_version())
    )
    return box
