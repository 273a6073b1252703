"""A case archive (.casezip) given to the app, by File → Open Case Archive… or a
double-click, is unpacked into a new case folder beside it (never over one) and opened;
a file that is not a case archive is refused in a sentence, leaving nothing."""

from __future__ import annotations

from pathlib import Path

from casefile.core import services
from casefile.core.services.archive import export_archive
from casefile.ui.main_window_cases import archive_target
from tests.ui.util import wait_idle


def _archive(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "memo.txt").write_text("Встреча с Форрестом 7 июня 2024 г.", encoding="utf-8")
    with services.create_case(tmp_path / "Source") as case:
        services.import_paths(case, [src])
        result = export_archive(case, None, tmp_path / "out" / "Handed over")
    return Path(result.path)


def test_a_case_archive_opens_as_a_new_case_beside_it(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    archive = _archive(tmp_path)
    assert archive.name == "Handed over.casezip"
    (archive.parent / "Handed over.casefile").mkdir()  # a folder of that name is there
    assert archive_target(archive).name == "Handed over (2).casefile"

    window.open_case(str(archive))  # what a double-click does
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=60000)
    wait_idle(qtbot, window)
    opened = Path(window.controller.case.path)
    assert opened == archive.parent / "Handed over (2).casefile"
    assert not any((archive.parent / "Handed over.casefile").iterdir())  # left alone
    assert window.case_view.model.rowCount() == 1
    assert services.search(window.controller.case, "Форрест").total == 1


def test_a_file_that_is_not_a_case_archive_is_refused_in_a_sentence(  # type: ignore[no-untyped-def]
    window, qtbot, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    bogus = tmp_path / "Not really.casezip"
    bogus.write_bytes(b"PK\x03\x04 this is no zip at all")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bogus), ""))
    )
    action = window.action_set.file.open_archive
    assert action.text() == "Open Case &Archive…"
    action.trigger()  # File → Open Case Archive…, the file chosen in the dialog
    qtbot.waitUntil(lambda: window.start_page.notice.isVisible(), timeout=30000)
    text = window.start_page.notice_text.text()
    assert "Traceback" not in text and "Error" not in text
    assert text.endswith(".")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Not really.casezip"]
