"""The main window: start page or an open case, menus, search field, status bar with
job progress, drag-and-drop import. Opening a case runs off the UI thread (migrations
and index reconcile can take a while on a big case), so the window paints at once.

Opening and closing cases is in `main_window_cases`, import and document actions in
`main_window_actions` (mixins over this class).

These modules must stay light to import: the window paints before the core services
(SQLAlchemy, the search engine: ~0.4 s of imports) are loaded, and those are imported
on the writer thread as the case opens.
`test_the_window_paints_before_the_core_is_imported` guards it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from casefile.ui.dialogs.start_page import StartPage
from casefile.ui.icons import app_icon, icon
from casefile.ui.job_widget import JobWidget
from casefile.ui.main_window_actions import WindowActions
from casefile.ui.main_window_cases import CaseLifecycle
from casefile.ui.menus import build_menus
from casefile.ui.messages import user_message
from casefile.ui.runner import Runner
from casefile.ui.settings import Settings

if TYPE_CHECKING:
    from casefile.ui.case_view import CaseView
    from casefile.ui.controller import CaseController


class MainWindow(CaseLifecycle, WindowActions, QMainWindow):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.runner = Runner(self)
        self.controller: CaseController | None = None
        self.case_view: CaseView | None = None
        self.opening = False
        self.dialogs: list[QWidget] = []  # modeless reports kept alive
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.undo_group = QUndoGroup(self)
        self.start_page = StartPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        # Shown instead of the start page while a case opens from nothing (at launch,
        # on a big case, for most of a second): the user asked for a case, not a menu.
        self.opening_page = QLabel()
        self.opening_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening_page.setEnabled(False)  # the calm, greyed text of a placeholder
        self.stack.addWidget(self.opening_page)
        self.setCentralWidget(self.stack)
        self.actions_ = build_menus(self, self)
        self._build_toolbar()
        self._build_status_bar()
        self._connect_start_page()
        self.runner.error.connect(lambda e: self.show_error(user_message(e)))
        self._show_start()
        geometry = self.settings.get("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 840)

    # -- chrome ---------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar("Main")
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.actions_["import_files"])
        bar.addAction(self.actions_["open_original"])
        bar.addAction(self.actions_["verify"])
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        bar.addWidget(spacer)
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText("Search the case (Ctrl+F)… e.g. санкции AND Helix")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setMinimumWidth(340)
        self.search_field.setAccessibleName("Search")
        self.search_field.returnPressed.connect(self.run_search)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_field)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.show_all_documents)
        bar.addWidget(self.search_field)
        bar.addAction(self.actions_["syntax"])
        self.toolbar = bar
        self.addToolBar(bar)

    def _build_status_bar(self) -> None:
        self.job_widget = JobWidget()
        self.counts = QLabel()
        status = self.statusBar()
        status.addWidget(self.job_widget)
        status.addPermanentWidget(self.counts)

    def _connect_start_page(self) -> None:
        sp = self.start_page
        sp.newRequested.connect(self.new_case)
        sp.openRequested.connect(self.choose_case)
        sp.demoRequested.connect(self.open_demo)
        sp.recentChosen.connect(self.open_case)
        sp.readOnlyRequested.connect(lambda p: self.open_case(p, readonly=True))
        sp.retryRequested.connect(self.open_case)

    def _show_start(self) -> None:
        self.start_page.set_recent(self.settings.recent_cases())
        self.stack.setCurrentWidget(self.start_page)
        self.setWindowTitle("Casefile")
        self._update_actions()

    def _update_actions(self) -> None:
        has_case = self.controller is not None
        writable = has_case and not self.controller.readonly  # type: ignore[union-attr]
        selected = bool(self.case_view and self.case_view.selected_uids())
        for k in ("close", "find", "all_docs", "verify", "save_search"):
            self.actions_[k].setEnabled(has_case)
        for k in ("import_files", "import_folder"):
            self.actions_[k].setEnabled(writable)
        for k in ("open_original", "reveal"):
            self.actions_[k].setEnabled(selected)
        self.actions_["delete"].setEnabled(selected and writable)
        self.search_field.setEnabled(has_case)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.close_case()
        self.runner.shutdown()
        self.settings.sync()
        super().closeEvent(event)

    # -- status -----------------------------------------------------------------------------
    def _update_counts(self) -> None:
        if self.controller is None:
            return

        def show(counts: dict[str, int]) -> None:
            total = sum(counts.values())
            problems = total - counts.get("ok", 0)
            self.counts.setText(
                f"{total} document{'s' if total != 1 else ''} · {problems} with problems"
            )

        from casefile.core import services

        self.controller.read(services.status_counts, on_done=show)

    def show_error(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Casefile", text, QMessageBox.StandardButton.Ok, self
        )
        box.open()
        self.dialogs.append(box)
        self.statusBar().showMessage(text.split(". ")[0], 10000)

    # -- search -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def run_search(self) -> None:
        if self.case_view is not None and self.case_view.search_panel is not None:
            self.case_view.search_panel.run(self.search_field.text())

    def save_search(self) -> None:
        if self.case_view is not None and self.case_view.search_panel is not None:
            self.case_view.search_panel.save_current()

    def focus_pane(self, pane: str) -> None:
        """Keyboard-only use: jump between the panes (View → Go to …, Alt+1…4)."""
        view = self.case_view
        if view is None:
            return
        target = {
            "navigator": view.navigator,
            "centre": view.centre.currentWidget(),
            "viewer": view.viewer.text,
            "metadata": view.metadata.title,
        }[pane]
        if pane == "centre" and view.centre.currentWidget() is view.search_panel:
            target = view.search_panel.results
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_all_documents(self) -> None:
        if self.case_view is not None:
            self.search_field.clear()
            self.case_view.show_filter({})

    def show_query_help(self) -> None:
        from casefile.ui.dialogs.query_help import QueryHelp

        dialog = QueryHelp(self)
        self.dialogs.append(dialog)
        dialog.show()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Casefile",
            "<b>Casefile</b><br>Offline case files for investigators.<br>"
            "Nothing you do here leaves this computer.",
        )


__all__ = ["MainWindow"]
