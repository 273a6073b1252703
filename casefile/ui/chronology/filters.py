"""The chronology's filter bar: entity, tag, date range, flag and words. Dates are
typed as in the editor (EDTF or words); one that does not read as a date is marked and
filters nothing until it does, so the table never empties on a half-typed year."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from casefile.core import dates
from casefile.core.errors import InvalidValueError
from casefile.core.services.chronology_view import EventFilters
from casefile.ui.chronology.model import FLAG_WORDS, flag_words
from casefile.ui.i18n import translate

ANY = ""
BAD = "background: #fde2e1;"  # i18n: not shown


class FilterBar(QWidget):
    changed = Signal(object)  # EventFilters

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entity = self._combo(
            translate("FilterBar", "Entity"), translate("FilterBar", "Any entity")
        )
        self.tag = self._combo(translate("FilterBar", "Tag"), translate("FilterBar", "Any tag"))
        self.flag = self._combo(translate("FilterBar", "Flag"), translate("FilterBar", "Any flag"))
        for key in FLAG_WORDS:
            short, tip = flag_words(key)
            self.flag.addItem(short, key)
            self.flag.setItemData(self.flag.count() - 1, tip, 3)  # ToolTipRole
        self.date_from = self._edit(
            translate("FilterBar", "From"), translate("FilterBar", "From (e.g. 2020)"), 110
        )
        self.date_to = self._edit(
            translate("FilterBar", "To"), translate("FilterBar", "To (e.g. March 2024)"), 130
        )
        self.text = self._edit(
            translate("FilterBar", "Words"), translate("FilterBar", "Words in the event…"), 160
        )
        self.text.setClearButtonEnabled(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.text, self.entity, self.tag, self.date_from, self.date_to, self.flag):
            layout.addWidget(w)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # typing settles before the table is read again
        self._timer.timeout.connect(self._emit)
        self._last = EventFilters()

    def _combo(self, name: str, any_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem(any_text, ANY)
        combo.setMinimumContentsLength(max(10, len(any_text)))  # "Любая сущность" whole
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(lambda _i: self._emit())
        return combo

    def _edit(self, name: str, placeholder: str, width: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaximumWidth(width + 60)
        edit.setMinimumWidth(width)
        edit.textChanged.connect(lambda _t: self._timer.start())
        return edit

    def set_choices(self, entities: Sequence[str], tags: Sequence[str]) -> None:
        for combo, names in ((self.entity, entities), (self.tag, tags)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for n in names:
                combo.addItem(n, n)
            i = combo.findData(current)
            combo.setCurrentIndex(max(0, i))
            combo.blockSignals(False)

    def _date(self, edit: QLineEdit) -> str | bool | None:
        text = edit.text().strip()
        if not text:
            edit.setStyleSheet("")
            edit.setToolTip("")
            return None
        try:
            value = dates.read_date(text).text
        except InvalidValueError as exc:
            edit.setStyleSheet(BAD)
            edit.setToolTip(str(exc))
            return False
        edit.setStyleSheet("")
        edit.setToolTip(value)
        return value

    def filters(self) -> EventFilters:
        start, end = self._date(self.date_from), self._date(self.date_to)
        return EventFilters(
            entity=self.entity.currentData() or None,
            tag=self.tag.currentData() or None,
            date_from=start if isinstance(start, str) else None,
            date_to=end if isinstance(end, str) else None,
            flag=self.flag.currentData() or None,
            text=self.text.text().strip() or None,
        )

    def set_flag(self, flag: str | None) -> None:
        self.flag.setCurrentIndex(max(0, self.flag.findData(flag or ANY)))

    def _emit(self) -> None:
        f = self.filters()
        if f != self._last:
            self._last = f
            self.changed.emit(f)
