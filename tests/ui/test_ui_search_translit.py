"""Transliteration in the app (issue 11 item 9) and title hits in the results list
(item 8): "Also match transliterations" in the search panel makes Chekhov find Чехов,
and the viewer marks the forms it matched; a word found in a title is marked in the
title the results list draws."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from tests.ui.test_ui_search import _search
from tests.ui.util import wait_idle

RUSSIAN = "Антон Павлович Чехов родился в Таганроге. Пьесы Чехова ставят во всём мире."
ENGLISH = "Anton Chekhov wrote The Seagull and Uncle Vanya."


def _open_case(window, qtbot, tmp_path) -> object:  # type: ignore[no-untyped-def]
    from casefile.core import services

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "biography.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "plays.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "Seagull rehearsal notes.txt").write_text("Nothing here.", encoding="utf-8")
    with services.create_case(tmp_path / "Translit") as case:
        services.import_paths(case, [folder])
        path = str(case.path)
    window.open_case(path)
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    qtbot.waitUntil(lambda: window.case_view.model.rowCount() == 3, timeout=15000)
    return window.case_view


def test_the_toggle_finds_and_marks_the_other_script(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = _open_case(window, qtbot, tmp_path)
    panel = _search(qtbot, window, "Chekhov")
    assert not panel.translit.isChecked()  # off by default
    assert [h.title for h in panel.last.hits] == ["plays"]

    qtbot.mouseClick(panel.translit, Qt.MouseButton.LeftButton)  # the search runs again
    qtbot.waitUntil(lambda: not panel.searching and panel.last.total == 2, timeout=20000)
    assert sorted(h.title for h in panel.last.hits) == ["biography", "plays"]

    row = next(i for i, h in enumerate(panel.last.hits) if h.title == "biography")
    panel.results.setCurrentRow(row)
    wait_idle(qtbot, window)
    viewer = view.viewer
    qtbot.waitUntil(lambda: bool(viewer.spans), timeout=10000)
    text = viewer.text.toPlainText()
    assert [text[a:b] for a, b in viewer.spans] == ["Чехов", "Чехова"]
    assert len(viewer.text.extraSelections()) == 2  # painted, not only computed

    qtbot.mouseClick(panel.translit, Qt.MouseButton.LeftButton)  # off again
    qtbot.waitUntil(lambda: not panel.searching and panel.last.total == 1, timeout=20000)


def _title_marks(html: str) -> list[str]:
    """The words the delegate is told to draw highlighted in the first line (the
    title): fragments of the item's HTML with a background colour."""
    doc = QTextDocument()
    doc.setHtml(html)
    title_line = doc.begin().text().split("\u2028")[0]
    marked = []
    block = doc.begin()
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        painted = fragment.charFormat().background().style() != Qt.BrushStyle.NoBrush
        if painted and fragment.position() < len(title_line):
            marked.append(fragment.text())
        it += 1
    return marked


def test_a_title_hit_is_marked_in_the_results_list(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _open_case(window, qtbot, tmp_path)
    panel = _search(qtbot, window, "rehearsal")  # only in a title
    assert [h.title for h in panel.last.hits] == ["Seagull rehearsal notes"]
    item = panel.results.item(0)
    assert _title_marks(item.data(Qt.ItemDataRole.DisplayRole)) == ["rehearsal"]
    panel = _search(qtbot, window, "seagull")  # in a title and in another's text
    marks = {
        h.title: _title_marks(panel.results.item(i).data(Qt.ItemDataRole.DisplayRole))
        for i, h in enumerate(panel.last.hits)
    }
    assert marks == {"Seagull rehearsal notes": ["Seagull"], "plays": []}


def test_a_saved_search_comes_back_with_its_transliteration(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Saved while "Also match transliterations" is on, the search runs with it again
    from the navigator's list, whatever the toggle says meanwhile."""
    from casefile.core import services

    _open_case(window, qtbot, tmp_path)
    panel = _search(qtbot, window, "Chekhov")
    qtbot.mouseClick(panel.translit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.searching and panel.last.total == 2, timeout=20000)
    panel.save_as("Chekhov, both scripts")
    case = window.controller.case
    qtbot.waitUntil(lambda: bool(services.list_saved_searches(case)), timeout=10000)
    (saved,) = services.list_saved_searches(case)
    assert saved.translit

    qtbot.mouseClick(panel.translit, Qt.MouseButton.LeftButton)  # off, one hit again
    qtbot.waitUntil(lambda: not panel.searching and panel.last.total == 1, timeout=20000)
    nav = window.case_view.navigator
    qtbot.waitUntil(lambda: nav.find_item("Chekhov, both scripts") is not None)
    item = nav.find_item("Chekhov, both scripts")
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center()
    )
    qtbot.waitUntil(lambda: not panel.searching and panel.last.total == 2, timeout=20000)
    assert panel.translit.isChecked()
    assert sorted(h.title for h in panel.last.hits) == ["biography", "plays"]
