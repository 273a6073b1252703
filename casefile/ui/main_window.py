"""The main window: start page or an open case, menus, search field, status bar with
job progress, drag-and-drop import. Opening a case runs off the UI thread (migrations
and index reconcile can take a while on a big case), so the window paints at once.

This module must stay light to import: the window paints before the core services
(SQLAlchemy, the search engine: ~0.4 s of imports) are loaded, and those are imported
on the writer thread as the case opens. `test_startup_imports` guards it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoGroup
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from casefile.core.errors import CaseLockedError
from casefile.ui.dialogs.start_page import StartPage
from casefile.ui.icons import app_icon, icon
from casefile.ui.job_widget import JobWidget
from casefile.ui.main_window_actions import WindowActions
from casefile.ui.menus import build_menus
from casefile.ui.messages import user_message
from casefile.ui.runner import Runner, quieter_garbage_collection
from casefile.ui.settings import Settings

if TYPE_CHECKING:
    from casefile.ui.case_view import CaseView
    from casefile.ui.controller import CaseController

CASE_SUFFIX = ".casefile"


def demo_case_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".casefile") / "Demo case.casefile"


class MainWindow(WindowActions, QMainWindow):
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
        self.actions_ = build_menus(self)
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

    # -- opening and closing --------------------------------------------------------------
    def new_case(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New case", str(Path.home()), "Casefile case (*.casefile)"
        )
        if not path:
            return
        title, ok = QInputDialog.getText(self, "New case", "Case title:", text=Path(path).stem)
        if not ok:
            return
        self.create_case(path, title or None)

    def create_case(self, path: str, title: str | None = None) -> None:
        """Create and open a case, off the UI thread like `open_case` (the first use of
        the core loads it). A failure (an OS error creating the folder, a case already
        there) is shown, and whatever was open stays open."""

        def create_in_background() -> Any:
            from casefile.core import services

            return services.create_case(path, title)

        self.runner.write(
            create_in_background,
            on_done=self._attach,
            on_error=lambda exc: self.show_error(user_message(exc)),
        )

    def choose_case(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, "Open case (a .casefile folder)", str(Path.home())
        )
        if path:
            self.open_case(path)

    def open_demo(self) -> None:
        path = demo_case_path()
        if (path / "case.sqlite").exists():
            self.open_case(str(path))
            return
        self.statusBar().showMessage("Building the demo case…")
        if self.controller is None:
            self.opening_page.setText("Building the demo case (a few seconds, once)…")
            self.stack.setCurrentWidget(self.opening_page)

        def build() -> Path:
            from casefile.demo import build_demo_case

            path.parent.mkdir(parents=True, exist_ok=True)
            return build_demo_case(path)

        def failed(exc: Any) -> None:
            self.statusBar().clearMessage()
            if self.controller is None:
                self._show_start()
                self.start_page.show_message(user_message(exc))
            else:
                self.show_error(user_message(exc))

        self.runner.write(build, on_done=lambda p: self.open_case(str(p)), on_error=failed)

    def open_case(self, path: str, readonly: bool = False) -> None:
        """Open in the background; the start page says what happened if it fails."""
        if self.opening:
            return
        self.opening = True
        self.statusBar().showMessage(f"Opening {Path(path).stem}…")
        if self.controller is None:
            self.opening_page.setText(f"Opening “{Path(path).stem}”…")
            self.stack.setCurrentWidget(self.opening_page)

        def failed(exc: Any) -> None:
            self.opening = False
            self.statusBar().clearMessage()
            if self.controller is not None:
                self.show_error(user_message(exc))
                return
            self._show_start()
            if isinstance(exc, CaseLockedError):
                self.start_page.show_locked(path, exc.holder)
            else:
                self.start_page.show_message(user_message(exc))

        def opened(case: Any) -> None:
            self.opening = False
            self.statusBar().clearMessage()
            self._attach(case)

        def open_in_background() -> Any:
            from casefile.core import services  # the first import happens here, off the UI

            return services.open_case(path, readonly=readonly)

        # On the writer thread: it runs after any queued close of the same case.
        self.runner.write(open_in_background, on_done=opened, on_error=failed)

    def _attach(self, case: Any) -> None:
        from casefile.ui.case_view import CaseView
        from casefile.ui.controller import CaseController

        self.close_case()
        self.controller = controller = CaseController(case, self.runner, self)
        self.undo_group.addStack(controller.undo_stack)
        self.undo_group.setActiveStack(controller.undo_stack)
        view = CaseView(controller)
        self.case_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        state = {k: self.settings.get(f"splitter/{k}") for k in ("main", "right", "table")}
        view.restore_state_bytes(state)
        view.model.ensure_loaded()  # after the restored sort order: see CaseView
        # Again once the view has its real size: a splitter restored before its first
        # layout hands the difference to whichever pane stretches.
        QTimer.singleShot(
            0, lambda: view.restore_state_bytes(state) if view is self.case_view else None
        )
        view.selectionChanged.connect(lambda _u: self._update_actions())
        view.model.loaded.connect(lambda _n: self._update_counts())
        controller.jobStarted.connect(self.job_widget.track)
        controller.message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        controller.failed.connect(self.show_error)
        controller.documentsChanged.connect(self._update_counts)
        self.settings.add_recent(case.path)
        self.start_page.hide_notice()
        ro = " (read-only)" if controller.readonly else ""
        self.setWindowTitle(f"{controller.title}{ro} — Casefile")
        self._attach_search(view)
        self._update_actions()
        self._update_counts()
        controller.ensure_index_soon()
        view.model.loaded.connect(self._after_first_screen, Qt.ConnectionType.SingleShotConnection)

    def _after_first_screen(self, _rows: int) -> None:
        """Work that can wait until the first documents are on screen: checking the
        search index against the database, and tidying the garbage collector (each
        takes tens to hundreds of milliseconds of interpreter time on a big case)."""
        if self.controller is not None:
            self.controller.ensure_index()
        quieter_garbage_collection()

    def _attach_search(self, view: CaseView) -> None:
        from casefile.ui.search_panel import SearchPanel

        panel = SearchPanel(self.controller, view)  # type: ignore[arg-type]
        view.search_panel = panel
        view.centre.addWidget(panel)

        def run_saved(saved: Any) -> None:
            self.search_field.setText(getattr(saved, "query", ""))
            panel.run_saved(saved)

        view.navigator.savedSearchChosen.connect(run_saved)

    def close_case(self) -> None:
        if self.controller is None or self.case_view is None:
            return
        self._save_view_state()
        controller, view = self.controller, self.case_view
        self.controller = self.case_view = None
        for job in list(self.runner.jobs):
            job.cancel()
        self.undo_group.removeStack(controller.undo_stack)
        self.stack.removeWidget(view)
        view.deleteLater()
        from casefile.core import services

        # Close on the writer thread, after every queued write has finished.
        self.runner.write(services.close_case, controller.case)
        self._show_start()
        self.counts.clear()

    def _save_view_state(self) -> None:
        if self.case_view is not None:
            for k, v in self.case_view.save_state_bytes().items():
                self.settings.set(f"splitter/{k}", v)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.close_case()
        self.runner.shutdown()
        self.settings.sync()
        super().closeEvent(event)

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.recent_cases():
            self.recent_menu.addAction(Path(p).stem, lambda p=p: self.open_case(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent cases").setEnabled(False)

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


__all__ = ["MainWindow", "QTimer", "demo_case_path"]
