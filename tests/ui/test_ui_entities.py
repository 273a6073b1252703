"""The entities GUI driven as a person would (issue 12): the navigator's Entities view,
the entity page's edits (create, rename, alias, split, merge, delete), each undone with
Edit → Undo; a selection tagged in the viewer; mentions coloured there, with the search's
hits on top; a wrong mention rejected from the context menu; the network view."""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtTest import QTest

from casefile.core import services
from casefile.ui.entities import kinds
from tests.ui.util import wait_idle


def _gui(window):  # type: ignore[no-untyped-def]
    return window.entities


def _entities(window):  # type: ignore[no-untyped-def]
    panel = _gui(window).panel
    return {e.name: e for e in panel.entities}


def _listed(window) -> list[str]:  # type: ignore[no-untyped-def]
    tree = _gui(window).panel.list.tree
    names = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        names += [group.child(j).text(0) for j in range(group.childCount())]
    return names


def _open(window, qtbot, name: str):  # type: ignore[no-untyped-def]
    """Choose an entity in the list, as a click would; returns its page once shown."""
    gui = _gui(window)
    gui.show("entities")
    qtbot.waitUntil(lambda: name in _entities(window), timeout=15000)
    assert gui.panel.list.select(_entities(window)[name].uid)
    page = gui.panel.page
    qtbot.waitUntil(lambda: page.info is not None and page.info.name == name, timeout=15000)
    return page


def _undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.action_set.edit.undo.trigger()
    wait_idle(qtbot, window)


def test_navigator_lists_entities_by_kind_and_filters(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = case_window
    nav = w.case_view.navigator
    qtbot.waitUntil(lambda: nav.find_item("Entities  10") is not None, timeout=15000)
    people = nav.find_item("People  1")
    assert people is not None
    nav._chosen(people)  # as a click on the entry does
    assert w.case_view.centre.currentWidget() is _gui(w).panel
    assert nav.marked() is people
    assert _listed(w) == ["Daniel Forrest"]

    # Choosing the panel's own tabs and kinds moves the navigator's mark along.
    _gui(w).panel.tabs.setCurrentIndex(2)
    assert nav.marked() is nav.find_item("Network")
    _gui(w).panel.tabs.setCurrentIndex(0)
    assert nav.marked() is people
    _gui(w).panel.list.set_kind(None)
    assert nav.marked() is nav.find_item("Entities")
    assert len(_listed(w)) == 10
    box = _gui(w).panel.list.filter
    for ch in "форр":  # an alias in another script finds the entity
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, box, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )
    assert _listed(w) == ["Daniel Forrest"]
    # Back to the documents: the table again.
    nav._chosen(nav.find_item("Documents"))
    assert w.case_view.centre.currentWidget() is w.case_view.table


def test_create_rename_and_undo(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = case_window
    gui = _gui(w)
    gui.show("entities")
    gui.panel.new_entity()
    dialog = gui.panel.new_dialog
    dialog.name.setText("Marta Ilyina")
    dialog.kind.setCurrentIndex(dialog.kind.findData("person"))
    dialog.aliases.setText("Марта Ильина, M. Ilyina")
    dialog.accept()
    wait_idle(qtbot, w)
    page = gui.panel.page
    qtbot.waitUntil(
        lambda: page.info is not None and page.info.name == "Marta Ilyina", timeout=15000
    )
    assert page.aliases.count() == 3
    assert "Marta Ilyina" in _listed(w)

    page.edit()
    page.dialog.name.setText("Marta Ilyina-Smith")
    page.dialog.notes.setPlainText("Director of Tarn Data")
    page.dialog.accept()
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: page.name.text() == "Marta Ilyina-Smith", timeout=15000)
    assert page.notes.text() == "Director of Tarn Data"

    _undo(w, qtbot)  # the rename: the old name, and no alias left over from the new one
    qtbot.waitUntil(lambda: page.name.text() == "Marta Ilyina", timeout=15000)
    info = services.get_entity(w.controller.case, page.uid)
    assert {a.text for a in info.aliases} == {"Marta Ilyina", "Марта Ильина", "M. Ilyina"}
    assert info.notes is None
    _undo(w, qtbot)  # the creation
    qtbot.waitUntil(lambda: "Marta Ilyina" not in _listed(w), timeout=15000)
    w.action_set.edit.redo.trigger()
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: "Marta Ilyina" in _listed(w), timeout=15000)


