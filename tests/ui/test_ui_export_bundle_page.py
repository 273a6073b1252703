"""The bundle's and the archive's pages of the export dialog, driven as a user would:
what is ticked and typed becomes the options the export service takes."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from casefile.core import services
from casefile.core.services.bundles import BundleChoices, default_sections, export_bundle
from casefile.ui.dialogs.export_bundle_options import ArchivePage, BundlePage


def test_bundle_page_gives_the_choices(qtbot, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = BundlePage()
    qtbot.addWidget(page)
    page.show()
    with services.open_case(demo_path) as case:
        tags = [t for t, _n in services.list_tags(case)]
        page.set_choices(SimpleNamespace(tags=tuple(tags), document_tags=tuple(tags)))
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


def test_a_bundle_arranged_by_hand_is_made_as_shown(qtbot, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Rename a section, move documents within and across sections, leave one out and
    add a section: the bundle has exactly the sections and order on screen."""
    from casefile.core.services.exports import export_choices

    page = BundlePage()
    qtbot.addWidget(page)
    page.show()
    with services.open_case(demo_path) as case:
        choices = export_choices(case)
        page.set_choices(choices)
        # Sections by tag are offered only for tags some document carries; a tag only
        # events carry ("parliament" in the demo) still scopes a report.
        offered = [page.tags.item(i).text() for i in range(page.tags.count())]
        assert offered == [t for t, _n in services.list_tags(case)]
        assert set(choices.tags) - set(offered) == {"parliament"}
        page.sections.setCurrentIndex(page.sections.findData("arranged"))
        editor = page.arrangement
        assert editor.isVisible() and not page.tags.isVisible()
        assert "keep the order given above" in page.note.text()
        tree = editor.tree
        shown = [
            (
                tree.topLevelItem(i).text(0),
                [
                    tree.topLevelItem(i).child(j).text(0)
                    for j in range(tree.topLevelItem(i).childCount())
                ],
            )
            for i in range(tree.topLevelItemCount())
        ]
        # The start is the default: sections by kind, documents in date order.
        assert page.options().sections == tuple(default_sections(case))
        assert sum(len(docs) for _t, docs in shown) == services.count_documents(case)
        assert tree.topLevelItemCount() >= 2, shown

        first, second = tree.topLevelItem(0), tree.topLevelItem(1)
        first.setText(0, "Pleadings")
        moved = second.child(0)
        tree.setCurrentItem(moved)
        qtbot.mouseClick(editor.up, Qt.MouseButton.LeftButton)  # crosses into "Pleadings"
        assert moved.parent() is first and first.indexOfChild(moved) == first.childCount() - 1
        qtbot.mouseClick(editor.up, Qt.MouseButton.LeftButton)  # and up within it
        assert first.indexOfChild(moved) == first.childCount() - 2
        left_out = second.child(second.childCount() - 1)
        left_out.setCheckState(0, Qt.CheckState.Unchecked)

        tree.setCurrentItem(tree.topLevelItem(tree.topLevelItemCount() - 1))
        qtbot.mouseClick(editor.new_section, Qt.MouseButton.LeftButton)
        last = tree.topLevelItem(tree.topLevelItemCount() - 1)
        name = tree.viewport().findChild(QLineEdit)  # the new section's name, open to type
        assert name is not None and name.text().startswith("Section")
        name.setText("Late evidence")
        qtbot.keyClick(name, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: last.text(0) == "Late evidence")  # the delegate commits queued
        tree.setCurrentItem(moved)
        for _ in range(tree.topLevelItemCount() + 4):  # Ctrl+Down until the last section
            if moved.parent() is last:
                break
            qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        assert moved.parent() is last

        expected = [
            (
                tree.topLevelItem(i).text(0),
                [
                    tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole)
                    for j in range(tree.topLevelItem(i).childCount())
                    if tree.topLevelItem(i).child(j).checkState(0) == Qt.CheckState.Checked
                ],
            )
            for i in range(tree.topLevelItemCount())
        ]
        expected = [(t, d) for t, d in expected if d]
        choices = page.options()
        assert choices.order == "given"
        assert [(s.title, list(s.documents)) for s in choices.sections] == expected
        assert [s.letter for s in choices.sections] == ["A", "B", "C", "D"][: len(expected)]
        result = export_bundle(case, choices, tmp_path / "arranged.pdf")
        placed = [(p.section, p.uid) for p in result.placed]
        assert placed == [(s.letter, uid) for s in choices.sections for uid in s.documents]
        assert left_out.data(0, Qt.ItemDataRole.UserRole) not in {u for _s, u in placed}
        outline = [o.title for o in PdfReader(result.files[0]).outline if not isinstance(o, list)]
        assert any("Pleadings" in t for t in outline) and any("Late evidence" in t for t in outline)

        # A section removed gives its documents to the one before it.
        before = last.childCount()
        tree.setCurrentItem(last)
        qtbot.mouseClick(editor.remove_section, Qt.MouseButton.LeftButton)
        assert tree.topLevelItemCount() == len(shown) and before == 1
        assert moved.parent() is tree.topLevelItem(tree.topLevelItemCount() - 1)
        for i in range(tree.topLevelItemCount()):
            for j in range(tree.topLevelItem(i).childCount()):
                tree.topLevelItem(i).child(j).setCheckState(0, Qt.CheckState.Unchecked)
        with pytest.raises(ValueError, match="Tick at least one document"):
            page.options()


def test_drops_that_would_break_the_arrangement_are_refused() -> None:
    from casefile.ui.dialogs.export_bundle_arrangement import drop_allowed

    pos = QAbstractItemView.DropIndicatorPosition
    assert drop_allowed(False, True, pos.OnItem)  # a document into a section
    assert drop_allowed(False, False, pos.AboveItem)  # beside another document
    assert not drop_allowed(False, True, pos.AboveItem)  # between sections: would be one
    assert not drop_allowed(False, None, pos.OnViewport)  # to the top level
    assert drop_allowed(True, True, pos.BelowItem)  # a section beside a section
    assert drop_allowed(True, None, pos.OnViewport)  # after the last
    assert not drop_allowed(True, True, pos.OnItem)  # never inside a section
    assert not drop_allowed(True, False, pos.AboveItem)  # nor among documents


def test_tag_sections_follow_the_order_the_tags_are_dragged_into(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = BundlePage()
    qtbot.addWidget(page)
    page.set_choices(SimpleNamespace(tags=(), document_tags=("alpha", "beta", "gamma")))
    page.sections.setCurrentIndex(page.sections.findData("tag"))
    for i in range(3):
        page.tags.item(i).setCheckState(Qt.CheckState.Checked)
    page.tags.insertItem(0, page.tags.takeItem(2))  # what a drag to the top does
    assert page.options().by_tags == ("gamma", "alpha", "beta")
    assert page.tags.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    # Without a proposal (a very large case), arranging by hand is not offered.
    arranged = page.sections.model().item(page.sections.findData("arranged"))
    assert not arranged.isEnabled()
