"""OCR in the window (issue 16): scans imported are recognised in the background with a
status-bar job; "Recognise Text" reads a chosen document; the viewer shows the page's
confidence, marks a low-confidence page, and draws search hits on the original page."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from casefile.core import services
from casefile.ui.ocr_jobs import TITLE, jobs_for
from tests import ocr_fixtures as fx
from tests.ui.util import wait_idle

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not fx.ocr_available(), reason="needs fonts-dejavu-core, tesseract-ocr-rus and -eng"
    ),
]


def _import(w, paths: list[Path], qtbot):  # type: ignore[no-untyped-def]
    job = w.import_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    return {Path(o.path).stem: o.document_uid for o in job.result.outcomes}


def test_imported_scans_are_recognised_in_the_background_and_hits_drawn_on_the_page(
    case_window, tmp_path, qtbot
) -> None:
    w = case_window
    seen: list[str] = []
    w.controller.jobStarted.connect(lambda job: seen.append(job.title))
    uids = _import(w, [fx.write_scan_pdf(tmp_path / "scan.pdf", pages=2)], qtbot)
    ocr = jobs_for(w.controller)
    qtbot.waitUntil(lambda: TITLE in seen, timeout=30000)  # started by itself, in the bar
    qtbot.waitUntil(lambda: not ocr.running, timeout=120000)
    wait_idle(qtbot, w)
    uid = uids["scan"]
    assert services.get_document(w.controller.case, uid).status == "ok"

    view = w.case_view
    view.select_uid(uid)
    wait_idle(qtbot, w)
    viewer = view.viewer
    strip = viewer.ocr_strip
    qtbot.waitUntil(lambda: "confidence" in strip.label.text())
    assert strip.isVisible() and not strip.recognise.isVisible()
    assert "Low" not in strip.label.text()
    viewer.set_query("Helix")
    viewer.original_mode.trigger()
    wait_idle(qtbot, w)
    assert viewer.stack.currentWidget() is viewer.pdf
    qtbot.waitUntil(lambda: len(strip.overlay.drawn_rects()) == 1)
    (rect,) = strip.overlay.drawn_rects()
    from casefile.ui.page_overlay import page_rect

    page = page_rect(viewer.pdf, 0)
    # "Helix" sits on the third of four lines, a third of the way across the page.
    assert page.contains(rect)
    assert 0.25 < (rect.left() - page.left()) / page.width() < 0.4
    assert 0.45 < (rect.top() - page.top()) / page.height() < 0.7


def test_recognise_text_on_a_chosen_document_runs_as_a_job_with_cancel(
    case_window, tmp_path, qtbot
) -> None:
    w = case_window
    ocr = jobs_for(w.controller)
    # A garbled text layer is offered OCR, never recognised behind the user's back.
    uids = _import(w, [fx.write_garbled_scan(tmp_path / "four.pdf", pages=4)], qtbot)
    wait_idle(qtbot, w)
    uid = uids["four"]
    assert ocr.job is None
    view = w.case_view
    view.select_uid(uid)
    wait_idle(qtbot, w)
    strip = view.viewer.ocr_strip
    assert strip.recognise.isVisible() and "garbled text layer" in strip.label.text()
    action = w.action_set.document.recognise
    assert action.isEnabled()

    action.trigger()

    job = ocr.job
    assert job is not None and w.job_widget.job is job and w.job_widget.isVisible()
    reached, go_on = threading.Event(), threading.Event()

    def hold(p: object) -> None:  # midway, whatever the machine's speed
        if getattr(p, "done", 0) >= 1 and not reached.is_set():
            reached.set()
            go_on.wait(60)

    job.ctx._on_progress = hold
    qtbot.waitUntil(reached.is_set, timeout=60000)
    w.job_widget.cancel.click()
    go_on.set()
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert job.result.cancelled and job.result.pages < 4
    assert services.ocr_waiting(w.controller.case) == [uid]  # the rest waits

    w.action_set.case.recognise_all.trigger()
    job = ocr.job
    qtbot.waitUntil(lambda: not job.running, timeout=120000)
    wait_idle(qtbot, w)
    assert services.get_document(w.controller.case, uid).status == "ok"
    assert len(services.ocr_pages(w.controller.case, uid)) == 4
    qtbot.waitUntil(lambda: "confidence" in strip.label.text())


def test_a_low_confidence_page_is_marked(case_window, qtbot) -> None:
    from casefile.core.services import OcrPage

    viewer = case_window.case_view.viewer
    strip = viewer.ocr_strip
    detail = services.get_document(
        case_window.controller.case, services.document_uids(case_window.controller.case)[0]
    )
    strip.detail, strip.number = detail.__class__(**{**vars(detail), "file_type": "pdf"}), 1
    strip.pages = {1: OcrPage(1, 41.0, True, None, "rus+eng", "tesseract 5.5.4", 300)}
    strip._show()
    assert strip.label.text().startswith("⚠ Low OCR confidence on this page (41%)")
    assert "check it against the original" in strip.label.text()
    assert "bold" in strip.label.styleSheet()


def test_search_hits_are_drawn_on_an_original_pdf_page_from_its_text_layer(
    case_window, qtbot
) -> None:
    w = case_window
    view = w.case_view
    viewer = view.viewer
    case = w.controller.case
    pdf = next(d for d in services.list_documents(case) if d.file_type == "pdf")
    word = next(t for t in services.get_page(case, pdf.uid, 1).text.split() if len(t) > 6)
    view.select_uid(pdf.uid)
    wait_idle(qtbot, w)
    viewer.set_query(word.strip(".,;:()"))
    assert viewer.spans  # the text view has its hits
    assert viewer.ocr_strip.overlay.drawn_rects() == []  # not in the Text view
    viewer.original_mode.trigger()
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: len(viewer.ocr_strip.overlay.drawn_rects()) >= 1)


def test_closing_the_case_stops_ocr_and_opening_it_again_resumes(
    case_window, tmp_path, qtbot
) -> None:
    w = case_window
    case_path = w.controller.case.path
    seen: list[object] = []
    w.controller.jobStarted.connect(seen.append)
    uids = _import(w, [fx.write_scan_pdf(tmp_path / "four.pdf", pages=4)], qtbot)
    qtbot.waitUntil(lambda: any(getattr(j, "title", "") == TITLE for j in seen), timeout=30000)
    (job,) = [j for j in seen if getattr(j, "title", "") == TITLE]
    # The job holds in its own progress report once a page is written, until the case
    # is closing: the close comes midway whatever the machine's speed.
    reached, go_on = threading.Event(), threading.Event()

    def hold(p: object) -> None:
        if getattr(p, "done", 0) >= 1 and not reached.is_set():
            reached.set()
            go_on.wait(60)

    job.ctx._on_progress = hold
    qtbot.waitUntil(reached.is_set, timeout=60000)

    w.cases.close_case()
    go_on.set()
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    wait_idle(qtbot, w)
    assert job.result.cancelled

    w.open_case(str(case_path))
    qtbot.waitUntil(lambda: w.controller is not None and w.case_view is not None, timeout=15000)
    ocr = jobs_for(w.controller)
    qtbot.waitUntil(lambda: ocr.job is not None, timeout=30000)  # by itself, on opening
    resumed = ocr.job
    qtbot.waitUntil(lambda: not resumed.running, timeout=120000)
    assert resumed.result.pages == 4 - job.result.pages  # each page once
    assert services.get_document(w.controller.case, uids["four"]).status == "ok"


def test_a_document_asked_for_goes_before_the_background_run_which_resumes_after(
    case_window, tmp_path, qtbot
) -> None:
    w = case_window
    seen: list[object] = []
    w.controller.jobStarted.connect(seen.append)
    uids = _import(
        w,
        [
            fx.write_scan_pdf(tmp_path / "four.pdf", pages=4),
            fx.write_garbled_scan(tmp_path / "garbled.pdf"),
        ],
        qtbot,
    )
    ocr = jobs_for(w.controller)
    qtbot.waitUntil(lambda: ocr.job is not None, timeout=30000)  # the scans, by itself
    background = ocr.job
    reached, go_on = threading.Event(), threading.Event()

    def hold(p: object) -> None:  # midway, whatever the machine's speed
        if getattr(p, "done", 0) >= 1 and not reached.is_set():
            reached.set()
            go_on.wait(60)

    background.ctx._on_progress = hold
    qtbot.waitUntil(reached.is_set, timeout=60000)
    garbled = next(u for u in uids.values() if u != uids["four"])

    asked = ocr.recognise([garbled])
    go_on.set()

    qtbot.waitUntil(lambda: not background.running, timeout=60000)
    assert background.result.cancelled
    qtbot.waitUntil(lambda: asked is not None and not asked.running, timeout=60000)
    assert [o.uid for o in asked.result.outcomes] == [garbled]
    qtbot.waitUntil(lambda: ocr.job is not None and ocr.job is not asked, timeout=30000)
    resumed = ocr.job
    qtbot.waitUntil(lambda: not resumed.running, timeout=120000)
    assert background.result.pages + resumed.result.pages == 4  # each page once
    case = w.controller.case
    assert {services.get_document(case, u).status for u in uids.values()} == {"ok"}
