"""A line edit that completes entity names and aliases, in any script, as you type
("Форр" offers "Форрест — Daniel Forrest"), and says which entity the text names."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from casefile.core.services import EntityInfo
from casefile.ui.i18n import translate


def fold(text: str) -> str:
    """As the core compares names: case and ё/е folded, white space collapsed."""
    return " ".join(text.split()).casefold().replace("ё", "е")


class EntityPicker(QLineEdit):
    def __init__(
        self,
        entities: Sequence[EntityInfo],
        exclude: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.entities = [e for e in entities if e.uid != exclude]
        self._by_text: dict[str, str] = {}  # completion text and folded names -> uid
        shown: list[str] = []
        for e in self.entities:
            shown.append(e.name)
            self._by_text[e.name] = e.uid
            for a in e.aliases:
                if fold(a.text) != fold(e.name):
                    text = f"{a.text} — {e.name}"
                    shown.append(text)
                    self._by_text[text] = e.uid
        self._folded: dict[str, set[str]] = {}
        for e in self.entities:
            for name in (e.name, *(a.text for a in e.aliases)):
                self._folded.setdefault(fold(name), set()).add(e.uid)
        # Parented, so Python never frees the model under the completer.
        self.names = QStringListModel(sorted(shown, key=str.casefold), self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.setPlaceholderText(translate("EntityPicker", "Type a name or an alias…"))

    def chosen(self) -> EntityInfo | None:
        """The entity the text names (a completion, or exactly one name or alias)."""
        text = self.text().strip()
        uid = self._by_text.get(text)
        if uid is None:
            uids = self._folded.get(fold(text), set())
            uid = next(iter(uids)) if len(uids) == 1 else None
        return next((e for e in self.entities if e.uid == uid), None)
