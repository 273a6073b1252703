"""Automatic metadata is shown as a suggestion until a person confirms it (issue 10
item 14): italic with a tooltip, a line with Confirm; editing a field confirms it."""

from __future__ import annotations

from pathlib import Path

from casefile.core import services
from casefile.core.jobs import JobContext
from tests.ui.util import wait_idle


def test_guessed_metadata_is_marked_until_confirmed(
    window, demo_path: Path, tmp_path, qtbot
) -> None:
    src = tmp_path / "in" / "claim-summary.txt"
    src.parent.mkdir()
    src.write_text("The Claimant says the Respondent sold cloud services.", encoding="utf-8")
    with services.open_case(demo_path) as case:
        uid = services.import_paths(case, [src], JobContext()).outcomes[0].document_uid
    window.open_case(str(demo_path))
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    view, panel = window.case_view, window.case_view.metadata
    qtbot.waitUntil(lambda: view.model.row_of(uid) is not None, timeout=15000)
    view.select_uid(uid)
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.uid == uid)

    bar = panel.suggestion_bar
    assert bar.isVisible() and "title, kind" in bar.text.text()
    assert panel.title.font().italic() and panel.kind.font().italic()
    assert panel.kind.toolTip().startswith("Suggested: guessed")
    assert not panel.source.font().italic() and not panel.date.font().italic()

    # Choosing a kind makes it the user's; the title is still a suggestion.
    new_kind = "note" if panel.detail.kind != "note" else "report"
    index = panel.kind.findData(new_kind)
    panel.kind.setCurrentIndex(index)
    panel.kind.activated.emit(index)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not panel.kind.font().italic())
    assert panel.title.font().italic() and bar.text.text().endswith("title (in italics).")

    bar.confirm.click()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not bar.isVisible())
    assert not panel.title.font().italic()
    assert services.get_document(window.controller.case, uid).suggested == ()
    # The confirmation is one undoable step: Undo shows the title as a suggestion again.
    stack = window.controller.undo_stack
    assert stack.undoText().startswith("Confirm title of “claim-summary")
    stack.undo()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bar.isVisible() and panel.title.font().italic())
    assert services.get_document(window.controller.case, uid).suggested == ("title",)
    stack.redo()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not bar.isVisible())
    # A document of the demo case (built before suggestions were recorded) has none.
    other = next(u for u in (view.model.uid_at(r) for r in range(5)) if u != uid)
    view.select_uid(other)
    qtbot.waitUntil(lambda: panel.detail.uid == other)
    assert not bar.isVisible()
