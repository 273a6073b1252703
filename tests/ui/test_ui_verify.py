"""Case → Verify: the report shows what the run established besides the hashes: the
audit log's state, originals no document claims and those kept from removed documents."""

from __future__ import annotations

from casefile.core import services
from tests.ui.util import wait_idle


def test_verify_dialog_shows_chain_kept_and_unclaimed_originals(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    (src / "kept memo.txt").write_text("a memo", encoding="utf-8")
    (src / "removed memo.txt").write_text("to be removed", encoding="utf-8")
    with services.create_case(tmp_path / "V") as case:
        services.import_paths(case, [src])
        gone = next(d.uid for d in services.list_documents(case) if d.title == "removed memo")
        services.delete_document(case, gone)
        case.store.put_bytes(b"stored but never recorded")
        path = str(case.path)
    window.open_case(path)
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    wait_idle(qtbot, window)
    window.action_set.case.verify.trigger()
    commands = window.commands
    qtbot.waitUntil(lambda: commands.last_verify_report is not None, timeout=30000)
    dialog = commands.last_verify_report
    facts = dialog.facts.text()
    assert "sealed and linked, none changed or removed" in facts
    assert "1 original in the case folder belong to no document" in facts
    assert "1 original of removed documents are kept" in facts
    assert "This run is recorded in the audit log." in facts
    assert "“removed memo”, removed from the case on" in dialog.details.text()


def test_a_case_on_read_only_media_says_so_in_title_and_status_bar(  # type: ignore[no-untyped-def]
    window, qtbot, tmp_path, monkeypatch
) -> None:
    from casefile.core import case as case_module

    with services.create_case(tmp_path / "Disc") as case:
        path = str(case.path)
    # Only the media probe is replaced (tests/test_case_readonly.py mounts for real).
    monkeypatch.setattr(case_module, "_media_writable", lambda _folder: False)
    window.open_case(path)
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    assert window.windowTitle() == "Disc (read-only media) — Casefile"
    assert window.statusBar().currentMessage().startswith("This case is on read-only media")
