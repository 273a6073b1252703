"""Switching the interface language while Casefile runs (docs/architecture.md,
"Languages"): every widget is built again in the new language rather than retranslated
in place. The main window is replaced by a new one around the same case (same
read-only mode, same geometry, the same document in the viewer); the old window closes
the case first, so the case's lock is released before the new window opens it.

A running job (an import, text recognition, an export, a verification) is never cut
short for a language: the choice is stored at once and the switch waits until the last
job ends, then happens by itself. Until then the user is told so; closing Casefile in
the meantime is also fine, as the next start uses the stored choice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from casefile.ui import i18n
from casefile.ui.i18n import translate
from casefile.ui.runner import Job

if TYPE_CHECKING:
    from casefile.ui.dialogs.preferences import PreferencesDialog

# The main window imports this module, so it is not imported here (docs/architecture.md:
# no import cycles); a new window is made as `type(window)(window.settings)`.
MainWindow = Any

OPENING_RETRY_MS = 200  # a case still opening has no job to wait for: look again soon
# The windows made by a switch (nothing else holds them: the app's `main` holds only
# the first).
_windows: list[MainWindow] = []
_pending: dict[int, str] = {}  # id(window) -> the language it waits to switch to


def open_preferences(window: MainWindow) -> PreferencesDialog:
    """Edit → Preferences…: a window-modal dialog; accepting it applies the choice."""
    from casefile.ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.settings, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: apply_choice(window, dialog.choice()))
    dialog.open()
    return dialog


def running_jobs(window: MainWindow) -> list[Job]:
    return [job for job in window.runner.jobs if job.running]


def apply_choice(window: MainWindow, choice: str) -> MainWindow | None:
    """Store `choice` and switch to the language it means: the new window, or None when
    nothing was rebuilt (the same language, or a job to wait for)."""
    window.settings.set(i18n.SETTINGS_KEY, choice)
    window.settings.sync()
    lang = i18n.chosen(choice)
    if lang == i18n.current():
        _pending.pop(id(window), None)
        return None
    jobs = running_jobs(window)
    if jobs or window.opening:
        waiting = id(window) in _pending
        _pending[id(window)] = lang
        if not waiting:
            _wait_for_jobs(window)
        _say_it_waits(window, jobs[0] if jobs else None, lang)
        return None
    return switch_language(window, lang)


def _wait_for_jobs(window: MainWindow) -> None:
    """Switch once no job runs: called again whenever one of them ends."""
    lang = _pending.get(id(window))
    if lang is None:
        return
    jobs = running_jobs(window)
    if jobs:
        for job in jobs:
            job.finished.connect(
                lambda _r: _after_job(window), Qt.ConnectionType.SingleShotConnection
            )
            job.failed.connect(
                lambda _e: _after_job(window), Qt.ConnectionType.SingleShotConnection
            )
    elif window.opening:
        QTimer.singleShot(OPENING_RETRY_MS, window, lambda: _wait_for_jobs(window))
    else:
        _pending.pop(id(window), None)
        if lang != i18n.current():
            switch_language(window, lang)


def _after_job(window: MainWindow) -> None:
    # After the job's other listeners (the import's report, OCR's next run) have had
    # their turn: the switch never happens in the middle of a job's ending.
    QTimer.singleShot(0, window, lambda: _wait_for_jobs(window))


def _say_it_waits(window: MainWindow, job: Job | None, lang: str) -> None:
    if job is not None:
        text = translate(
            "LanguageSwitch",
            "The interface will switch to {language} when “{job}” ends, so that nothing it "
            "does is lost. You can keep working meanwhile, or restart Casefile.",
        ).format(language=i18n.language_name(lang), job=job.title)
    else:
        text = translate(
            "LanguageSwitch",
            "The interface will switch to {language} as soon as the case is open.",
        ).format(language=i18n.language_name(lang))
    box = QMessageBox(
        QMessageBox.Icon.Information, "Casefile", text, QMessageBox.StandardButton.Ok, window
    )
    box.setObjectName("languageWaits")
    box.open()
    window.dialogs.append(box)
    window.statusBar().showMessage(text, 10000)


def switch_language(window: MainWindow, lang: str) -> MainWindow:
    """Install `lang` and replace `window` by a new one in that language, around the case
    it had open (if any). Returns the new window."""
    i18n.install(lang)
    controller = window.controller
    path = str(controller.case.path) if controller is not None else None
    readonly = bool(controller.readonly) if controller is not None else False
    uid = window.case_view.current_uid if window.case_view is not None else None
    new = type(window)(window.settings)
    new.setGeometry(window.geometry())
    # Shown before the old one closes: the application quits with its last window.
    new.setWindowState(window.windowState())
    new.show()
    window.close()  # closes the case: its lock is released before the new window opens it
    if window in _windows:
        _windows.remove(window)
    _windows.append(new)
    if path is not None:
        if uid is not None:
            new.cases.attached.connect(
                lambda _c: _show_again(new, uid), Qt.ConnectionType.SingleShotConnection
            )
        new.open_case(path, readonly=readonly)
    return new


def _show_again(window: MainWindow, uid: str) -> None:
    """The document that was in the viewer, once the new window's table has loaded."""
    view = window.case_view
    if view is None:
        return

    def select(_rows: int) -> None:
        if not view.select_uid(uid):
            view.open_document(uid)

    view.model.loaded.connect(select, Qt.ConnectionType.SingleShotConnection)


def current_window() -> MainWindow | None:
    """The window the last switch made (tests, and anyone holding an older one)."""
    return _windows[-1] if _windows else None
