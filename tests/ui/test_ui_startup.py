"""What makes the window appear fast on a big case, guarded: the window module paints
before the core is loaded, a case's documents are asked for once (in the saved order),
and a search asked for before the index check has started waits for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from casefile.core import services
from casefile.ui import labels
from casefile.ui.controller import CaseController
from casefile.ui.runner import Runner
from tests.ui.util import wait_idle

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_paints_before_the_core_is_imported() -> None:
    code = (
        "import sys; import casefile.ui.app, casefile.ui.main_window; "
        "print(sorted(m for m in ('sqlalchemy', 'whoosh', 'alembic', 'edtf', "
        "'casefile.core.services') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_reopening_asks_for_the_documents_once_in_the_saved_order(
    window, demo_path, qtbot, monkeypatch
) -> None:
    w = window
    w.open_case(str(demo_path))
    qtbot.waitUntil(lambda: w.case_view is not None and w.case_view.model.rowCount() == 4)
    w.case_view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the title column
    qtbot.waitUntil(lambda: not w.case_view.model.loading)
    wait_idle(qtbot, w)
    w.close_case()  # saves the column order
    wait_idle(qtbot, w)

    calls: list[dict[str, Any]] = []
    real = services.list_documents

    def counting(case: Any, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return real(case, **kwargs)

    monkeypatch.setattr(services, "list_documents", counting)
    w.open_case(str(demo_path))
    qtbot.waitUntil(lambda: w.case_view is not None and w.case_view.model.rowCount() == 4)
    wait_idle(qtbot, w)
    model = w.case_view.model
    titles = [model.summary(r).title for r in range(4)]
    assert titles == sorted(titles, reverse=True)
    assert [(c["sort"], c["descending"]) for c in calls] == [("title", True)]


def test_a_search_asked_for_before_the_index_check_waits_for_it(demo_path, qtbot) -> None:
    runner = Runner()
    case = services.open_case(demo_path)
    try:
        controller = CaseController(case, runner)
        controller.ensure_index_soon()
        ran: list[bool] = []
        assert controller.after_index(lambda: ran.append(controller.index_job is not None))
        qtbot.wait(50)
        assert ran == []  # not before the check has even started
        job = controller.ensure_index()
        qtbot.waitUntil(lambda: not job.running, timeout=30000)
        qtbot.waitUntil(lambda: ran == [True])
    finally:
        qtbot.waitUntil(lambda: runner.idle, timeout=30000)
        runner.shutdown()
        services.close_case(case)


def test_while_a_case_opens_the_window_says_so_instead_of_the_start_page(
    window, demo_path, qtbot
) -> None:
    w = window
    w.open_case(str(demo_path))
    assert w.stack.currentWidget() is w.opening_page  # the first paint after launch
    assert w.opening_page.text() == "Opening “Demo case”…"
    qtbot.waitUntil(lambda: w.case_view is not None)
    assert w.stack.currentWidget() is w.case_view


def test_with_nothing_selected_the_metadata_panel_claims_nothing(case_window) -> None:
    panel = case_window.case_view.metadata
    assert case_window.case_view.selected_uids() == []
    assert not panel.title.isEnabled() and panel.title.text() == ""
    assert panel.kind.currentText() == ""  # not a kind the user never chose


def test_a_new_case_is_created_off_the_ui_thread_and_opened(window, tmp_path, qtbot) -> None:
    w = window
    w.create_case(str(tmp_path / "Inquiry"), "Port inquiry")
    qtbot.waitUntil(lambda: w.case_view is not None)
    assert w.windowTitle().startswith("Port inquiry")
    assert (tmp_path / "Inquiry.casefile" / "case.sqlite").is_file()
    w.create_case(str(tmp_path / "Inquiry.casefile"), "Again")  # already a case there
    qtbot.waitUntil(lambda: any(getattr(d, "text", lambda: "")() for d in w.dialogs))
    assert "already" in w.dialogs[-1].text().lower()
    assert w.windowTitle().startswith("Port inquiry")  # what was open stays open


def test_the_index_check_runs_once_per_opening_not_per_reload(case_window, qtbot) -> None:
    w = case_window
    qtbot.waitUntil(lambda: w.controller.index_job is not None)
    first = w.controller.index_job
    w.case_view.model.reload()
    qtbot.waitUntil(lambda: not w.case_view.model.loading)
    wait_idle(qtbot, w)
    assert w.controller.index_job is first


def test_scrolling_fetches_rows_off_the_ui_thread_and_fills_them_in(
    window, tmp_path, qtbot, monkeypatch
) -> None:
    import threading

    from tests.search_fixtures import add_document

    case = services.create_case(tmp_path / "Many")
    for i in range(400):
        add_document(case, f"Report {i:03d}", [f"Body {i}."], date="2024-01-01", sync=False)
    services.close_case(case)
    threads: list[str] = []
    real = services.summaries_for

    def recording(case: Any, uids: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(case, uids)

    monkeypatch.setattr(services, "summaries_for", recording)
    w = window
    w.open_case(str(tmp_path / "Many.casefile"))
    qtbot.waitUntil(lambda: w.case_view is not None and w.case_view.model.rowCount() == 400)
    table, model = w.case_view.table, w.case_view.model
    table.scrollToBottom()
    last = model.index(399, 0)
    qtbot.waitUntil(lambda: model.data(last) is not None)  # painted empty, then filled in
    assert model.data(last) == model.summary(399).title
    table.viewport().repaint()
    assert threads and all(t != "MainThread" for t in threads)  # never on the UI thread


def test_each_table_cell_paints_its_own_text_icon_and_alignment(case_window) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    view = case_window.case_view
    table, model = view.table, view.model
    delegate = table.itemDelegate()
    seen = []
    for row in range(model.rowCount()):
        doc = model.summary(row)
        for column in range(model.columnCount()):  # in order, as the view paints
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, model.index(row, column))
            seen.append((column, option.text, not option.icon.isNull(), option.displayAlignment))
        title, kind, _date, _source, pages, _status = seen[-6:]
        assert title[1:3] == (doc.title, True)  # the title, with its kind's icon
        assert kind[1:3] == (labels.kind_short(doc.kind), False)  # no icon left over
        assert pages[1] == str(doc.page_count)
        assert pages[3] & Qt.AlignmentFlag.AlignRight
        assert not kind[3] & Qt.AlignmentFlag.AlignRight


def test_opening_a_document_reads_it_once(case_window, qtbot, monkeypatch) -> None:
    view = case_window.case_view
    uid = view.model.uid_at(0)
    reads: list[str] = []
    real = services.get_document

    def counting(case: Any, wanted: str) -> Any:
        reads.append(wanted)
        return real(case, wanted)

    monkeypatch.setattr(services, "get_document", counting)
    view.open_document(uid)
    qtbot.waitUntil(lambda: view.viewer.detail is not None)
    wait_idle(qtbot, case_window)
    assert reads == [uid]  # metadata panel and viewer share the one read
    assert view.viewer.detail is not None and view.viewer.detail.uid == uid
    assert view.metadata.title.text() == view.viewer.detail.title
