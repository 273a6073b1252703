"""The Chronology view driven as a person would: the demo's events in date order, sorting,
filtering by flag, "Add to chronology…" from a selection in the viewer, editing and
undoing, accepting a date suggestion, clicking the timeline and a citation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

from casefile.core import services
from casefile.core.services import chronology
from casefile.ui.chronology.passage import PASSAGE
from tests.ui.util import wait_idle


@pytest.fixture
def chrono(case_window, qtbot):  # type: ignore[no-untyped-def]
    view = case_window.case_view
    item = view.navigator.find_item("Chronology")
    assert item is not None and item.text(0) == "Chronology  9"
    rect = view.navigator.visualItemRect(item)
    qtbot.mouseClick(view.navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: view.chronology.model.rowCount() == 9, timeout=15000)
    wait_idle(qtbot, case_window)
    assert view.centre.currentWidget() is view.chronology
    return view.chronology


def _column(view, col: int) -> list[str]:  # type: ignore[no-untyped-def]
    m = view.model
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def test_table_shows_the_demos_events_in_date_order(case_window, chrono, qtbot) -> None:  # type: ignore[no-untyped-def]
    wanted = [e.date_words for e in chronology.list_events(case_window.controller.case)]
    assert _column(chrono, 0) == wanted
    assert _column(chrono, 0)[0] == "March 2019 – 15 March 2024"  # the interval first
    assert "c. April 2024" in _column(chrono, 0)
    assert _column(chrono, 3)[2] == "Doc 1, p. 1; Doc 3, p. 1; Doc 4, p. 1"
    m = chrono.model
    flags_tip = m.data(m.index(0, 5), Qt.ItemDataRole.ToolTipRole)
    assert "every citation comes from one document" in flags_tip
    chrono.language.setCurrentIndex(chrono.language.findData("ru"))
    assert _column(chrono, 0)[-1] == "7 июня 2024 г."
    # The timeline drew every dated event.
    assert len(chrono.timeline.items) == 9


def test_sorting_by_title_and_back_by_date(chrono, qtbot) -> None:  # type: ignore[no-untyped-def]
    header = chrono.table.horizontalHeader()
    x = header.sectionViewportPosition(1) + 20
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: _column(chrono, 1) == sorted(_column(chrono, 1), key=str.lower))
    assert _column(chrono, 1)[0].startswith("Daniel Forrest employed")
    chrono.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: _column(chrono, 0)[0] == "7 June 2024", timeout=5000)


def test_filter_by_flag(chrono, qtbot) -> None:  # type: ignore[no-untyped-def]
    chrono.filters.set_flag("single_source")
    qtbot.waitUntil(lambda: chrono.model.rowCount() == 6, timeout=5000)
    assert all("Single" in f for f in _column(chrono, 5))
    chrono.filters.set_flag(None)
    qtbot.waitUntil(lambda: chrono.model.rowCount() == 9, timeout=5000)
    chrono.filters.text.setText("Forrest")
    qtbot.waitUntil(lambda: chrono.model.rowCount() == 3, timeout=5000)


def _open_and_select(case_window, qtbot, words: str):  # type: ignore[no-untyped-def]
    """Open the demo's claim summary in the viewer and select `words` on its page."""
    view = case_window.case_view
    case = case_window.controller.case
    doc = next(d for d in services.list_documents(case) if "claim summary" in d.title)
    view.open_document(doc.uid)
    viewer = view.viewer
    qtbot.waitUntil(lambda: words in viewer.text.toPlainText(), timeout=10000)
    shown = viewer.text.toPlainText()
    cursor = QTextCursor(viewer.text.document())
    cursor.setPosition(shown.index(words))
    cursor.setPosition(shown.index(words) + len(words), QTextCursor.MoveMode.KeepAnchor)
    viewer.text.setTextCursor(cursor)
    return doc, viewer


def test_add_to_chronology_from_a_selection(case_window, chrono, qtbot) -> None:  # type: ignore[no-untyped-def]
    words = "dismissal on 15 March 2024"
    doc, viewer = _open_and_select(case_window, qtbot, "dismissal")
    shown = viewer.text.toPlainText()
    sentence_start = shown.index("dismissal")
    end = shown.index("2024", sentence_start) + 4
    cursor = QTextCursor(viewer.text.document())
    cursor.setPosition(sentence_start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    viewer.text.setTextCursor(cursor)
    quote = shown[sentence_start:end]
    action = next(a for a in viewer.selection_actions.actions if a.text() == "Add to chronology…")
    assert action.isEnabled()
    action.trigger()
    editor = chrono.editor
    assert editor.isVisible()
    assert editor.table.rowCount() == 1 and editor.citations[0].quote == quote
    assert editor.date.text() == "2024-03-15" and "15 March 2024" in editor.date_words.text()
    editor.title_edit.setText("Forrest dismissed (from the claim)")
    editor.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: chrono.model.rowCount() == 10, timeout=10000)
    wait_idle(qtbot, case_window)
    case = case_window.controller.case
    ev = next(e for e in chronology.list_events(case) if e.title.endswith("(from the claim)"))
    (cite,) = ev.citations
    page = services.get_page(case, doc.uid, cite.page).text
    assert (cite.document_uid, cite.quote) == (doc.uid, quote)
    assert page[cite.start : cite.end] == quote
    assert chrono.current_uid() == ev.uid  # the new event is selected
    assert words.split()[0] in quote
    case_window.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: chrono.model.rowCount() == 9, timeout=10000)