def test_alias_add_remove_split_and_undo(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = case_window
    page = _open(w, qtbot, "OkoVision LLC")
    page.add_alias()
    page.dialog.text.setText("OVL")
    page.dialog.weak.setChecked(True)
    page.dialog.accept()
    wait_idle(qtbot, w)
    qtbot.waitUntil(
        lambda: any("OVL" in page.aliases.item(i).text() for i in range(page.aliases.count())),
        timeout=15000,
    )
    assert any(a.text == "OVL" and a.weak for a in page.info.aliases)
    _undo(w, qtbot)
    qtbot.waitUntil(lambda: all(a.text != "OVL" for a in page.info.aliases), timeout=15000)

    # Split "ОкоВижн" off, then undo: one entity again, with every mention.
    before = page.info.mentions
    row = next(i for i in range(page.aliases.count()) if page.aliases.item(i).text() == "ОкоВижн")
    page.aliases.setCurrentRow(row)
    assert page.split_button.isEnabled()
    page.split()
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: "ОкоВижн" in _entities(w), timeout=15000)
    qtbot.waitUntil(lambda: page.info.mentions < before, timeout=15000)
    _undo(w, qtbot)
    qtbot.waitUntil(lambda: "ОкоВижн" not in _entities(w), timeout=15000)
    qtbot.waitUntil(lambda: page.info.mentions == before, timeout=15000)

    # Remove an alias, undo: back as it was.
    row = next(
        i for i in range(page.aliases.count()) if page.aliases.item(i).text() == "Oko Vision"
    )
    page.aliases.setCurrentRow(row)
    page.remove_alias()
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: all(a.text != "Oko Vision" for a in page.info.aliases), timeout=15000)
    _undo(w, qtbot)
    qtbot.waitUntil(lambda: any(a.text == "Oko Vision" for a in page.info.aliases), timeout=15000)


def test_merge_and_delete_then_undo(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = case_window
    case = w.controller.case
    tarn = services.get_entity(case, "Tarn Data Solutions Ltd")
    oko = services.get_entity(case, "OkoVision LLC")
    tarn_relations = len(services.list_relations(case, tarn.uid))
    page = _open(w, qtbot, "Tarn Data Solutions Ltd")

    page.merge()
    page.dialog.picker.setText("ОкоВижн")  # completion also takes an alias
    assert page.dialog.chosen().uid == oko.uid
    page.dialog.accept()
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: "Tarn Data Solutions Ltd" not in _listed(w), timeout=15000)
    qtbot.waitUntil(lambda: page.info is not None and page.info.uid == oko.uid, timeout=15000)
    assert any(a.text == "Tarn Data" for a in page.info.aliases)

    _undo(w, qtbot)
    qtbot.waitUntil(lambda: "Tarn Data Solutions Ltd" in _listed(w), timeout=15000)
    assert services.get_entity(case, tarn.uid).mentions == tarn.mentions
    assert services.get_entity(case, oko.uid).mentions == oko.mentions
    assert len(services.list_relations(case, tarn.uid)) == tarn_relations

    page = _open(w, qtbot, "Tarn Data Solutions Ltd")
    tree = _gui(w).panel.list.tree
    QTest.keyClick(tree, Qt.Key.Key_Delete)  # Del on the list: this entity, not documents
    wait_idle(qtbot, w)
    assert w.case_view.model.rowCount() == 4
    qtbot.waitUntil(lambda: "Tarn Data Solutions Ltd" not in _listed(w), timeout=15000)
    _undo(w, qtbot)
    qtbot.waitUntil(lambda: "Tarn Data Solutions Ltd" in _listed(w), timeout=15000)
    assert len(services.list_relations(case, tarn.uid)) == tarn_relations


def _show_doc(w, qtbot, needle: str):  # type: ignore[no-untyped-def]
    """Open the demo document whose first page holds `needle`; wait for its mentions."""
    case = w.controller.case
    hit = services.search(case, f'"{needle}"', exact=True).hits[0]
    viewer = w.case_view.viewer
    layer = _gui(w).mentions
    with qtbot.waitSignal(layer.painted, timeout=15000):
        w.case_view.open_document(hit.uid, 1)
    assert needle in viewer.text.toPlainText()
    return viewer, layer, hit.uid


