"""The metadata panel edits what the user selected (issue 10 items 2 and 13): several
rows get one bulk edit with one undo step; an invalid date stays until fixed or
reverted, and its error does not move the form."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt

from casefile.core import services
from tests.ui.util import wait_idle


def select_rows(view, rows: list[int]) -> None:  # type: ignore[no-untyped-def]
    view.table.selectRow(rows[0])
    sm = view.table.selectionModel()
    for r in rows[1:]:
        sm.select(
            view.model.index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_several_selected_rows_are_edited_together_and_undone_in_one_step(
    case_window, qtbot
) -> None:
    w = case_window
    view, panel, case = w.case_view, w.case_view.metadata, w.controller.case
    select_rows(view, [0, 1, 2])
    uids = view.selected_uids()
    other = next(view.model.uid_at(r) for r in range(4) if view.model.uid_at(r) not in uids)
    assert len(uids) == 3
    before = {u: services.get_document(case, u) for u in [*uids, other]}
    qtbot.waitUntil(lambda: panel.shared is not None)

    # The panel says it edits three, and the per-document fields are not offered.
    assert panel.selection_note.isVisible() and "3 documents" in panel.selection_note.text()
    for field in (panel.title, panel.date, panel.author, panel.url, panel.notes):
        assert not field.isEnabled()
    assert panel.title.text() == "" and "one document" in panel.title.placeholderText()
    assert panel.kind.isEnabled() and panel.tags.isEnabled()

    index = panel.kind.findData("report")
    panel.kind.setCurrentIndex(index)
    panel.kind.activated.emit(index)
    wait_idle(qtbot, w)
    panel.tags.setFocus()
    panel.tags.end(False)
    qtbot.keyClicks(panel.tags, ", Bulk tag")
    qtbot.keyClick(panel.tags, Qt.Key.Key_Return)
    wait_idle(qtbot, w)

    after = {u: services.get_document(case, u) for u in [*uids, other]}
    for u in uids:
        assert after[u].kind == "report"
        assert set(after[u].tags) == set(before[u].tags) | {"Bulk tag"}  # own tags kept
    assert after[other] == before[other]
    assert w.actions_["undo"].text().replace("&", "").startswith("Undo Add tag Bulk tag to 3")

    w.actions_["undo"].trigger()
    w.actions_["undo"].trigger()
    wait_idle(qtbot, w)
    for u in uids:
        d = services.get_document(case, u)
        assert (d.kind, d.tags) == (before[u].kind, before[u].tags)

    # Back to one row: the panel edits that document alone again.
    view.table.selectRow(3)
    qtbot.waitUntil(lambda: panel.title.isEnabled())
    assert not panel.selection_note.isVisible()
    assert panel.title.text() == services.get_document(case, view.current_uid).title


def test_an_invalid_date_stays_until_fixed_and_does_not_move_the_form(case_window, qtbot) -> None:
    w = case_window
    view, panel, case = w.case_view, w.case_view.metadata, w.controller.case
    view.table.selectRow(0)
    uid = view.current_uid
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.uid == uid)
    stored = services.get_document(case, uid).date
    body = panel.widget()

    def source_y() -> int:
        body.layout().activate()
        return panel.source.mapTo(body, QPoint(0, 0)).y()

    y_before = source_y()
    panel.date.setFocus()
    panel.date.selectAll()
    qtbot.keyClicks(panel.date, "2024-13-40")
    qtbot.keyClick(panel.date, Qt.Key.Key_Return)
    assert panel.date.property("invalid")
    assert source_y() == y_before  # the error did not push the form down

    # Saving another field does not replace the user's text with the stored date.
    panel.title.setFocus()
    panel.title.selectAll()
    qtbot.keyClicks(panel.title, "Another title")
    qtbot.keyClick(panel.title, Qt.Key.Key_Return)
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: panel.detail.title == "Another title")
    assert panel.date.text() == "2024-13-40"
    assert panel.date.property("invalid") and "not a date" in panel.date_words.text()
    assert services.get_document(case, uid).date == stored

    # Escape puts the saved date back.
    panel.date.setFocus()
    qtbot.keyClick(panel.date, Qt.Key.Key_Escape)
    assert panel.date.text() == (stored or "")
    assert not panel.date.property("invalid")


def test_clearing_the_selection_ends_the_bulk_edit(case_window, qtbot) -> None:
    w = case_window
    view, panel = w.case_view, w.case_view.metadata
    select_rows(view, [0, 1])
    qtbot.waitUntil(lambda: panel.shared is not None)
    assert panel.bulk
    view.table.clearSelection()
    assert not panel.bulk and not panel.selection_note.isVisible()
    assert not panel.kind.isEnabled()  # nothing left to edit, in bulk or alone
