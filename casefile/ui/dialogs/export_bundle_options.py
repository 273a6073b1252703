"""The export dialog's pages (ui/dialogs/export.py) for the PDF court bundle and the
case archive.

The bundle page offers what a court asks for: the bundle's title, how it is divided
into sections (by kind of document, one section per chosen tag in the order the user
drags them into, one section, or arranged by hand document by document:
`export_bundle_arrangement.py`), the page numbering (1…N, the PDF page numbers, or A1, B12 by
section) and an optional split into volumes. A page never reads the case: the dialog
hands it the case's tags and the default arrangement (`set_choices`) and asks it for the
options value of the export service (`options()`: `services.bundles.BundleChoices`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casefile.ui.dialogs.export_bundle_arrangement import ArrangementEditor
from casefile.ui.dialogs.export_options import OptionsPage, Shown
from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate

SECTIONS_BY_KIND = "kind"
SECTIONS_BY_TAG = "tag"
ONE_SECTION = "one"
ARRANGED = "arranged"


class BundlePage(OptionsPage):
    """The court bundle's options (an options page of the export dialog)."""

    kind = "bundle"
    label = Shown(QT_TRANSLATE_NOOP("ExportOptions", "Court bundle (PDF)"))
    suffix = ".pdf"
    folder = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(translate("BundlePage", "Court bundle"))
        self.title.setAccessibleName(translate("BundlePage", "Bundle title"))
        self.title.textChanged.connect(lambda _t: self.nameChanged.emit())
        self.sections = QComboBox()
        self.sections.addItem(
            translate("BundlePage", "By kind of document (court documents first)"), SECTIONS_BY_KIND
        )
        self.sections.addItem(
            translate("BundlePage", "One section per tag (choose below)"), SECTIONS_BY_TAG
        )
        self.sections.addItem(
            translate("BundlePage", "One section with every document"), ONE_SECTION
        )
        self.sections.addItem(
            translate("BundlePage", "Arranged by hand (sections and order below)"), ARRANGED
        )
        self.tags = QListWidget()
        self.tags.setAccessibleName(translate("BundlePage", "Tags, one section each"))
        self.tags.setToolTip(
            translate("BundlePage", "Drag a tag to change the order of the sections.")
        )
        self.tags.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.tags.setMaximumHeight(120)
        self.tags.setEnabled(False)
        self.arrangement = ArrangementEditor()
        self.arrangement.setVisible(False)
        self.sections.currentIndexChanged.connect(self._sections_changed)
        self.numbering = QComboBox()
        self.numbering.addItem(
            translate("BundlePage", "1, 2, 3 … (the PDF page numbers)"), "continuous"
        )
        self.numbering.addItem(translate("BundlePage", "A1, A2 … B1 (by section)"), "section")
        self.split = QCheckBox(translate("BundlePage", "Split into &volumes of"))
        self.volume_pages = QSpinBox()
        self.volume_pages.setRange(10, 10_000)
        self.volume_pages.setValue(300)
        self.volume_pages.setSuffix(" " + translate("BundlePage", "pages"))
        self.volume_pages.setEnabled(False)
        self.split.toggled.connect(self.volume_pages.setEnabled)
        volumes = QHBoxLayout()
        volumes.addWidget(self.split)
        volumes.addWidget(self.volume_pages)
        volumes.addStretch(1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("BundlePage", "&Title:"), self.title)
        form.addRow(translate("BundlePage", "Se&ctions:"), self.sections)
        form.addRow("", self.tags)
        form.addRow(self.arrangement)
        form.addRow(translate("BundlePage", "&Numbering:"), self.numbering)
        form.addRow("", volumes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._sections_changed(0)

    def _sections_changed(self, _index: int) -> None:
        mode = self.sections.currentData()
        self.tags.setEnabled(mode == SECTIONS_BY_TAG)
        self.tags.setVisible(mode != ARRANGED)
        self.arrangement.setVisible(mode == ARRANGED)
        order = (
            translate("BundlePage", "Documents keep the order given above.")
            if mode == ARRANGED
            else translate("BundlePage", "Documents are in date order within each section.")
        )
        always = translate(
            "BundlePage",
            "An index with links, bookmarks and a page number on every page are always "
            "included; documents that are not PDFs are typeset from their text.",
        )
        self.note.setText(f"{order} {always}")

    def set_choices(self, choices: Any) -> None:
        """The tags documents carry (from `ExportChoices`), offered as sections, and the
        default arrangement to start arranging by hand from (none for a very large
        case)."""
        draft = tuple(getattr(choices, "bundle_draft", ()))
        self.arrangement.set_draft(draft)
        index = self.sections.findData(ARRANGED)
        self.sections.model().item(index).setEnabled(bool(draft))  # type: ignore[attr-defined]
        self.tags.clear()
        for tag in choices.document_tags:
            item = QListWidgetItem(tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.tags.addItem(item)

    def _checked_tags(self) -> tuple[str, ...]:
        return tuple(
            self.tags.item(i).text()
            for i in range(self.tags.count())
            if self.tags.item(i).checkState() == Qt.CheckState.Checked
        )

    def options(self) -> Any:
        from casefile.core.services.bundles import BundleChoices

        title = self.title.text().strip()
        if not title:
            raise ValueError(
                translate("BundlePage", "Give the bundle a title; it heads its index.")
            )
        mode = self.sections.currentData()
        if mode == ARRANGED:
            return self._arranged(title)
        by_tags: tuple[str, ...] = ()
        if mode == SECTIONS_BY_TAG:
            by_tags = self._checked_tags()
            if not by_tags:
                raise ValueError(
                    translate(
                        "BundlePage", "Tick the tags that make the sections, in the order wanted."
                    )
                )
        return BundleChoices(
            by_tags=by_tags,
            title=title,
            page_style=self.numbering.currentData(),
            volume_pages=self.volume_pages.value() if self.split.isChecked() else None,
            all_in_one=mode == ONE_SECTION,
        )

    def _arranged(self, title: str) -> Any:
        from casefile.core.services.bundles import BundleChoices, SectionIn, section_letter

        arranged = self.arrangement.sections()
        if not arranged:
            raise ValueError(
                translate("BundlePage", "Tick at least one document to put in the bundle.")
            )
        if any(not name for name, _uids in arranged):
            raise ValueError(
                translate("BundlePage", "Give every section a name; it heads its divider page.")
            )
        return BundleChoices(
            sections=tuple(
                SectionIn(section_letter(i), name, uids) for i, (name, uids) in enumerate(arranged)
            ),
            order="given",
            title=title,
            page_style=self.numbering.currentData(),
            volume_pages=self.volume_pages.value() if self.split.isChecked() else None,
        )

    def default_name(self, case_title: str) -> str:
        title = self.title.text().strip() or translate("BundlePage", "bundle")
        return f"{case_title} — {title}"


class ArchivePage(OptionsPage):
    """The case archive: nothing to choose, only what it holds."""

    kind = "archive"
    label = Shown(QT_TRANSLATE_NOOP("ExportOptions", "Case archive (.casezip)"))
    suffix = ".casezip"
    folder = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(
            translate(
                "ArchivePage",
                "The whole case in one file: its database, every original and a manifest of "
                "their hashes. It opens as a new case on another computer with 'casefile "
                "import-archive ARCHIVE CASE', which rebuilds the search index there.",
            )
        )
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)

    def set_choices(self, choices: Any) -> None:
        """An archive holds everything: nothing to offer."""

    def options(self) -> Any:
        return None

    def default_name(self, case_title: str) -> str:
        return case_title
