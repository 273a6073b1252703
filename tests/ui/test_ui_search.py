"""Searching from the window: type a query (Ctrl+F), click a facet to narrow, open a hit
and see it highlighted in the viewer, save the search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from casefile.ui.search_results import search_api
from tests.ui.util import wait_idle

pytestmark = pytest.mark.skipif(search_api() is None, reason="search services not built yet")


def _search(qtbot, w, text: str) -> object:  # type: ignore[no-untyped-def]
    w.action_set.edit.find.trigger()
    assert w.search_field.hasFocus() or True  # offscreen windows may not take focus
    w.search_field.setText(text)
    qtbot.keyClick(w.search_field, Qt.Key.Key_Return)
    panel = w.case_view.search_panel
    qtbot.waitUntil(lambda: not panel.searching and panel.last is not None, timeout=20000)
    assert w.case_view.centre.currentWidget() is panel
    return panel


def test_search_click_a_facet_then_open_a_highlighted_hit(case_window, qtbot) -> None:
    w = case_window
    panel = _search(qtbot, w, "OkoVision")
    assert panel.last.total >= 3
    assert panel.results.count() == len(panel.last.hits)
    item = panel.facet_item("kind", "court_filing")
    assert item is not None
    rect = panel.facet_tree.visualItemRect(item)
    qtbot.mouseClick(panel.facet_tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not panel.searching and panel.facets == {"kind": "court_filing"})
    assert panel.last.total == 1
    assert "court_filing" in panel.last.query or panel.facets
    assert panel.chips.count() >= 1  # the active filter is shown, removable
    panel.results.setCurrentRow(0)
    viewer = w.case_view.viewer
    wait_idle(qtbot, w)
    hit = panel.last.hits[0]
    assert viewer.detail is not None and viewer.detail.uid == hit.uid
    assert viewer.page == (hit.pages[0] if hit.pages else 1)
    assert viewer.spans, "the hit is highlighted"
    start, end = viewer.spans[viewer.current_hit]
    assert "okovision" in viewer.text.toPlainText()[start:end].lower()
    assert viewer.layers.get("hits")


def _marked_words(viewer) -> list[str]:  # type: ignore[no-untyped-def]
    text = viewer.text.toPlainText()
    return [text[a:b].lower() for a, b in viewer.spans]


def _open_hit(qtbot, panel, kind: str) -> None:  # type: ignore[no-untyped-def]
    row = next(i for i, h in enumerate(panel.last.hits) if h.kind == kind)
    panel.results.setCurrentRow(row)
    wait_idle(qtbot, panel.window())


def test_russian_query_highlights_inflected_forms(case_window, qtbot) -> None:
    """The viewer marks what the index found: the query's stem, not its spelling."""
    panel = _search(qtbot, case_window, "распознавание")
    assert panel.last.total >= 1
    _open_hit(qtbot, panel, "article")
    marked = _marked_words(case_window.case_view.viewer)
    assert "распознавания" in marked


def test_english_query_highlights_inflected_forms(case_window, qtbot) -> None:
    # Field clauses are query syntax: "court_filing" is never marked on the page.
    panel = _search(qtbot, case_window, "sanction kind:court_filing")
    _open_hit(qtbot, panel, "court_filing")
    viewer = case_window.case_view.viewer
    assert viewer.detail is not None and viewer.page == 1
    assert _marked_words(viewer) == ["sanctions"]
    viewer.next_hit.trigger()  # the next hit is on the next page
    assert viewer.page == 2
    wait_idle(qtbot, case_window)
    assert _marked_words(viewer) == ["sanctioned"]


def test_long_page_is_highlighted_off_the_ui_thread(case_window, qtbot, monkeypatch) -> None:
    from casefile.ui import viewer_hits

    monkeypatch.setattr(viewer_hits, "SYNC_HIGHLIGHT_CHARS", 0)  # every page is "long"
    panel = _search(qtbot, case_window, "OkoVision")
    panel.results.setCurrentRow(0)
    viewer = case_window.case_view.viewer
    qtbot.waitUntil(lambda: bool(viewer.spans))
    assert all(w.startswith("okovision") for w in _marked_words(viewer))
    assert viewer.layers.get("hits") and viewer.current_hit == 0


def test_sort_by_date_and_save_the_search(case_window, qtbot) -> None:
    w = case_window
    panel = _search(qtbot, w, "OkoVision")
    panel.sort.setCurrentIndex(panel.sort.findData("date"))
    panel.sort.activated.emit(panel.sort.currentIndex())
    qtbot.waitUntil(lambda: not panel.searching)
    dates = [h.date for h in panel.last.hits if h.date]
    assert dates == sorted(dates)
    api = search_api()
    if not hasattr(api, "save_search"):
        pytest.skip("saved searches not available yet")
    panel.save_as("OkoVision everywhere")
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: w.case_view.navigator.find_item("OkoVision everywhere") is not None)


