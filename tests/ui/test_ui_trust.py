"""Issue 10, "every action hits what the user sees, every screen tells the truth": each
test drives the window as a user would (keys, clicks, the dialogs they read) and
checks what they see and what the case holds afterwards."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from casefile.core import services
from casefile.ui.search_results import search_api
from tests.ui.util import wait_idle

pytestmark = pytest.mark.skipif(search_api() is None, reason="search services not built yet")


def _active(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """Window shortcuts (Del, Ctrl+Z) reach only the active window."""
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)


def _search(qtbot, w, text: str) -> Any:  # type: ignore[no-untyped-def]
    w.search_field.setFocus()
    w.search_field.setText(text)
    qtbot.keyClick(w.search_field, Qt.Key.Key_Return)
    panel = w.case_view.search_panel
    qtbot.waitUntil(lambda: not panel.searching, timeout=20000)
    wait_idle(qtbot, w)
    return panel


def _click_result(qtbot, w, panel, uid: str) -> None:  # type: ignore[no-untyped-def]
    row = next(i for i, h in enumerate(panel.last.hits) if h.uid == uid)
    rect = panel.results.visualItemRect(panel.results.item(row))
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: w.case_view.viewer.detail is not None)
    wait_idle(qtbot, w)
    assert w.case_view.viewer.detail.uid == uid


def _delete_dialog(qtbot, w) -> QMessageBox:  # type: ignore[no-untyped-def]
    def shown() -> QMessageBox | None:
        boxes = [d for d in w.dialogs if isinstance(d, QMessageBox) and d.isVisible()]
        return boxes[-1] if boxes else None

    qtbot.waitUntil(lambda: shown() is not None)
    box = shown()
    assert box is not None
    return box


def _confirm(qtbot, w, box: QMessageBox) -> None:  # type: ignore[no-untyped-def]
    button = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    button.click()
    wait_idle(qtbot, w)


def _uids(w) -> set[str]:  # type: ignore[no-untyped-def]
    return set(services.document_uids(w.controller.case))


def _title(w, uid: str) -> str:  # type: ignore[no-untyped-def]
    return services.get_document(w.controller.case, uid).title


# -- 1. Delete acts on the document on screen --------------------------------------------
def test_delete_in_search_mode_deletes_the_result_on_screen_not_the_hidden_row(
    case_window, qtbot
) -> None:
    w = case_window
    view = w.case_view
    _active(qtbot, w)
    view.table.selectRow(0)
    a = view.model.uid_at(0)
    wait_idle(qtbot, w)
    panel = _search(qtbot, w, "OkoVision")
    b = next(h.uid for h in panel.last.hits if h.uid != a)
    title_a, title_b = _title(w, a), _title(w, b)
    _click_result(qtbot, w, panel, b)
    total = panel.last.total
    qtbot.keyClick(panel.results, Qt.Key.Key_Delete)
    box = _delete_dialog(qtbot, w)
    assert title_b in box.text() and title_a not in box.text()
    _confirm(qtbot, w, box)
    assert b not in _uids(w) and a in _uids(w)
    # The results stop counting it (the search ran again), and show the next result.
    qtbot.waitUntil(lambda: not panel.searching and panel.last is not None)
    wait_idle(qtbot, w)
    assert panel.last.total == total - 1 and b not in [h.uid for h in panel.last.hits]
    assert f"{total - 1}</b> document" in panel.summary.text()
    assert view.viewer.detail is not None and view.viewer.detail.uid != b


def test_open_original_in_search_mode_opens_the_result_on_screen(
    case_window, qtbot, monkeypatch
) -> None:
    from casefile.ui import document_actions

    opened: list[str] = []
    monkeypatch.setattr(
        document_actions.QDesktopServices, "openUrl", lambda url: opened.append(url) or True
    )
    w = case_window
    view = w.case_view
    view.table.selectRow(0)
    a = view.model.uid_at(0)
    panel = _search(qtbot, w, "OkoVision")
    b = next(h for h in panel.last.hits if h.uid != a)
    _click_result(qtbot, w, panel, b.uid)
    w.action_set.document.open_original.trigger()
    qtbot.waitUntil(lambda: bool(opened))
    name = services.get_document(w.controller.case, b.uid).original_filename
    assert opened[0].toLocalFile().endswith(name)


def test_delete_of_several_rows_says_how_many_and_names_them(case_window, qtbot) -> None:
    w = case_window
    view = w.case_view
    view.table.selectAll()
    wait_idle(qtbot, w)
    assert w.action_set.document.delete.text().replace("&", "") == "Delete 4 Documents…"
    w.action_set.document.delete.trigger()
    box = _delete_dialog(qtbot, w)
    assert "these 4 documents" in box.text()
    assert _title(w, view.model.uid_at(0)) in box.text()
    box.reject()
    assert len(_uids(w)) == 4


# -- 3. after a delete the panes move on -------------------------------------------------
def test_after_deleting_a_row_the_panes_show_the_next_one(case_window, qtbot) -> None:
    w = case_window
    view = w.case_view
    _active(qtbot, w)
    view.table.selectRow(1)
    gone, following = view.model.uid_at(1), view.model.uid_at(2)
    wait_idle(qtbot, w)
    assert view.metadata.detail is not None and view.metadata.detail.uid == gone
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    _confirm(qtbot, w, _delete_dialog(qtbot, w))
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    wait_idle(qtbot, w)
    assert view.viewer.detail is not None and view.viewer.detail.uid == following
    assert view.metadata.detail is not None and view.metadata.detail.uid == following
    assert view.metadata.title.text() == _title(w, following)


def test_after_deleting_the_last_result_the_panes_are_empty(case_window, qtbot) -> None:
    w = case_window
    view = w.case_view
    panel = _search(qtbot, w, "kind:court_filing")
    assert len(panel.last.hits) == 1
    _click_result(qtbot, w, panel, panel.last.hits[0].uid)
    w.action_set.document.delete.trigger()
    _confirm(qtbot, w, _delete_dialog(qtbot, w))
    qtbot.waitUntil(lambda: not panel.searching)
    wait_idle(qtbot, w)
    assert panel.results.count() == 0
    assert view.viewer.detail is None and view.metadata.detail is None
    assert not view.metadata.title.isEnabled() and view.metadata.title.text() == ""
    assert view.metadata.rel_source.currentText() == "—"  # not the deleted one's grade
    assert not w.action_set.document.delete.isEnabled()


# -- 11. every view shows the state it names ---------------------------------------------
def test_clearing_the_search_box_clears_the_results(case_window, qtbot) -> None:
    w = case_window
    panel = _search(qtbot, w, "OkoVision")
    assert panel.results.count() >= 3
    w.search_field.clear()  # what the box's clear button does
    assert w.case_view.centre.currentWidget() is w.case_view.table
    assert panel.results.count() == 0


def test_a_new_search_drops_the_old_highlights_until_it_returns(
    case_window, qtbot, monkeypatch
) -> None:
    from casefile.ui import search_panel

    w = case_window
    panel = _search(qtbot, w, "OkoVision")
    _click_result(qtbot, w, panel, panel.last.hits[0].uid)
    viewer = w.case_view.viewer
    assert viewer.spans and viewer.hit_label.text().strip().startswith("Hits on page: 1/")
    release = threading.Event()
    real = search_panel.run_search

    def slow(*args: Any) -> Any:
        release.wait(10)
        return real(*args)

    monkeypatch.setattr(search_panel, "run_search", slow)
    w.search_field.setText("Helix")
    qtbot.keyClick(w.search_field, Qt.Key.Key_Return)
    assert panel.searching
    assert not viewer.spans and not viewer.layers.get("hits")
    assert "Hits on page" not in viewer.hit_label.text()
    assert panel.results.count() == 0 and panel.facet_tree.topLevelItemCount() == 0
    release.set()
    qtbot.waitUntil(lambda: not panel.searching, timeout=20000)
    assert panel.results.count() >= 1


def test_a_malformed_query_leaves_no_old_facets(case_window, qtbot) -> None:
    w = case_window
    panel = _search(qtbot, w, "OkoVision")
    assert panel.facet_tree.topLevelItemCount() > 0
    panel = _search(qtbot, w, "(OkoVision")
    assert "never closed" in panel.summary.text()
    assert panel.facet_tree.topLevelItemCount() == 0 and panel.results.count() == 0


def test_the_navigator_highlights_what_the_table_shows(case_window, qtbot) -> None:
    w = case_window
    nav, model = w.case_view.navigator, w.case_view.model
    tag = nav.find_item("OkoVision")
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(tag).center()
    )
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert nav.selectedItems() == [nav.find_item("OkoVision")]
    w.action_set.view.all_docs.trigger()
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    wait_idle(qtbot, w)
    assert [i.text(0) for i in nav.selectedItems()] == ["Documents  4"]
    _search(qtbot, w, "Helix")
    assert nav.selectedItems() == []  # search results: no entry names them


# -- 6. undo and redo by keyboard --------------------------------------------------------
def test_no_key_is_given_to_two_actions(case_window) -> None:
    seen: dict[str, str] = {}
    for action in case_window.findChildren(QAction):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue
        for key in action.shortcuts():
            name = key.toString()
            assert name not in seen, f"{name}: {seen[name]} and {action.text()}"
            seen[name] = action.text()


def test_ctrl_z_in_a_field_and_ctrl_shift_z_do_not_fight(case_window, qtbot) -> None:
    w = case_window
    view = w.case_view
    _active(qtbot, w)
    view.table.selectRow(0)
    wait_idle(qtbot, w)
    uid, panel = view.current_uid, view.metadata
    original = _title(w, uid)
    panel.title.setFocus()
    panel.title.selectAll()
    qtbot.keyClicks(panel.title, "Edited title")
    qtbot.keyClick(panel.title, Qt.Key.Key_Return)
    wait_idle(qtbot, w)
    assert _title(w, uid) == "Edited title"
    # Typing not yet committed: Ctrl+Z takes back the typing, not the saved edit.
    qtbot.keyClicks(panel.title, " more")
    qtbot.keyClick(panel.title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.title.text() == "Edited title"
    assert _title(w, uid) == "Edited title"
    # Nothing left to undo in the field: Ctrl+Z is the case's Undo, as the menu says.
    qtbot.keyClick(panel.title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, w)
    assert _title(w, uid) == original
    qtbot.waitUntil(lambda: panel.title.text() == original)
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.table, Qt.Key.Key_Z, redo)
    wait_idle(qtbot, w)
    assert _title(w, uid) == "Edited title"
    assert QKeySequence("Ctrl+Shift+Z") in w.action_set.edit.redo.shortcuts()


# -- 10. saved searches are renamed and deleted in the app, undoably ---------------------
def test_saved_search_is_deleted_with_del_and_renamed_with_undo(
    case_window, qtbot, monkeypatch
) -> None:
    from casefile.ui import navigator as navigator_module

    w = case_window
    nav = w.case_view.navigator
    panel = _search(qtbot, w, "OkoVision")
    panel.save_as("Faces")  # (not "Oko": the tag OkoVision starts so)
    qtbot.waitUntil(lambda: nav.find_item("Faces") is not None)
    assert nav.selectedItems() == [nav.find_item("Faces")]  # it names what is shown
    names = lambda: [s.name for s in services.list_saved_searches(w.controller.case)]  # noqa: E731
    monkeypatch.setattr(
        navigator_module.QInputDialog, "getText", lambda *a, **k: ("Faces everywhere", True)
    )
    nav.setCurrentItem(nav.find_item("Faces"))
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: nav.find_item("Faces everywhere") is not None)
    assert names() == ["Faces everywhere"]
    nav.setCurrentItem(nav.find_item("Faces everywhere"))
    qtbot.keyClick(nav, Qt.Key.Key_Delete)
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: nav.find_item("Faces everywhere") is None)
    assert names() == [] and len(_uids(w)) == 4  # no document was touched
    w.action_set.edit.undo.trigger()
    wait_idle(qtbot, w)
    assert names() == ["Faces everywhere"]
    w.action_set.edit.undo.trigger()
    wait_idle(qtbot, w)
    assert names() == ["Faces"]
    saved = services.list_saved_searches(w.controller.case)[0]
    assert saved.query == "OkoVision"


# -- 18. keyboard flow -------------------------------------------------------------------
def test_down_after_a_search_moves_into_the_results(case_window, qtbot) -> None:
    w = case_window
    _active(qtbot, w)
    panel = _search(qtbot, w, "OkoVision")
    qtbot.keyClick(w.search_field, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    assert panel.results.currentRow() == 0
    wait_idle(qtbot, w)
    assert w.case_view.viewer.detail.uid == panel.last.hits[0].uid


# -- issue 9 item 6: nothing reads the database on the UI thread -------------------------
def test_documents_and_originals_are_read_off_the_ui_thread(
    case_window, qtbot, monkeypatch
) -> None:
    from casefile.ui import document_actions

    monkeypatch.setattr(document_actions.QDesktopServices, "openUrl", lambda url: True)
    w = case_window
    view = w.case_view
    pdf = next(r for r in range(4) if view.model.summary(r).file_type == "pdf")
    on_ui: list[str] = []
    ui = threading.get_ident()
    for name in ("get_document", "get_page", "original_copy", "original_path", "summaries_for"):
        real = getattr(services, name)

        def watched(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            if threading.get_ident() == ui:
                on_ui.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(services, name, watched)
    view.table.selectRow(pdf)
    qtbot.waitUntil(lambda: view.viewer.detail is not None)
    wait_idle(qtbot, w)
    view.viewer.next_page.trigger()
    wait_idle(qtbot, w)
    assert view.viewer.page == 2 and view.viewer.text.toPlainText().strip()
    view.viewer.original_mode.trigger()
    wait_idle(qtbot, w)
    assert view.viewer.stack.currentWidget() is view.viewer.pdf
    view.viewer.text_mode.trigger()
    w.action_set.document.open_original.trigger()
    w.action_set.document.reveal.trigger()
    w.action_set.document.delete.trigger()
    _delete_dialog(qtbot, w).reject()
    panel = _search(qtbot, w, "OkoVision")
    _click_result(qtbot, w, panel, panel.last.hits[1].uid)
    wait_idle(qtbot, w)
    assert on_ui == []


# -- issue 9 item 5: one signal carrying what changed ------------------------------------
def test_the_controller_announces_each_write_once_with_what_changed(case_window, qtbot) -> None:
    w = case_window
    heard: list[Any] = []
    w.controller.changed.connect(heard.append)
    uid = w.case_view.model.uid_at(0)
    w.controller.set_tags(uid, [], ["urgent"])
    wait_idle(qtbot, w)
    assert len(heard) == 1 and heard[0].tags and heard[0].detail(uid).tags == ("urgent",)
    w.controller.delete_documents([uid])
    wait_idle(qtbot, w)
    assert len(heard) == 2 and heard[1].removed == {uid}
    assert not any(hasattr(w.controller, n) for n in ("documentChanged", "documentsChanged"))


def test_undo_after_a_delete_does_not_edit_the_deleted_document(case_window, qtbot) -> None:
    w = case_window
    uid = w.case_view.model.uid_at(0)
    title = _title(w, uid)
    w.controller.edit_document(uid, "title", title, "Renamed", title)
    wait_idle(qtbot, w)
    w.controller.delete_documents([uid])
    wait_idle(qtbot, w)
    errors: list[str] = []
    w.controller.failed.connect(errors.append)
    w.action_set.edit.undo.trigger()
    wait_idle(qtbot, w)
    assert errors == []  # no "there is no document" box for an edit nobody can see
    assert "deleted since" in w.statusBar().currentMessage()
    assert not w.undo_group.canUndo()


def test_a_reply_arriving_as_the_window_closes_asks_for_nothing_more(qtbot) -> None:
    """A document read that lands after the window closed used to ask for its page on a
    pool already shut down ("cannot schedule new futures after shutdown")."""
    from casefile.ui.runner import Runner

    runner = Runner()
    runner.shutdown()
    called: list[object] = []
    future = runner.read(called.append, 1, on_done=called.append)
    assert future.cancelled() and runner.idle and called == []
