"""Opening, creating and closing cases in the main window: a mixin over MainWindow,
split out to keep each module about one thing. Every case is opened or created on the
writer thread, where the core services are imported on first use, so the window has
painted long before (see main_window)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMenu, QStackedWidget

from casefile.core.errors import CaseLockedError
from casefile.ui.messages import user_message
from casefile.ui.runner import Runner, quieter_garbage_collection
from casefile.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit, QStatusBar

    from casefile.ui.case_view import CaseView
    from casefile.ui.controller import CaseController
    from casefile.ui.dialogs.start_page import StartPage
    from casefile.ui.job_widget import JobWidget


def demo_case_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".casefile") / "Demo case.casefile"


class CaseLifecycle:
    settings: Settings
    runner: Runner
    controller: CaseController | None
    case_view: CaseView | None
    opening: bool
    undo_group: QUndoGroup
    start_page: StartPage
    stack: QStackedWidget
    opening_page: QLabel
    recent_menu: QMenu
    job_widget: JobWidget
    counts: QLabel
    search_field: QLineEdit

    if TYPE_CHECKING:  # provided by MainWindow and QMainWindow (stubs for the checker only:
        # defined for real here, they would shadow Qt's methods later in the MRO)
        def statusBar(self) -> QStatusBar: ...
        def setWindowTitle(self, title: str) -> None: ...
        def show_error(self, text: str) -> None: ...
        def _show_start(self) -> None: ...
        def _update_actions(self) -> None: ...
        def _update_counts(self) -> None: ...

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
        view.targetChanged.connect(self._update_actions)
        view.queryShown.connect(self.search_field.setText)
        view.model.loaded.connect(lambda _n: self._update_counts())
        controller.jobStarted.connect(self.job_widget.track)
        controller.message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        controller.failed.connect(self.show_error)
        controller.changed.connect(
            lambda c: self._update_counts() if c.membership or c.edited else None
        )
        self.settings.add_recent(case.path)
        self.start_page.hide_notice()
        ro = " (read-only)" if controller.readonly else ""
        self.setWindowTitle(f"{controller.title}{ro} — Casefile")
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

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.recent_cases():
            self.recent_menu.addAction(Path(p).stem, lambda p=p: self.open_case(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent cases").setEnabled(False)