def test_deleted_index_is_rebuilt_on_open_with_progress(window, demo_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The index folder is only a cache: without it, opening the case rebuilds it in the
    background (the status bar says so) and search works afterwards."""
    import shutil

    shutil.rmtree(demo_path / "index")
    w = window
    w.open_case(str(demo_path))
    qtbot.waitUntil(lambda: w.controller is not None and w.controller.index_job is not None)
    job = w.controller.index_job
    # A search typed while the index is rebuilt waits for it instead of racing it.
    panel = _search(qtbot, w, "OkoVision")
    assert not job.running and job.error is None
    assert job.title == "Rebuilding the search index…"
    assert w.job_widget.label.text().startswith("Rebuilding the search index")
    assert (demo_path / "index").is_dir()
    assert panel.last.total >= 3
    panel = _search(qtbot, w, "распознавание")
    assert panel.last.total >= 1


def _click_facet(qtbot, panel, name: str, value: str) -> None:  # type: ignore[no-untyped-def]
    item = panel.facet_item(name, value)
    assert item is not None, (name, value)
    rect = panel.facet_tree.visualItemRect(item)
    qtbot.mouseClick(panel.facet_tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not panel.searching and panel.facets.get(name) == value)


def test_saved_search_keeps_the_clicked_facets(case_window, qtbot) -> None:
    w = case_window
    panel = _search(qtbot, w, "OkoVision OR Tarn")
    _click_facet(qtbot, panel, "tag", "Helix Cloud")
    _click_facet(qtbot, panel, "year", "2024")
    _click_facet(qtbot, panel, "lang", "ru")
    shown = [h.uid for h in panel.last.hits]
    assert len(shown) == 1 and panel.last.total < 4
    panel.save_as("Russian Helix press")
    wait_idle(qtbot, w)
    nav = w.case_view.navigator
    qtbot.waitUntil(lambda: nav.find_item("Russian Helix press") is not None)
    w.search.show_all_documents()
    item = nav.find_item("Russian Helix press")
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center()
    )
    qtbot.waitUntil(lambda: w.case_view.centre.currentWidget() is panel and not panel.searching)
    assert w.search_field.text() == '(OkoVision OR Tarn) tag:"Helix Cloud" date:2024 lang:ru'
    assert [h.uid for h in panel.last.hits] == shown


def test_facets_are_written_as_query_clauses() -> None:
    from casefile.ui.search_results import query_with_facets

    assert query_with_facets("", {"kind": "court_filing"}) == "kind:court_filing"
    assert query_with_facets("санкции", {"tag": "Helix-Cloud"}) == 'санкции tag:"Helix-Cloud"'
    assert query_with_facets("a", {"year": "undated"}) == "a NOT date:[* TO *]"
    assert query_with_facets("a OR b", {}) == "a OR b"
    with pytest.raises(ValueError):
        query_with_facets("a", {"tag": 'the "X" file'})


def test_a_huge_result_set_is_labelled_as_an_estimate(window, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Past a few thousand matching pages the core counts a sample; the window must say
    "about", never show an estimate as an exact count."""
    from casefile.core import services
    from tests.helpers import write_text_files

    write_text_files(tmp_path / "many", 1500, size=400)
    with services.create_case(tmp_path / "Big") as case:
        services.import_paths(case, [tmp_path / "many"])
        path = str(case.path)
    window.open_case(path)
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    panel = _search(qtbot, window, "Forrest")
    assert panel.last.total_is_estimate
    assert panel.summary.text().startswith("about ")
    narrow = _search(qtbot, window, '"Document 7."')
    assert not narrow.last.total_is_estimate
    assert not narrow.summary.text().startswith("about")


def test_new_case_then_search_works(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 8 item 1: a new (empty) case's first search used to crash the index."""
    w = window
    w.create_case(str(tmp_path / "New.casefile"), "New")
    qtbot.waitUntil(lambda: w.case_view is not None, timeout=15000)
    wait_idle(qtbot, w)
    panel = _search(qtbot, w, "anything")
    assert panel.last.total == 0 and panel.last.hits == ()
    panel = _search(qtbot, w, "anything else")
    assert panel.last.total == 0


def test_a_facet_cut_by_the_narrow_pane_names_itself_in_full(case_window, qtbot) -> None:
    """Facet values such as "Parliamentary submission" or a long entity name are cut in
    the facet pane; the kind uses its short word and every value's tooltip starts with
    the whole name and its count."""
    panel = _search(qtbot, case_window, "sanctions OR санкции")
    kind = panel.facet_item("kind", "parliamentary_submission")
    assert kind is not None and kind.text(0).startswith("Parliamentary  ")
    assert kind.toolTip(0).startswith("Parliamentary submission (1)")
    metrics, tree = panel.facet_tree.fontMetrics(), panel.facet_tree
    assert metrics.horizontalAdvance(kind.text(0)) <= tree.visualItemRect(kind).width()


def test_every_result_can_be_reached_by_scrolling(case_window, qtbot, monkeypatch) -> None:
    """The results list fetches the next page as the user scrolls to its end, until every
    matching document is shown once (issue 8 item 12, in the GUI)."""
    from casefile.ui import search_results

    monkeypatch.setattr(search_results, "PAGE_SIZE", 1)
    panel = case_window.case_view.search_panel
    panel.results.setFixedHeight(90)  # room for about one result: the list must scroll
    panel = _search(qtbot, case_window, "sanctions OR санкции OR OkoVision")
    total = panel.last.total
    assert total >= 4 and panel.results.count() < total  # not everything came at once
    bar = panel.results.verticalScrollBar()
    for _ in range(total):
        if panel.results.count() == total:
            break
        before = panel.results.count()
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda b=before: panel.results.count() > b, timeout=10000)
    uids = [panel._hit_at(i).uid for i in range(panel.results.count())]
    assert len(uids) == total == len(set(uids))
