"""What the window shows with no case open: New, Open, Open demo, Recent cases, and a
notice area (a case locked by someone else says who holds it, with "Open read-only")."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.ui.i18n import translate
from casefile.ui.icons import icon, pixmap


def describe_holder(holder: dict[str, object]) -> str:
    """Who holds a case's lock, in words: "anna on laptop-7 (process 4242, since …)"."""
    who = holder.get("user") or translate("StartPage", "someone")
    host = holder.get("host") or translate("StartPage", "another computer")
    text = translate("StartPage", "{user} on {host}").format(user=who, host=host)
    details = []
    if holder.get("pid"):
        details.append(translate("StartPage", "process {pid}").format(pid=holder["pid"]))
    if holder.get("since"):
        since = str(holder["since"]).replace("T", " ")
        details.append(translate("StartPage", "since {time}").format(time=since))
    if not details:
        return text
    return translate("StartPage", "{holder} ({details})").format(
        holder=text, details=", ".join(details)
    )


class StartPage(QWidget):
    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    recentChosen = Signal(str)
    readOnlyRequested = Signal(str)
    retryRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locked_path = ""
        logo = QLabel()
        logo.setPixmap(pixmap("casefile", 64, self.devicePixelRatioF()))
        heading = QLabel("<h1>Casefile</h1>")
        tagline = QLabel(
            translate(
                "StartPage", "Case files for investigators: import, search, cite. Works offline."
            )
        )
        tagline.setEnabled(False)
        head = QHBoxLayout()
        head.addWidget(logo)
        titles = QVBoxLayout()
        titles.addWidget(heading)
        titles.addWidget(tagline)
        head.addLayout(titles, 1)

        self.new_button = QPushButton(icon("new-case"), translate("StartPage", "&New case…"))
        self.open_button = QPushButton(icon("open-case"), translate("StartPage", "&Open case…"))
        self.demo_button = QPushButton(icon("demo"), translate("StartPage", "Open &demo case"))
        for b in (self.new_button, self.open_button, self.demo_button):
            b.setMinimumHeight(34)
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.demo_button.clicked.connect(self.demoRequested)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.notice = QFrame()
        self.notice.setObjectName("notice")
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice_icon = QLabel()
        self.notice_text = QLabel()
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readonly_button = QPushButton(translate("StartPage", "Open &read-only"))
        self.retry_button = QPushButton(translate("StartPage", "&Try again"))
        self.readonly_button.clicked.connect(lambda: self.readOnlyRequested.emit(self._locked_path))
        self.retry_button.clicked.connect(lambda: self.retryRequested.emit(self._locked_path))
        nl = QHBoxLayout(self.notice)
        nl.addWidget(self.notice_icon, 0, Qt.AlignmentFlag.AlignTop)
        nl.addWidget(self.notice_text, 1)
        nl.addWidget(self.readonly_button)
        nl.addWidget(self.retry_button)
        self.notice.hide()

        self.recent = QListWidget()
        self.recent.setAccessibleName(translate("StartPage", "Recent cases"))
        self.recent.itemActivated.connect(self._recent)
        self.recent.itemDoubleClicked.connect(self._recent)

        column = QVBoxLayout()
        column.addLayout(head)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addWidget(self.notice)
        column.addSpacing(12)
        column.addWidget(QLabel(translate("StartPage", "<b>Recent cases</b>")))
        column.addWidget(self.recent, 1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        frame = QWidget()
        frame.setLayout(column)
        frame.setMaximumWidth(760)
        frame.setMinimumWidth(480)
        outer.addWidget(frame, 4)
        outer.addStretch(1)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for p in paths:
            item = QListWidgetItem(icon("casefile"), f"{Path(p).stem}    {p}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            item.setToolTip(p)
            self.recent.addItem(item)
        if not paths:
            item = QListWidgetItem(translate("StartPage", "No recent cases yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def _recent(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.recentChosen.emit(path)

    def show_message(self, text: str, icon_name: str = "warning") -> None:
        self._locked_path = ""
        self._notice(html.escape(text), icon_name, locked=False)

    def show_locked(self, path: str, holder: dict[str, object]) -> None:
        self._locked_path = path
        text = translate(
            "StartPage",
            "<b>“{case}” is open elsewhere.</b><br>It is in use by <b>{holder}</b>. "
            "Only one program at a time may change a case. Close it there, or open it "
            "read-only to look without changing anything.",
        ).format(case=html.escape(Path(path).stem), holder=html.escape(describe_holder(holder)))
        self._notice(text, "lock", locked=True)

    def _notice(self, text: str, icon_name: str, locked: bool) -> None:
        self.notice_icon.setPixmap(pixmap(icon_name, 24, self.devicePixelRatioF()))
        self.notice_text.setText(text)
        self.readonly_button.setVisible(locked)
        self.retry_button.setVisible(locked)
        self.notice.show()

    def hide_notice(self) -> None:
        self.notice.hide()
