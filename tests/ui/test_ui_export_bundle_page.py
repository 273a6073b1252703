"""The bundle's and the archive's pages of the export dialog, driven as a user would:
what is ticked and typed becomes the options the export service takes."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from casefile.core import services
from casefile.core.services.bundles import BundleChoices, export_bundle
from casefile.ui.dialogs.export_bundle_options import ArchivePage, BundlePage


def test_bundle_page_gives_the_choices(qtbot, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = BundlePage()
    qtbot.addWidget(page)
    page.show()
    with services.open_case(demo_path) as case:
        tags = [t for t, _n in services.list_tags(case)]
        page.set_choices(SimpleNamespace(tags=tuple(tags)))
        assert page.options() == BundleChoices(title="Court bundle")  # by kind, 1…N

        page.sections.setCurrentIndex(page.sections.findData("tag"))
        assert page.tags.isEnabled()
        with pytest.raises(ValueError, match="Tick the tags"):
            page.options()
        page.tags.item(0).setCheckState(Qt.CheckState.Checked)
        page.numbering.setCurrentIndex(1)
        qtbot.mouseClick(page.split, Qt.MouseButton.LeftButton)
        page.volume_pages.setValue(50)
        page.title.setText("Trial bundle")
        choices = page.options()
        assert choices == BundleChoices(
            by_tags=(tags[0],), title="Trial bundle", page_style="section", volume_pages=50
        )
        result = export_bundle(case, choices, tmp_path / "b.pdf")
        assert {p.section for p in result.placed} == {"A"}
        assert PdfReader(result.files[0]).page_labels[1] == "A1"
        assert page.default_name("Demo") == "Demo — Trial bundle"

        page.sections.setCurrentIndex(page.sections.findData("one"))
        everything = export_bundle(case, page.options(), tmp_path / "all.pdf")
        assert len(everything.placed) == services.count_documents(case)


def test_archive_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = ArchivePage()
    qtbot.addWidget(page)
    assert page.options() is None and page.suffix == ".casezip"


def test_demo_bundle_and_archive_from_the_dialog(case_window, qtbot, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_ui_export import export_dialog
    from tests.ui.util import wait_idle

    settings.set("export/folder", str(tmp_path))
    dialog = export_dialog(case_window, qtbot)
    dialog.kind.setCurrentIndex(dialog.kind.findData("bundle"))
    assert dialog.page.kind == "bundle"
    expected = tmp_path / "Cloud face recognition (demo) — Court bundle.pdf"
    assert dialog.path.text() == str(expected)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60000)
    reader = PdfReader(expected)
    assert len(reader.pages) == dialog.result.pages and reader.outline
    assert "pages and 4 documents" in dialog.status.text()

    dialog.kind.setCurrentIndex(dialog.kind.findData("archive"))
    archive = tmp_path / "Cloud face recognition (demo).casezip"
    assert dialog.path.text() == str(archive)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.result is not None and dialog.result.path == archive, timeout=60000
    )
    assert archive.is_file()
    wait_idle(qtbot, case_window)