def test_a_date_being_typed_says_what_is_wrong(chrono, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = chrono.add_event()
    ok = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    editor.title_edit.setText("Something")
    editor.date.setText("30 February 2023")
    assert "February 2023 has 28 days" in editor.date_words.text() and not ok.isEnabled()
    editor.date.setText("около мая 2024 г.")
    assert editor.date_words.text().startswith("c. May 2024") and ok.isEnabled()
    editor.reject()


def test_edit_delete_and_undo(case_window, chrono, qtbot) -> None:  # type: ignore[no-untyped-def]
    stack = case_window.controller.undo_stack
    chrono.select_uid(chrono.model.uid_at(1))
    editor = chrono.edit_current()
    assert editor.title_edit.text() == "Tarn Data Solutions Ltd incorporated in Cyprus"
    editor.title_edit.setText("Tarn Data incorporated")
    editor.date.setText("2023")
    editor.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "Tarn Data incorporated" in _column(chrono, 1), timeout=10000)
    assert stack.undoText().startswith("Edit event")
    stack.undo()
    qtbot.waitUntil(
        lambda: "Tarn Data Solutions Ltd incorporated in Cyprus" in _column(chrono, 1),
        timeout=10000,
    )
    assert _column(chrono, 0)[1] == "January 2023"

    chrono.select_uid(chrono.model.uid_at(0))
    gone = chrono.current_row().info
    chrono.delete_current()
    qtbot.waitUntil(lambda: chrono.model.rowCount() == 8, timeout=10000)
    stack.undo()
    qtbot.waitUntil(lambda: chrono.model.rowCount() == 9, timeout=10000)
    wait_idle(qtbot, case_window)
    back = chronology.get_event(case_window.controller.case, gone.uid)
    assert [(c.document_uid, c.start, c.end) for c in back.citations] == [
        (c.document_uid, c.start, c.end) for c in gone.citations
    ]


def test_clicking_the_timeline_selects_the_event(chrono, qtbot) -> None:  # type: ignore[no-untyped-def]
    uid = chrono.model.uid_at(4)
    chrono.timeline.repaint()
    point = chrono.timeline.point_of(uid)
    assert point is not None
    qtbot.mouseClick(chrono.timeline, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert chrono.current_uid() == uid
    # The wheel zooms in around the pointer; a drag pans.
    span = chrono.timeline.span
    chrono.timeline.zoom(4, point.x())
    assert chrono.timeline.span == pytest.approx(span / 4)


def test_a_citation_opens_its_passage_highlighted(case_window, chrono, qtbot) -> None:  # type: ignore[no-untyped-def]
    chrono.select_uid(chrono.model.uid_at(2))
    qtbot.waitUntil(lambda: chrono.details.citations.count() == 3, timeout=5000)
    item = chrono.details.citations.item(1)
    cite = item.data(Qt.ItemDataRole.UserRole + 1)
    chrono.details.citations.itemClicked.emit(item)
    viewer = case_window.case_view.viewer
    qtbot.waitUntil(
        lambda: (
            viewer.detail is not None
            and viewer.detail.uid == cite.document_uid
            and bool(_passages(viewer))
        ),
        timeout=10000,
    )
    (sel,) = _passages(viewer)
    # Paragraphs view joins hard-wrapped lines: the same words, the same offsets.
    assert sel.cursor.selectedText().split() == cite.quote.split()
    assert sel.cursor.selectionStart() == cite.start


def _passages(viewer):  # type: ignore[no-untyped-def]
    """The viewer's highlights in the passage colour (others, e.g. mentions, aside)."""
    return [s for s in viewer.text.extraSelections() if s.format.background().color() == PASSAGE]


@pytest.mark.slow
def test_accepting_a_date_suggestion_makes_a_cited_event(case_window, chrono, qtbot) -> None:  # type: ignore[no-untyped-def]
    queue = chrono.queue
    queue.find_button.click()
    qtbot.waitUntil(lambda: queue.job is None, timeout=120000)
    assert queue.list.count() > 0
    assert "to review" in queue.status.text()
    queue.list.setCurrentRow(0)
    sg = queue.current()
    before = queue.list.count()
    queue.accept_current()
    assert queue.list.count() == before - 1
    qtbot.waitUntil(lambda: chrono.model.rowCount() == 10, timeout=10000)
    wait_idle(qtbot, case_window)
    case = case_window.controller.case
    ev = next(
        e for e in chronology.list_events(case) if e.date == sg.date and e.title in sg.sentence
    )
    assert ev.citations[0].document_uid == sg.document_uid
    case_window.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: chrono.model.rowCount() == 9, timeout=10000)
    # Undo gives the suggestion back, in its place and selected: no "Find Dates Again".
    assert queue.list.count() == before and queue.current() == sg
    assert queue.list.currentRow() == 0 and queue.accept_button.isEnabled()
    case_window.controller.undo_stack.redo()
    qtbot.waitUntil(lambda: chrono.model.rowCount() == 10, timeout=10000)
    assert queue.list.count() == before - 1 and queue.current() != sg
