"""The options pages of the export dialog (ui/dialogs/export.py): what an `OptionsPage`
is, the scope box the report and CSV share, and their two pages.

A page never reads the case: the dialog hands it what to offer (`set_choices`, an
`ExportChoices` read on a reader thread) and asks it for the options value its export
service takes (`options()`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casefile.core import labels
from casefile.ui import i18n
from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate

ANY = QT_TRANSLATE_NOOP("ExportOptions", "(any)")


class Shown:
    """A class attribute the user reads (an export kind's name): marked where it is
    defined, before a language is chosen, and translated each time it is read, so
    `page.label` is always in the interface language (docs/architecture.md,
    "Languages")."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __get__(self, obj: object, owner: type | None = None) -> str:
        return translate("ExportOptions", self.text) if self.text else ""


class OptionsPage(QWidget):
    """One kind of export's options. Subclasses set the class attributes and implement
    `options()`; `set_choices` is called once the case's tags, entities and saved
    searches are read."""

    kind = ""  # the key of services.exports.EXPORTS
    label = Shown("")  # shown in the dialog's kind list: "Report (DOCX)"
    suffix = ""  # the file's extension with its dot; "" when `folder`
    folder = False  # the export is a folder of files (CSV)
    nameChanged = Signal()  # the suggested file name changed (e.g. the scope did)

    def set_choices(self, choices: Any) -> None:
        """What the case offers to choose from (services.exports.ExportChoices)."""

    def options(self) -> Any:
        """The options value for the service; ValueError with a sentence if invalid."""
        raise NotImplementedError

    def default_name(self, case_title: str) -> str:
        """The file (or folder) name suggested, without the suffix."""
        return f"{case_title} — {self.kind}"  # i18n: not shown


def _checkable(items: list[str] | tuple[str, ...], target: QListWidget) -> None:
    target.clear()
    for text in items:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        target.addItem(item)


def checked(widget: QListWidget) -> tuple[str, ...]:
    return tuple(
        widget.item(i).text()
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    )


class ScopeBox(QGroupBox):
    """What part of the case: nothing chosen is the whole case; a tag, entities, a
    date range and a flag each narrow it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("ExportOptions", "Scope (nothing chosen: the whole case)"), parent
        )
        self.tag = QComboBox()
        self.tag.addItem(translate("ExportOptions", ANY), "")
        self.entities = QListWidget()
        self.entities.setMaximumHeight(110)
        self.entities.setAccessibleName(translate("ExportOptions", "Entities"))
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText(translate("ExportOptions", "e.g. 2023 or 2023-02"))
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText(translate("ExportOptions", "e.g. 2024-06"))
        self.flag = QComboBox()
        self.flag.addItem(translate("ExportOptions", ANY), "")
        for value, word in labels.EVENT_FLAGS.items():
            self.flag.addItem(word, str(value))
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        form = QFormLayout(self)
        form.addRow(translate("ExportOptions", "&Tag:"), self.tag)
        form.addRow(translate("ExportOptions", "E&ntities:"), self.entities)
        # A layout has no buddy of its own: Alt+F goes to the first date field.
        dates_label = QLabel(translate("ExportOptions", "Events &from / to:"))
        dates_label.setBuddy(self.date_from)
        form.addRow(dates_label, dates)
        form.addRow(translate("ExportOptions", "Events f&lagged:"), self.flag)
        self.tag.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def set_choices(self, choices: Any) -> None:
        self.tag.clear()
        self.tag.addItem(translate("ExportOptions", ANY), "")
        for t in choices.tags:
            self.tag.addItem(t, t)
        _checkable(list(choices.entities), self.entities)

    def scope(self) -> Any:
        from casefile.core.services.exports import Scope

        return Scope(
            tag=self.tag.currentData() or None,
            entities=checked(self.entities),
            date_from=self.date_from.text().strip() or None,
            date_to=self.date_to.text().strip() or None,
            flag=self.flag.currentData() or None,
        )


class ReportPage(OptionsPage):
    kind = "report"
    label = Shown(QT_TRANSLATE_NOOP("ExportOptions", "Report (DOCX)"))
    suffix = ".docx"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope_box = ScopeBox()
        self.author = QLineEdit()
        self.author.setPlaceholderText(translate("ExportOptions", "your login name"))
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(
            translate("ExportOptions", "Optional: a summary placed after the contents")
        )
        self.summary.setMaximumHeight(80)
        self.searches = QListWidget()
        self.searches.setMaximumHeight(80)
        self.searches.setAccessibleName(translate("ExportOptions", "Saved searches"))
        self.cast = QCheckBox(translate("ExportOptions", "Cast of &characters"))
        self.index = QCheckBox(translate("ExportOptions", "&Document index"))
        self.bundle_pages = QCheckBox(
            translate("ExportOptions", "Cite &bundle pages (B/123) when a bundle was made")
        )
        for box in (self.cast, self.index, self.bundle_pages):
            box.setChecked(True)
        self.lang = QComboBox()
        self.lang.addItem("English", "en")  # i18n: verbatim (each in its own language)
        self.lang.addItem("Русский", "ru")  # i18n: verbatim
        # The report's dates are written in the interface language unless chosen otherwise.
        self.lang.setCurrentIndex(max(0, self.lang.findData(i18n.current())))
        form = QFormLayout()
        form.addRow(translate("ExportOptions", "&Author:"), self.author)
        form.addRow(translate("ExportOptions", "S&ummary:"), self.summary)
        form.addRow(translate("ExportOptions", "Excerpts of &saved searches:"), self.searches)
        form.addRow(translate("ExportOptions", "Dates in:"), self.lang)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scope_box)
        layout.addLayout(form)
        for box in (self.cast, self.index, self.bundle_pages):
            layout.addWidget(box)
        self.scope_box.changed.connect(self.nameChanged.emit)

    def set_choices(self, choices: Any) -> None:
        self.scope_box.set_choices(choices)
        _checkable(list(choices.saved_searches), self.searches)

    def options(self) -> Any:
        from casefile.core.services.exports import ReportOptions

        return ReportOptions(
            scope=self.scope_box.scope(),
            author=self.author.text().strip() or None,
            summary=self.summary.toPlainText().strip() or None,
            saved_searches=checked(self.searches),
            cast=self.cast.isChecked(),
            document_index=self.index.isChecked(),
            bundle_pages=self.bundle_pages.isChecked(),
            lang=self.lang.currentData(),
        )

    def default_name(self, case_title: str) -> str:
        return translate("ExportOptions", "{case} — report").format(case=case_title)


class CsvPage(OptionsPage):
    kind = "csv"
    label = Shown(QT_TRANSLATE_NOOP("ExportOptions", "Spreadsheet tables (CSV)"))
    folder = True
    TABLES = (
        ("documents", QT_TRANSLATE_NOOP("ExportOptions", "&Documents")),
        ("entities", QT_TRANSLATE_NOOP("ExportOptions", "&Entities")),
        ("mentions", QT_TRANSLATE_NOOP("ExportOptions", "&Mentions")),
        ("chronology", QT_TRANSLATE_NOOP("ExportOptions", "C&hronology")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope_box = ScopeBox()
        self.tables: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for key, words in self.TABLES:
            box = QCheckBox(translate("ExportOptions", words))
            box.setChecked(True)
            self.tables[key] = box
            row.addWidget(box)
        tables = QGroupBox(translate("ExportOptions", "Tables (one CSV file each, UTF-8)"))
        tables.setLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scope_box)
        layout.addWidget(tables)
        layout.addStretch(1)

    def set_choices(self, choices: Any) -> None:
        self.scope_box.set_choices(choices)

    def options(self) -> Any:
        from casefile.core.services.exports import CsvOptions

        tables = tuple(k for k, box in self.tables.items() if box.isChecked())
        if not tables:
            raise ValueError(translate("ExportOptions", "Choose at least one table to export."))
        return CsvOptions(scope=self.scope_box.scope(), tables=tables)

    def default_name(self, case_title: str) -> str:
        return translate("ExportOptions", "{case} — tables").format(case=case_title)
