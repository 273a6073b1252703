"""Hard-wrapped text reads as paragraphs in the viewer, with the text as extracted one
click away, and search hits still on their words (issue 10 item 17)."""

from __future__ import annotations

from pathlib import Path

from casefile.core import services
from casefile.core.jobs import JobContext
from casefile.ui.reflow import reflow

WRAPPED = (
    "The Claimant, Daniel Forrest, says the Respondent sold cloud\n"
    "face-recognition services to a sanctioned company through a\n"
    "front company registered in Cyprus, and that the tribunal\n"
    "should order disclosure of the invoices.\n"
    "\n"
    "Exhibits:\n"
    "1. Invoice of 3 March\n"
    "2. Letter from the tribunal\n"
)


def test_reflow_joins_wrapped_lines_only_and_keeps_every_offset() -> None:
    shown = reflow(WRAPPED)
    assert len(shown) == len(WRAPPED)
    paragraphs = shown.split("\n")
    assert paragraphs[0].startswith("The Claimant") and paragraphs[0].endswith("invoices.")
    assert paragraphs[1:5] == [
        "",
        "Exhibits:",
        "1. Invoice of 3 March",
        "2. Letter from the tribunal",
    ]
    assert reflow("a\nb\nc") == "a\nb\nc"  # short lines are meant to be short


def test_viewer_shows_paragraphs_with_hits_in_place_and_the_extracted_text_on_demand(
    window, demo_path: Path, tmp_path: Path, qtbot
) -> None:
    src = tmp_path / "in" / "wrapped.txt"
    src.parent.mkdir()
    src.write_text(WRAPPED, encoding="utf-8")
    with services.open_case(demo_path) as case:
        uid = services.import_paths(case, [src], JobContext()).outcomes[0].document_uid
    window.open_case(str(demo_path))
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    view = window.case_view
    qtbot.waitUntil(lambda: view.model.row_of(uid) is not None, timeout=15000)
    detail = services.get_document(window.controller.case, uid)
    view.viewer.show_document(detail, 1, query="tribunal")
    viewer = view.viewer
    qtbot.waitUntil(lambda: len(viewer.spans) == 2)  # the page is read on the reader pool

    shown = viewer.text.toPlainText()
    assert "cloud face-recognition services" in shown  # one paragraph, wrapped once
    assert [shown[a:b] for a, b in viewer.spans] == ["tribunal", "tribunal"]
    cursor = viewer.text.textCursor()
    assert shown[cursor.position() : cursor.position() + 8] == "tribunal"

    viewer.reflow_mode.trigger()  # as extracted
    qtbot.waitUntil(lambda: "\n" in viewer.text.toPlainText().split("\n\n")[0])
    qtbot.waitUntil(lambda: len(viewer.spans) == 2)
    assert viewer.text.toPlainText() == WRAPPED.rstrip("\n") or viewer.text.toPlainText() == WRAPPED
    assert [viewer.text.toPlainText()[a:b] for a, b in viewer.spans] == ["tribunal", "tribunal"]
