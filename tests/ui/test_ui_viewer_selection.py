"""A selection in the viewer's text becomes a citation of the stored page: the actions
registered on it ("Tag as entity…", "Add to chronology…") get the document, the page
and the code-point span of the stored text, whatever Qt counts."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from casefile.core import services
from casefile.ui.viewer_selection import TextSelection
from tests.ui.util import wait_idle


def _select(viewer, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(viewer.text.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    viewer.text.setTextCursor(cursor)


def test_selection_action_gets_the_stored_span(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.search_fixtures import add_document

    page_two = "😀 Встреча с  Чарльзом Форрестом  состоялась 7 июня 2024 г."
    with services.create_case(tmp_path / "Sel") as case:
        uid = add_document(case, "memo", ["first page", page_two])
        path = str(case.path)
    window.open_case(path)
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    wait_idle(qtbot, window)
    viewer = window.case_view.viewer
    got: list[TextSelection] = []
    action = viewer.selection_actions.add("Cite this…", got.append)
    window.case_view.open_document(uid, 2, "")
    qtbot.waitUntil(lambda: "Форрестом" in viewer.text.toPlainText(), timeout=15000)
    assert not action.isEnabled()  # nothing selected yet
    shown = viewer.text.toPlainText()
    blank = shown.index("  Ч") + 1
    _select(viewer, blank, blank + 2)  # only white space: nothing to cite
    assert not action.isEnabled()

    # Qt offsets: the emoji counts two UTF-16 units; select with the spaces around.
    q_start = shown.index("  Чарльзом") + 1  # +1: the emoji's second unit
    q_end = q_start + len("  Чарльзом Форрестом  ")
    _select(viewer, q_start, q_end)
    assert action.isEnabled()
    action.trigger()

    assert len(got) == 1
    sel = got[0]
    stored = services.get_page(services.open_case(path, readonly=True), uid, 2).text
    assert (sel.document_uid, sel.page) == (uid, 2)
    assert sel.quote == "Чарльзом Форрестом"  # margins trimmed
    assert stored[sel.start : sel.end] == sel.quote  # code points of the stored text
