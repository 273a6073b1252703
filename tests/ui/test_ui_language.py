"""The interface language, as a user meets it: Edit → Preferences… switches the running
window to Russian and back around the open case, counts read right in Russian, the
stored choice is used at start, and a running job is never cut short by a switch
(docs/architecture.md, "Languages"; casefile/ui/language_switch.py)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from casefile.core import i18n as core_i18n
from casefile.core import services
from casefile.ui import i18n, language_switch
from casefile.ui.dialogs.preferences import PreferencesDialog

LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@pytest.fixture(autouse=True)
def _forget_switched_windows() -> Iterator[None]:
    yield
    for w in language_switch._windows:
        w.close()
    language_switch._windows.clear()
    language_switch._pending.clear()


def menu_titles(window: Any) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions() if a.text()]


def choose_in_preferences(window: Any, qtbot: Any, code: str) -> PreferencesDialog:
    """Edit → Preferences… through the menu bar, pick a language, press OK."""
    act = window.action_set.edit.preferences
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    edit = next(m for m in menus if act in m.actions())
    assert edit is menus[1]  # Edit → Preferences…
    act.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(PreferencesDialog)))
    dialog = next(d for d in window.findChildren(PreferencesDialog) if d.isVisible())
    dialog.language.setCurrentIndex(dialog.language.findData(code))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def wait_for_case(qtbot: Any, window: Any, rows: int) -> None:
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    qtbot.waitUntil(lambda: window.case_view.model.rowCount() == rows, timeout=15000)


def test_preferences_switch_the_open_window_to_russian_and_back(
    case_window: Any, qtbot: Any, settings: Any
) -> None:
    old = case_window
    path = Path(old.controller.case.path)
    old.case_view.table.selectRow(1)
    qtbot.waitUntil(lambda: old.case_view.current_uid is not None)
    uid = old.case_view.current_uid
    assert menu_titles(old)[:3] == ["File", "Edit", "View"]

    choose_in_preferences(old, qtbot, "ru")
    new = language_switch.current_window()
    assert new is not None and new is not old
    qtbot.addWidget(new)
    wait_for_case(qtbot, new, 4)

    titles = menu_titles(new)
    assert titles[:6] == ["Файл", "Правка", "Вид", "Документ", "Дело", "Справка"]
    assert all(CYRILLIC.search(t) and not LATIN.search(t) for t in titles), titles
    # The same case, still open, and the old window let go of it (its lock is free).
    assert Path(new.controller.case.path) == path and old.controller is None
    assert not new.controller.readonly
    qtbot.waitUntil(lambda: new.case_view.current_uid == uid)  # the same document shown
    assert new.geometry().size() == old.geometry().size()
    qtbot.waitUntil(lambda: new.counts.text().startswith("4 документа"))
    assert settings.get(i18n.SETTINGS_KEY) == "ru"

    # Dialogs speak Russian too: About, and Preferences with Qt's own buttons.
    new.about()
    assert new.about_box.windowTitle() == "О программе Casefile"
    assert "расследователей" in new.about_box.informativeText()
    new.about_box.close()
    new.action_set.edit.preferences.trigger()
    dialog = new.findChild(PreferencesDialog)
    assert dialog.windowTitle() == "Настройки"
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names[0].startswith("Как в системе (") and names[1:] == ["English", "Русский"]
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Отмена"  # Qt's own translation (qtbase_ru)
    dialog.reject()

    choose_in_preferences(new, qtbot, "en")  # once the new window's index check has ended
    qtbot.waitUntil(lambda: language_switch.current_window() is not new, timeout=15000)
    back = language_switch.current_window()
    qtbot.addWidget(back)
    wait_for_case(qtbot, back, 4)
    assert menu_titles(back)[:6] == ["File", "Edit", "View", "Document", "Case", "Help"]
    qtbot.waitUntil(lambda: back.counts.text().startswith("4 documents"))
    assert i18n.current() == "en" and core_i18n.language() == "en"


def mnemonic_clashes(window: Any) -> list[str]:
    """Menus (the bar itself, and each menu) in which two entries share an Alt+ letter."""
    clashes = []
    menus = [window.menuBar(), *(a.menu() for a in window.menuBar().actions() if a.menu())]
    for menu in menus:
        letters = [
            m.group(1).lower()
            for a in menu.actions()
            if (m := re.search(r"(?<!&)&(\w)", a.text())) and a.isVisible()
        ]
        clashes += sorted({ch for ch in letters if letters.count(ch) > 1})
    return clashes


def test_russian_menus_keep_one_alt_letter_per_entry(case_window: Any, qtbot: Any) -> None:
    new = language_switch.switch_language(case_window, "ru")
    qtbot.addWidget(new)
    wait_for_case(qtbot, new, 4)
    titles = [a.text() for a in new.menuBar().actions() if a.text()]
    assert all("&" in t for t in titles), titles
    assert mnemonic_clashes(new) == []


def test_switching_with_no_case_open_rebuilds_the_start_page(window: Any, qtbot: Any) -> None:
    choose_in_preferences(window, qtbot, "ru")
    new = language_switch.current_window()
    qtbot.addWidget(new)
    assert new.controller is None
    assert new.start_page.new_button.text() == "&Новое дело…"


def test_counts_read_right_in_russian_for_1_3_5_and_21(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from tests.search_fixtures import add_document

    case = services.create_case(tmp_path / "Twenty-one")
    for i in range(21):
        add_document(case, f"Report {i:02d}", [f"Body {i}."], date="2024-01-01", sync=False)
    services.close_case(case)
    i18n.install("ru")
    w = language_switch.switch_language(window, "ru")  # the window rebuilt in Russian
    qtbot.addWidget(w)
    w.open_case(str(tmp_path / "Twenty-one.casefile"))
    wait_for_case(qtbot, w, 21)
    qtbot.waitUntil(lambda: w.counts.text() == "21 документ · с проблемами: 0", timeout=15000)
    delete = w.action_set.document.delete
    table = w.case_view.table
    for n, words in ((3, "3 документа"), (5, "5 документов"), (21, "21 документ")):
        table.clearSelection()
        for row in range(n):
            table.selectionModel().select(
                w.case_view.model.index(row, 0),
                table.selectionModel().SelectionFlag.Select
                | table.selectionModel().SelectionFlag.Rows,
            )
        qtbot.waitUntil(lambda n=n: len(w.case_view.target_uids()) == n)
        assert delete.text() == f"&Удалить {words}…"
    table.selectRow(0)
    qtbot.waitUntil(lambda: len(w.case_view.target_uids()) == 1)
    assert delete.text() == "&Удалить…"
    said: list[str] = []
    w.controller.message.connect(said.append)  # what the status bar is given to show
    w.controller.delete_documents(w.case_view.target_uids())
    qtbot.waitUntil(lambda: "Удалён 1 документ." in said, timeout=15000)
    qtbot.waitUntil(lambda: w.counts.text() == "20 документов · с проблемами: 0", timeout=15000)


def test_the_stored_choice_is_used_at_start(
    qtbot: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casefile.ui.app import install_stored_language, make_app
    from casefile.ui.main_window import MainWindow

    make_app(dark=False)
    monkeypatch.setattr(core_i18n, "_STARTUP_OVERRIDE", None)
    settings.set(i18n.SETTINGS_KEY, "ru")
    assert install_stored_language(settings) == "ru"
    w = MainWindow(settings)
    qtbot.addWidget(w)
    assert menu_titles(w)[0] == "Файл"
    settings.set(i18n.SETTINGS_KEY, "system")
    monkeypatch.setenv("LANGUAGE", "en")
    assert install_stored_language(settings) == "en"
    monkeypatch.setenv("LANGUAGE", "ru_RU.UTF-8")
    assert install_stored_language(settings) == "ru"
    monkeypatch.setattr(core_i18n, "_STARTUP_OVERRIDE", "en")  # CASEFILE_LANG=en at start
    assert install_stored_language(settings) == "en"


def test_a_running_job_is_never_cut_short_the_switch_waits_for_it(
    case_window: Any, qtbot: Any, settings: Any
) -> None:
    w = case_window
    qtbot.waitUntil(lambda: not language_switch.running_jobs(w), timeout=15000)
    release = threading.Event()
    ran: list[bool] = []

    def slow(ctx: Any) -> str:
        release.wait(20)
        ran.append(True)
        return "done"

    job = w.runner.start_job("Importing", slow)
    w.controller.jobStarted.emit(job)
    assert language_switch.apply_choice(w, "ru") is None
    assert language_switch.current_window() is None  # nothing rebuilt
    assert settings.get(i18n.SETTINGS_KEY) == "ru"  # but the choice is kept
    box = w.findChild(QMessageBox, "languageWaits")
    assert box is not None and box.isVisible()
    assert "Importing" in box.text() and "Русский" in box.text()
    assert menu_titles(w)[0] == "File" and w.controller is not None and job.running

    box.close()
    release.set()
    qtbot.waitUntil(lambda: language_switch.current_window() is not None, timeout=15000)
    assert ran and job.result == "done"  # the job ended by itself, not cancelled
    new = language_switch.current_window()
    qtbot.addWidget(new)
    wait_for_case(qtbot, new, 4)
    assert menu_titles(new)[0] == "Файл"


def test_qt_standard_buttons_speak_russian(qtbot: Any) -> None:
    from casefile.ui.app import make_app

    make_app(dark=False)
    i18n.install("ru")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Отмена"
