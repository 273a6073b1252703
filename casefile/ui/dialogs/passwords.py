"""Passwords for the locked PDFs of an import: one field per file, a result per row,
and "Try on all" for the common case of one password for a whole bundle. A wrong
password says so and the row can be tried again; nothing is ever stuck on "Reading…"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casefile.ui.i18n import plural, translate
from casefile.ui.icons import icon
from casefile.ui.labels import status_label
from casefile.ui.plain import ElidedLabel, plain_label

VISIBLE_ROWS = 4  # more locked files than this scroll


@dataclass
class _Row:
    uid: str
    name: QLabel
    password: QLineEdit
    read: QPushButton
    result: QLabel
    done: bool = False


class PasswordRows(QWidget):
    unlockRequested = Signal(str, str)  # document uid, password

    def __init__(self, locked: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        """`locked`: (document uid, file path) of each PDF that needs a password."""
        super().__init__(parent)
        self.rows: dict[str, _Row] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        n = len(locked)
        layout.addWidget(
            plain_label(
                plural(
                    "%n PDF(s) cannot be read without a password. "
                    "The password is kept for this session only, never in the case.",
                    "",
                    n,
                ),
                wrap=True,
            )
        )
        self.all_password = QLineEdit()
        self.all_button = QPushButton(icon("lock"), translate("PasswordRows", "Try on all"))
        if n > 1:
            row = QHBoxLayout()
            self.all_password.setEchoMode(QLineEdit.EchoMode.Password)
            self.all_password.setPlaceholderText(
                translate("PasswordRows", "One password for all of them")
            )
            self.all_password.setAccessibleName(
                translate("PasswordRows", "Password to try on every locked PDF")
            )
            row.addWidget(self.all_password, 1)
            row.addWidget(self.all_button)
            self.all_button.clicked.connect(self.try_on_all)
            self.all_password.returnPressed.connect(self.try_on_all)
            layout.addLayout(row)
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)
        for i, (uid, path) in enumerate(locked):
            r = _Row(
                uid,
                ElidedLabel(Path(path).name),
                QLineEdit(),
                QPushButton(translate("PasswordRows", "Read")),
                ElidedLabel(""),
            )
            r.password.setEchoMode(QLineEdit.EchoMode.Password)
            r.password.setPlaceholderText(translate("PasswordRows", "Password"))
            r.password.setAccessibleName(
                translate("PasswordRows", "Password of {name}").format(name=Path(path).name)
            )
            r.read.clicked.connect(lambda _c=False, u=uid: self.try_one(u))
            r.password.returnPressed.connect(lambda u=uid: self.try_one(u))
            for col, w in enumerate((r.name, r.password, r.read, r.result)):
                grid.addWidget(w, i, col)
            self.rows[uid] = r
        if n > VISIBLE_ROWS:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(grid_box)
            height = grid_box.sizeHint().height() * VISIBLE_ROWS // n
            scroll.setFixedHeight(height + 8)
            layout.addWidget(scroll)
        else:
            layout.addWidget(grid_box)

    def try_one(self, uid: str, password: str | None = None) -> None:
        r = self.rows[uid]
        password = password if password is not None else r.password.text()
        if r.done or not password:
            return
        r.read.setEnabled(False)
        r.password.setEnabled(False)
        r.result.setText(translate("PasswordRows", "Reading…"))
        self.unlockRequested.emit(uid, password)

    def try_on_all(self) -> None:
        password = self.all_password.text()
        if not password:
            return
        for uid, r in self.rows.items():
            if not r.done and r.read.isEnabled():
                self.try_one(uid, password)

    def show_result(self, uid: str, status: str | None, error: str | None = None) -> None:
        """The re-read of one file ended: its new status, or the error that stopped it."""
        r = self.rows.get(uid)
        if r is None:
            return
        if error is None and status != "password_required":
            r.done = True
            r.result.setText(
                translate("PasswordRows", "Read with the password.")
                if status == "ok"
                else translate("PasswordRows", "Read: {status}").format(
                    status=status_label(status or "")
                )
            )
            r.password.clear()
            return
        r.read.setEnabled(True)
        r.password.setEnabled(True)
        r.password.selectAll()
        r.result.setText(error or translate("PasswordRows", "Wrong password; try again."))

    @property
    def pending(self) -> list[str]:
        return [u for u, r in self.rows.items() if not r.done]
