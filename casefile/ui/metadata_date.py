"""The metadata panel's Date row (ui/metadata_panel.py): the field and, under it, the
date said back in words as it is typed ("about May 2024"), or what is wrong with it, in
red, with the field marked `invalid` until it is fixed or reverted.

Kept apart from the panel, which decides when a date is saved: this is only checking
and showing what was typed (core/dates.py parses it, as everywhere else)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from casefile.core import dates
from casefile.core.errors import InvalidValueError
from casefile.ui.i18n import translate
from casefile.ui.plain import ElidedLabel


class DateRow:
    """`edit`, the field; `words`, the line under it."""

    def __init__(self) -> None:
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("2024-06-07, 2023-02, 2024-05~, 2020/2022")
        # One line, always: a long error must not push the form down under the mouse
        # (it elides; the whole message is the tooltip of the line and the field).
        self.words = ElidedLabel()
        self.words.setObjectName("dateWords")
        # The red border of an invalid date is a style sheet, which changes a line
        # edit's natural height: pin it so the rows below do not jump.
        self.edit.setFixedHeight(self.edit.sizeHint().height())

    def check(self, text: str) -> bool:
        """Validate as you type: the date in words, or what is wrong with it."""
        text = text.strip()
        if not text:
            self.words.setText(translate("MetadataPanel", "No date"))
            self.mark(True)
            return True
        try:
            dates.parse(text)
        except InvalidValueError as exc:
            self.words.setText(
                translate("MetadataPanel", "{error} Escape puts back the saved date.").format(
                    error=exc
                )
            )
            self.edit.setToolTip(str(exc))
            self.mark(False)
            return False
        self.words.setText(dates.describe(text))
        self.edit.setToolTip("")
        self.mark(True)
        return True

    def mark(self, ok: bool) -> None:
        self.edit.setProperty("invalid", not ok)
        self.edit.setStyleSheet("" if ok else "QLineEdit { border: 1px solid #d9534f; }")
        self.words.setStyleSheet("" if ok else "color: #d9534f;")
