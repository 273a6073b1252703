"""The main window as a user meets it: start page, opening cases, the locked-case notice,
editing metadata with undo, and the entry point without a display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from casefile.core import services
from tests.ui.util import wait_idle


def test_start_page_offers_new_open_demo_and_recent(window, settings, demo_path) -> None:
    settings.add_recent(demo_path)
    window.close_case()  # refreshes the start page from settings
    window._show_start()
    page = window.start_page
    assert window.stack.currentWidget() is page
    labels = [
        b.text().replace("&", "") for b in (page.new_button, page.open_button, page.demo_button)
    ]
    assert labels == ["New case…", "Open case…", "Open demo case"]
    assert page.recent.count() == 1
    assert str(demo_path.resolve()) in page.recent.item(0).text()


def test_open_demo_case_shows_documents_and_remembers_it(case_window, settings, demo_path) -> None:
    w = case_window
    assert "Cloud face recognition" in w.windowTitle()
    titles = {w.case_view.model.summary(r).title for r in range(4)}
    assert any("OkoVision" in t or "designation" in t.lower() for t in titles), titles
    assert settings.recent_cases()[0] == str(demo_path.resolve())
    nav = w.case_view.navigator
    assert nav.find_item("Documents").text(0).endswith("4")
    assert nav.find_item("sanctions") is not None  # the demo's tags are listed
    assert "4 documents" in w.counts.text()


def test_navigator_tag_filters_the_table(case_window, qtbot) -> None:
    w = case_window
    nav = w.case_view.navigator
    item = nav.find_item("OkoVision")
    nav.setCurrentItem(item)
    nav.itemClicked.emit(item, 0)
    qtbot.waitUntil(lambda: w.case_view.model.rowCount() == 3)
    nav.itemClicked.emit(nav.find_item("Documents"), 0)
    qtbot.waitUntil(lambda: w.case_view.model.rowCount() == 4)


def test_table_sorts_by_title_and_selects_many(case_window, qtbot) -> None:
    w = case_window
    table, model = w.case_view.table, w.case_view.model
    # One order: the database's (code points, so the Russian title with its « comes last).
    ascending = [
        "Forrest v Helix Cloud Services Ltd - claim summary",
        "Summary of designation — OkoVision LLC",
        "Written evidence submitted by Open Supply Watch (SEN0042)",
        "«Хеликс Клауд» могла тайно продавать доступ к распознаванию лиц подсанкционной OkoVision",
    ]
    for order, expected in (
        (Qt.SortOrder.AscendingOrder, ascending),
        (Qt.SortOrder.DescendingOrder, ascending[::-1]),
    ):
        table.sortByColumn(0, order)
        qtbot.waitUntil(lambda: not model.loading)
        assert [model.summary(r).title for r in range(model.rowCount())] == expected
    table.selectAll()
    assert len(w.case_view.selected_uids()) == 4


def test_edit_title_then_undo_and_redo(case_window, qtbot) -> None:
    w = case_window
    view = w.case_view
    view.table.selectRow(0)
    uid = view.current_uid
    assert uid is not None
    wait_idle(qtbot, w)
    original = services.get_document(w.controller.case, uid).title
    panel = view.metadata
    panel.title.setFocus()
    panel.title.selectAll()
    qtbot.keyClicks(panel.title, "Edited title")
    qtbot.keyClick(panel.title, Qt.Key.Key_Return)
    wait_idle(qtbot, w)
    assert services.get_document(w.controller.case, uid).title == "Edited title"
    assert view.model.summary(view.model.row_of(uid)).title == "Edited title"
    undo = w.action_set.edit.undo
    assert undo.isEnabled() and "title" in undo.text()
    undo.trigger()
    wait_idle(qtbot, w)
    assert services.get_document(w.controller.case, uid).title == original
    qtbot.waitUntil(lambda: panel.title.text() == original)
    w.action_set.edit.redo.trigger()
    wait_idle(qtbot, w)
    assert services.get_document(w.controller.case, uid).title == "Edited title"


def test_date_is_checked_as_you_type_and_said_in_words(case_window, qtbot) -> None:
    w = case_window
    w.case_view.table.selectRow(0)
    panel = w.case_view.metadata
    wait_idle(qtbot, w)
    panel.date.clear()
    qtbot.keyClicks(panel.date, "2024-05~")
    assert panel.date_words.text() == "about May 2024"
    panel.date.clear()
    qtbot.keyClicks(panel.date, "2024-13-40")
    assert "not a date" in panel.date_words.text()
    uid = w.case_view.current_uid
    before = services.get_document(w.controller.case, uid).date
    qtbot.keyClick(panel.date, Qt.Key.Key_Return)  # an invalid date is not saved
    wait_idle(qtbot, w)
    assert services.get_document(w.controller.case, uid).date == before


def test_locked_case_shows_who_holds_it(window, demo_path, qtbot) -> None:
    holder = services.open_case(demo_path)  # another "process" holds the lock
    try:
        window.open_case(str(demo_path))
        page = window.start_page
        qtbot.waitUntil(lambda: page.notice.isVisible())
        text = page.notice_text.text()
        assert "in use by" in text
        assert f"process {os.getpid()}" in text
        assert page.readonly_button.isVisible()
        page.readonly_button.click()
        qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
        assert "read-only" in window.windowTitle()
        assert not window.case_view.metadata.title.isEnabled()
    finally:
        services.close_case(holder)


def test_gui_without_display_says_so(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-c", "from casefile.ui.app import main; raise SystemExit(main([]))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if sys.platform.startswith("linux"):
        assert result.returncode != 0
        assert "casefile --help" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_window_and_splitter_state_persist(qtbot, settings, demo_path) -> None:
    from casefile.ui.main_window import MainWindow

    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(790, 560)  # the offscreen screen is 800×600
    first.show()
    first.open_case(str(demo_path))
    qtbot.waitUntil(lambda: first.case_view is not None, timeout=15000)
    qtbot.waitUntil(lambda: first.case_view.width() > 0 and sum(first.case_view.sizes()) > 0)
    default = first.case_view.sizes()
    # Widen the navigator at the viewer's expense; the list keeps its (minimum) width.
    first.case_view.setSizes([default[0] + 50, default[1] - 25, default[2] - 25])
    qtbot.wait(50)
    saved = first.case_view.sizes()
    assert saved[0] - default[0] > 30  # a change worth remembering
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (790, 560)
    second.open_case(settings.recent_cases()[0])
    qtbot.waitUntil(lambda: second.case_view is not None, timeout=15000)
    # Within a few pixels: minimum widths may nudge a pane when the layout settles.
    qtbot.waitUntil(lambda: abs(second.case_view.sizes()[0] - saved[0]) <= 8, timeout=3000)
    second.close()