def _select(viewer, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(viewer.text.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    viewer.text.setTextCursor(cursor)


def _formats(viewer) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    """The words painted on the page, by background colour."""
    out: dict[str, set[str]] = {}
    for sel in viewer.text.extraSelections():
        colour = sel.format.background().color().name()
        out.setdefault(colour, set()).add(sel.cursor.selectedText())
    return out


def test_tag_a_selection_as_new_and_existing_entity_then_undo(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = case_window
    gui = _gui(w)
    viewer, layer, _uid = _show_doc(w, qtbot, "Claim number")
    text = viewer.text.toPlainText()
    start = text.index("London Central")
    _select(viewer, start, start + len("London Central"))
    assert gui.tag_action.isEnabled()
    w.activateWindow()
    viewer.text.setFocus()
    qtbot.waitUntil(viewer.text.hasFocus)
    QTest.keyClick(viewer.text, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # Ctrl+T
    qtbot.waitUntil(lambda: gui.panel.tag_dialog is not None, timeout=5000)
    dialog = gui.panel.tag_dialog
    assert dialog.picker.text() == "London Central"
    assert dialog.picker.chosen() is None  # no entity of that name: a new one
    dialog.kind.setCurrentIndex(dialog.kind.findData("place"))
    with qtbot.waitSignal(layer.painted, timeout=15000):
        dialog.accept()
    qtbot.waitUntil(lambda: any(m.name == "London Central" for m in layer.mentions), timeout=15000)
    m = next(m for m in layer.mentions if m.name == "London Central")
    assert (m.kind, m.manual, text[m.start : m.end]) == ("place", True, "London Central")
    assert kinds.pale("place").name() in _formats(viewer)

    # An existing entity, chosen by an alias typed in another script, as an alias too.
    start = text.index("Claimant")
    _select(viewer, start, start + len("Claimant"))
    gui.tag_action.trigger()
    dialog = gui.panel.tag_dialog
    gc.collect()  # the completion list must outlive Python's garbage collection
    assert dialog.picker.completer().model().rowCount() > 10
    dialog.picker.setText("Форрест")
    assert dialog.picker.chosen().name == "Daniel Forrest"
    dialog.as_alias.setChecked(True)
    dialog.accept()
    wait_idle(qtbot, w)
    qtbot.waitUntil(
        lambda: any(m.name == "Daniel Forrest" and m.start == start for m in layer.mentions),
        timeout=15000,
    )
    case = w.controller.case
    assert "Claimant" in {a.text for a in services.get_entity(case, "Daniel Forrest").aliases}
    assert w.controller.undo_stack.undoText() == "Tag “Claimant” as Daniel Forrest"

    _undo(w, qtbot)  # the second tag, and its alias
    qtbot.waitUntil(lambda: not any(m.start == start for m in layer.mentions), timeout=15000)
    assert "Claimant" not in {a.text for a in services.get_entity(case, "Daniel Forrest").aliases}
    _undo(w, qtbot)  # the first, and the entity it made
    qtbot.waitUntil(
        lambda: not any(m.name == "London Central" for m in layer.mentions), timeout=15000
    )
    assert "London Central" not in _entities(w)


def test_mentions_coloured_by_kind_under_search_hits(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = case_window
    viewer, layer, uid = _show_doc(w, qtbot, "Claim number")
    painted = _formats(viewer)
    assert "Daniel Forrest" in painted[kinds.pale("person").name()]
    assert "Helix Cloud Services Ltd" in painted[kinds.pale("organisation").name()]
    # What a person sees: the pixels behind the name are the person's tint.
    text = viewer.text.toPlainText()
    cursor = QTextCursor(viewer.text.document())
    cursor.setPosition(text.index("Daniel Forrest") + 3)
    rect = viewer.text.cursorRect(cursor)
    image = viewer.text.viewport().grab().toImage()
    seen = {QColor(image.pixel(rect.x() + dx, rect.y() + 1)).name() for dx in range(-2, 3)}
    assert kinds.pale("person").name() in seen

    # A search's hits are painted on top; the mentions stay.
    with qtbot.waitSignal(layer.painted, timeout=15000):
        w.case_view.open_document(uid, 1, "Forrest")
    qtbot.waitUntil(lambda: bool(viewer.spans), timeout=15000)
    painted = _formats(viewer)
    assert "Helix Cloud Services Ltd" in painted[kinds.pale("organisation").name()]
    hits = [s for s in viewer.text.extraSelections() if s.cursor.selectedText() == "Forrest"]
    assert hits and viewer.text.extraSelections()[-1].cursor.selectedText() == "Forrest"


def test_reject_a_mention_from_the_context_menu_and_undo(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = case_window
    viewer, layer, uid = _show_doc(w, qtbot, "Claim number")
    text = viewer.text.toPlainText()
    at = text.index("Cyprus") + 2
    actions = layer.actions_at(at)
    reject = next(a for a in actions if a.text().startswith("Reject"))
    assert "Cyprus" in reject.text()
    with qtbot.waitSignal(layer.painted, timeout=15000):
        reject.trigger()
    qtbot.waitUntil(lambda: layer.at(at) is None, timeout=15000)
    case = w.controller.case
    # Stays rejected when the document is matched again.
    services.add_alias(case, "Cyprus", ["Republic of Cyprus"])
    assert not any(
        m.document_uid == uid and m.start <= at < m.end
        for m in services.mentions(case, entity="Cyprus")
    )
    _undo(w, qtbot)
    qtbot.waitUntil(lambda: layer.at(at) is not None, timeout=15000)


def test_a_mention_on_the_entity_page_opens_the_viewer_there(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = case_window
    page = _open(w, qtbot, "Cyprus")
    group = page.mention_tree.topLevelItem(0)
    item = group.child(0)
    m = item.data(0, 257)  # MENTION_ROLE
    layer = _gui(w).mentions
    with qtbot.waitSignal(layer.painted, timeout=15000):
        page.mention_tree.open_item(item)
    viewer = w.case_view.viewer
    assert viewer.detail.uid == m.document_uid and viewer.page == m.page
    focus = [
        s
        for s in viewer.text.extraSelections()
        if s.format.background().color() == kinds.strong("place")
    ]
    assert [s.cursor.selectedText() for s in focus] == [m.text]
    assert viewer.text.textCursor().position() == focus[0].cursor.selectionStart()


def test_network_shows_the_demo_entities_and_opens_one(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = case_window
    gui = _gui(w)
    net = gui.panel.network
    with qtbot.waitSignal(net.drawn, timeout=30000):
        gui.show("entities:network")
    assert len(net.nodes) == 10
    assert "7 relations" in net.status.text()
    oko = services.get_entity(w.controller.case, "OkoVision LLC")
    dot = net.nodes[oko.uid]
    where = net.view.mapFromScene(dot.scenePos())
    QTest.mouseClick(
        net.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where
    )
    page = gui.panel.page
    qtbot.waitUntil(lambda: page.info is not None and page.info.uid == oko.uid, timeout=15000)
    assert gui.panel.tabs.currentIndex() == 0

    with qtbot.waitSignal(net.drawn, timeout=30000):
        gui.show("entities:network")
        net.co_mentions.setChecked(True)
    assert net.co_mention_pairs > 0 and f"{net.co_mention_pairs} co-mention" in net.status.text()


@pytest.mark.slow  # starts the suggestion worker and loads the NER model (~2-6 s)
def test_suggestion_queue_accept_undo_and_dismiss(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.search_fixtures import add_document
    from tests.test_entities_suggest import EN1, RU1, RU2

    with services.create_case(tmp_path / "Tiny") as case:
        for title, text in (("Эхо", RU1), ("Коммерсант", RU2), ("Claim", EN1)):
            add_document(case, title, [text])
        path = str(case.path)
    window.open_case(path)
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    wait_idle(qtbot, window)
    gui = _gui(window)
    gui.show("entities:suggestions")
    queue = gui.panel.suggestions
    loaded_before = "natasha" in sys.modules  # other tests may run the date rules here
    with qtbot.waitSignal(queue.listed, timeout=120000):
        queue.find_button.click()
    # The model ran in the worker process: this one imported nothing of it.
    assert ("natasha" in sys.modules) == loaded_before
    assert queue.result is not None and queue.result.worker_peak_rss_mb > 100
    assert queue.select_name("Мария Иванова")
    assert queue.table.item(queue.table.currentRow(), 2).text() == "2"  # documents
    assert queue.kind.currentData() == "person"
    rows = queue.table.rowCount()
    QTest.keyClick(queue.table, Qt.Key.Key_A)  # accept, by keyboard
    wait_idle(qtbot, window)
    assert queue.table.rowCount() == rows - 1
    qtbot.waitUntil(lambda: "Мария Иванова" in _entities(window), timeout=15000)
    assert _entities(window)["Мария Иванова"].mentions == 2  # both forms found

    _undo(window, qtbot)
    qtbot.waitUntil(lambda: "Мария Иванова" not in _entities(window), timeout=15000)
    assert queue.table.rowCount() == rows and queue.select_name("Мария Иванова")

    assert queue.select_name("Reuters")
    QTest.keyClick(queue.table, Qt.Key.Key_D)
    wait_idle(qtbot, window)
    assert not queue.select_name("Reuters")
    assert "Reuters" in services.dismissed_suggestions(window.controller.case)

    # Accepted as an alias of an entity the case has.
    assert queue.select_name("VisionLabs")
    services_vl = services.create_entity(window.controller.case, "Vision Labs LLC", "organisation")
    gui.panel.reload()
    qtbot.waitUntil(lambda: "Vision Labs LLC" in _entities(window), timeout=15000)
    queue.accept_as_alias()
    queue.dialog.picker.setText("Vision Labs LLC")
    queue.dialog.accept()
    wait_idle(qtbot, window)
    aliases = {a.text for a in services.get_entity(window.controller.case, services_vl.uid).aliases}
    assert "VisionLabs" in aliases


def test_add_and_delete_a_relation_then_undo(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = case_window
    page = _open(w, qtbot, "Novosibirsk")
    box = page.relations
    assert box.texts() == ["OkoVision LLC — based in → Novosibirsk"]
    box.add_relation()
    dialog = box.dialog
    dialog.direction.setCurrentIndex(dialog.direction.findData("in"))
    dialog.label.setCurrentText("registered in")
    dialog.picker.setText("Tarn Data")  # an alias
    dialog.date.setText("2023-01")
    assert dialog.sentence() == "Tarn Data Solutions Ltd registered in Novosibirsk"
    dialog.accept()
    wait_idle(qtbot, w)
    added = "Tarn Data Solutions Ltd — registered in → Novosibirsk  (2023-01)"
    qtbot.waitUntil(lambda: added in box.texts(), timeout=15000)
    assert w.controller.undo_stack.undoText().startswith("Add relation")

    # Delete the demo's own, cited relation; undo brings it back with its citation.
    box.list.setCurrentRow(box.texts().index("OkoVision LLC — based in → Novosibirsk"))
    box.delete_relation()
    wait_idle(qtbot, w)
    qtbot.waitUntil(
        lambda: "OkoVision LLC — based in → Novosibirsk" not in box.texts(), timeout=15000
    )
    _undo(w, qtbot)
    qtbot.waitUntil(lambda: "OkoVision LLC — based in → Novosibirsk" in box.texts(), timeout=15000)
    _undo(w, qtbot)
    qtbot.waitUntil(lambda: added not in box.texts(), timeout=15000)
    case = w.controller.case
    assert [r.label for r in services.list_relations(case, "Novosibirsk")] == ["based in"]


def test_deleted_cited_relation_comes_back_with_its_citation(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = case_window
    case = w.controller.case
    page = _open(w, qtbot, "Daniel Forrest")
    box = page.relations
    before = {(r.label, r.citations) for r in services.list_relations(case, "Daniel Forrest")}
    row = next(i for i, t in enumerate(box.texts()) if "employs" in t)
    box.list.setCurrentRow(row)
    box.delete_relation()
    wait_idle(qtbot, w)
    _undo(w, qtbot)
    after = {(r.label, r.citations) for r in services.list_relations(case, "Daniel Forrest")}
    assert after == before and any(c for _l, c in after)
