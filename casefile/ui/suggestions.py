"""Metadata Casefile guessed (a kind, a date from file properties, a title from the
file name) looks different from what a person set: italic, with a tooltip saying where
it came from, and a line above the form with a Confirm button. Editing a field also
confirms it (the service takes it off the document's suggestions)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate
from casefile.ui.plain import plain_label

NAMES = {
    "title": QT_TRANSLATE_NOOP("SuggestionBar", "title"),
    "kind": QT_TRANSLATE_NOOP("SuggestionBar", "kind"),
    "date": QT_TRANSLATE_NOOP("SuggestionBar", "date"),
    "author": QT_TRANSLATE_NOOP("SuggestionBar", "author"),
}
WHY = {
    "title": QT_TRANSLATE_NOOP("SuggestionBar", "taken from the file (its own title or its name)"),
    "kind": QT_TRANSLATE_NOOP("SuggestionBar", "guessed from the text"),
    "date": QT_TRANSLATE_NOOP("SuggestionBar", "taken from the file's properties"),
    "author": QT_TRANSLATE_NOOP("SuggestionBar", "taken from the file's properties"),
}
# A field's tooltip says it is a suggestion; `mark` recognises its own tooltips by this.
SUGGESTED_ROLE = "suggestionTip"


class SuggestionBar(QWidget):
    confirmRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionBar")
        self.text = plain_label(wrap=True)
        self.confirm = QPushButton(translate("SuggestionBar", "Confirm"))
        self.confirm.setToolTip(
            translate(
                "SuggestionBar",
                "Accept the suggested values as they are (recorded in the audit log)",
            )
        )
        self.confirm.clicked.connect(self.confirmRequested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.confirm)
        self.hide()

    def show_fields(self, suggested: tuple[str, ...], editable: bool) -> None:
        fields = [translate("SuggestionBar", NAMES[f]) for f in suggested if f in NAMES]
        if not fields:
            self.hide()
            return
        self.text.setText(
            translate(
                "SuggestionBar", "Suggested by Casefile, not yet checked: {fields} (in italics)."
            ).format(fields=", ".join(fields))
        )
        self.confirm.setVisible(editable)
        self.show()


def mark(widgets: Mapping[str, QWidget], suggested: tuple[str, ...]) -> None:
    """Italic and a tooltip on the fields that are suggestions; plain on the others."""
    for name, widget in widgets.items():
        is_suggestion = name in suggested
        font = widget.font()
        font.setItalic(is_suggestion)
        widget.setFont(font)
        widget.setProperty("suggested", is_suggestion)
        if is_suggestion:
            tip = translate(
                "SuggestionBar", "Suggested: {why}. Check it; editing it or Confirm makes it yours."
            ).format(why=translate("SuggestionBar", WHY[name]))
            widget.setToolTip(tip)
            widget.setProperty(SUGGESTED_ROLE, tip)
        elif widget.toolTip() and widget.toolTip() == widget.property(SUGGESTED_ROLE):
            widget.setToolTip("")  # (a date's error tooltip stays)
