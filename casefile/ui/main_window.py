"""The main window: start page or an open case, menus, search field, status bar with
job progress, drag-and-drop import. Opening a case runs off the UI thread (migrations
and index reconcile can take a while on a big case), so the window paints at once.

The window is composed of `CaseLifecycle` (main_window_cases: which case is open),
`CaseCommands` (main_window_actions: import, verify, document actions), `WindowSearch`
(main_window_search: the search box, the jumps between panes) and the typed action sets
of `menus`; the case's own panes are built by `CaseView`.

These modules must stay light to import: the window paints before the core services
(SQLAlchemy, the search engine: ~0.4 s of imports) are loaded, and those are imported
on the writer thread as the case opens.
`test_the_window_paints_before_the_core_is_imported` guards it."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from casefile.core.errors import CaseLockedError
from casefile.core.i18n import translate_recorded
from casefile.ui.dialogs.start_page import StartPage
from casefile.ui.i18n import plural, translate
from casefile.ui.icons import app_icon
from casefile.ui.job_widget import JobWidget
from casefile.ui.language_switch import open_preferences
from casefile.ui.main_toolbar import build_main_toolbar
from casefile.ui.main_window_actions import CaseCommands
from casefile.ui.main_window_cases import CaseLifecycle, counts_text, window_title
from casefile.ui.main_window_search import WindowSearch
from casefile.ui.menus import ActionSet, build_actions, build_menu_bar
from casefile.ui.messages import user_message
from casefile.ui.runner import Job, Runner, quieter_garbage_collection
from casefile.ui.settings import Settings

if TYPE_CHECKING:
    from casefile.ui.case_view import CaseView
    from casefile.ui.controller import CaseController
    from casefile.ui.entities.install import EntitiesGui

CASE_SUFFIX = ".casefile"


class MainWindow(QMainWindow):
    """Composed of `cases` (which case is open), `commands` (import, verify and the
    document actions) and `search` (the search box, the jumps between panes);
    `action_set` holds every action, by menu."""

    last_import_summary: QWidget  # set when the first import report is shown
    entities: EntitiesGui  # the entities GUI of the open case (issue 12)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.runner = Runner(self)
        self.cases = CaseLifecycle(self.runner, self)
        self.commands = CaseCommands(self)
        self.search = WindowSearch(self)
        self.case_view: CaseView | None = None
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
        self.recent_menu = QMenu(translate("MainWindow", "Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.action_set = build_actions(
            self, self.undo_group, self.cases, self.commands, self, self.search
        )
        build_menu_bar(self, self.action_set, self.recent_menu)
        self._build_toolbar()
        self._build_status_bar()
        self._connect_parts()
        self.runner.error.connect(lambda e: self.show_error(user_message(e)))
        self._show_start()
        geometry = self.settings.get("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 840)

    @property
    def actions_(self) -> ActionSet:
        """The action set by flat name (`actions_["undo"]`), as scripts and older tests
        ask for it; see `ActionSet.__getitem__`."""
        return self.action_set

    @property
    def controller(self) -> CaseController | None:
        return self.cases.controller

    # -- the case: opening and closing are `cases`' work, showing it is the window's ------
    def open_case(self, path: str, readonly: bool = False) -> None:
        if path.lower().endswith(".casezip"):  # a double-clicked case archive
            self.cases.open_archive(path)
            return
        self.cases.open_case(path, readonly)

    def create_case(self, path: str, title: str | None = None) -> None:
        self.cases.create_case(path, title)

    def open_demo(self) -> None:
        self.cases.open_demo()

    def close_case(self) -> None:
        self.cases.close_case()

    def import_paths(self, paths: list[str]) -> Job | None:
        return self.commands.import_paths(paths)

    @property
    def opening(self) -> bool:
        return self.cases.opening

    # -- chrome ---------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar, self.search_field = build_main_toolbar(self.action_set, self.search, self)
        self.addToolBar(self.toolbar)

    def _build_status_bar(self) -> None:
        self.job_widget = JobWidget()
        self.counts = QLabel()
        status = self.statusBar()
        # Permanent, so a menu's hover tip (a temporary message, drawn at the left)
        # never lands on top of the job's text.
        status.addPermanentWidget(self.job_widget)
        status.addPermanentWidget(self.counts)

    def _connect_parts(self) -> None:
        sp = self.start_page
        sp.newRequested.connect(self.cases.new_case)
        sp.openRequested.connect(self.cases.choose_case)
        sp.demoRequested.connect(self.cases.open_demo)
        sp.recentChosen.connect(self.open_case)
        sp.readOnlyRequested.connect(lambda p: self.open_case(p, readonly=True))
        sp.retryRequested.connect(self.open_case)
        self.cases.busy.connect(self._busy)
        self.cases.attached.connect(self._attach)
        self.cases.closing.connect(self._detach)
        self.cases.openFailed.connect(self._open_failed)
        self.cases.jobStarted.connect(self.job_widget.track)
        self.cases.failed.connect(lambda exc: self.show_error(user_message(exc)))
        self.commands.dialogOpened.connect(self.dialogs.append)
        self.commands.importReported.connect(lambda d: setattr(self, "last_import_summary", d))

    def _show_start(self) -> None:
        self.start_page.set_recent(self.settings.recent_cases())
        self.stack.setCurrentWidget(self.start_page)
        self.setWindowTitle("Casefile")
        self._update_actions()

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.recent_cases():
            self.recent_menu.addAction(Path(p).stem, partial(self.open_case, p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(translate("MainWindow", "No recent cases")).setEnabled(False)

    def _update_actions(self) -> None:
        """Document actions act on what the user is looking at (see CaseView); Delete
        says how many documents it would delete."""
        controller = self.controller
        has_case = controller is not None
        writable = controller is not None and not controller.readonly
        targets = self.case_view.target_uids() if self.case_view else []
        a = self.action_set
        for act in (
            a.file.close,
            a.file.export,
            *a.file.export_kinds,
            a.edit.find,
            a.view.all_docs,
            a.case.verify,
            a.edit.save_search,
        ):
            act.setEnabled(has_case)
        for act in (a.file.import_files, a.file.import_folder, a.case.recognise_all):
            act.setEnabled(writable)
        a.document.recognise.setEnabled(bool(targets) and writable)
        for act in (a.document.open_original, a.document.reveal):
            act.setEnabled(bool(targets))
        delete = a.document.delete
        delete.setEnabled(bool(targets) and writable)
        n = len(targets)
        many = plural("&Delete %n Documents…", "", n)
        delete.setText(many if n > 1 else translate("MainWindow", "&Delete…"))
        self.search_field.setEnabled(has_case)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.close_case()
        self.runner.shutdown()
        self.settings.sync()
        super().closeEvent(event)

    # -- a case arrives, fails, leaves ------------------------------------------------------
    def _busy(self, text: str) -> None:
        self.statusBar().showMessage(text)
        if self.controller is None:
            self.opening_page.setText(text)
            self.stack.setCurrentWidget(self.opening_page)

    def _open_failed(self, path: str, exc: Any) -> None:
        self.statusBar().clearMessage()
        if self.controller is not None:
            self.show_error(user_message(exc))
            return
        self._show_start()
        if path and isinstance(exc, CaseLockedError):
            self.start_page.show_locked(path, exc.holder)
        else:
            self.start_page.show_message(user_message(exc))

    def _attach(self, controller: CaseController) -> None:
        from casefile.ui.case_view import CaseView

        self.statusBar().clearMessage()
        self.undo_group.addStack(controller.undo_stack)
        self.undo_group.setActiveStack(controller.undo_stack)
        view = CaseView(controller)
        self.case_view = view
        from casefile.ui.entities.install import install_entities

        self.entities = install_entities(
            controller, view.navigator, view.centre, view.viewer, view.open_document
        )
        self.commands.bind(controller, view)
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
        self.settings.add_recent(controller.case.path)
        self.start_page.hide_notice()
        why = getattr(controller.case, "readonly_reason", None)
        self.setWindowTitle(window_title(controller.title, controller.readonly, bool(why)))
        if why:  # say once, in words, why nothing can be changed
            self.statusBar().showMessage(translate_recorded(why))
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

    def _detach(self, controller: CaseController) -> None:
        view = self.case_view
        if view is not None:
            for k, v in view.save_state_bytes().items():
                self.settings.set(f"splitter/{k}", v)
            self.stack.removeWidget(view)
            view.deleteLater()
        self.case_view = None
        self.commands.bind(None, None)
        self.undo_group.removeStack(controller.undo_stack)
        self.search_field.clear()
        self._show_start()
        self.counts.clear()

    # -- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        if len(paths) == 1 and paths[0].rstrip("/").endswith(CASE_SUFFIX):
            self.open_case(paths[0])  # a dropped case folder is opened, not imported
        elif self.controller is None:
            self.start_page.show_message(
                translate("MainWindow", "Open or create a case first, then drop files on it."),
                "import",
            )
        else:
            self.import_paths(paths)

    # -- status -----------------------------------------------------------------------------
    def _update_counts(self) -> None:
        if self.controller is None:
            return
        from casefile.core import services

        self.controller.read(
            services.status_counts, on_done=lambda c: self.counts.setText(counts_text(c))
        )

    def show_error(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Casefile", text, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # errors quote titles and file names
        box.open()
        self.dialogs.append(box)
        self.statusBar().showMessage(text.split(". ")[0], 10000)

    # -- help and preferences -------------------------------------------------------------
    def show_query_help(self) -> None:
        from casefile.ui.dialogs.query_help import QueryHelp

        dialog = QueryHelp(self)
        self.dialogs.append(dialog)
        dialog.show()

    def preferences(self) -> None:
        open_preferences(self)  # Edit → Preferences…: the interface language

    def about(self) -> None:
        from casefile.ui.dialogs.about import about_box

        self.about_box = about_box(self)
        self.about_box.open()
