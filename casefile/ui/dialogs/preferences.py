"""Edit → Preferences…: the interface language (docs/architecture.md, "Languages").

The choice is stored in Settings under `i18n.SETTINGS_KEY` ("system", "en" or "ru") and
used at every start; applying a different one switches the running window at once
(ui/language_switch.py). Each language is named in its own language, so a user who
cannot read the current one still finds theirs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from casefile.ui import i18n
from casefile.ui.i18n import translate
from casefile.ui.settings import Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self.language = QComboBox()
        system = translate("PreferencesDialog", "System ({language})").format(
            language=i18n.language_name(i18n.system_language())
        )
        self.language.addItem(system, i18n.SYSTEM)
        for code, name in i18n.CHOICES:
            self.language.addItem(name, code)
        stored = settings.get(i18n.SETTINGS_KEY, i18n.SYSTEM)
        at = self.language.findData(stored if isinstance(stored, str) else i18n.SYSTEM)
        self.language.setCurrentIndex(max(at, 0))
        label = QLabel(translate("PreferencesDialog", "Interface &language:"))
        label.setBuddy(self.language)
        form = QFormLayout()
        form.addRow(label, self.language)
        note = QLabel(
            translate(
                "PreferencesDialog",
                "The window is rebuilt in the new language at once; the open case stays "
                "open. While an import, recognition or export runs, the switch waits "
                "until it ends.",
            )
        )
        note.setWordWrap(True)
        note.setEnabled(False)  # the calm, greyed text of a hint
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def choice(self) -> str:
        """The stored form of the language chosen: "system", "en" or "ru"."""
        data = self.language.currentData()
        return data if isinstance(data, str) else i18n.SYSTEM
