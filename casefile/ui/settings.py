"""What the app remembers between runs (QSettings): window geometry, splitter positions,
recent cases. Tests pass their own QSettings file so they never touch the user's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

MAX_RECENT = 10


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings if qsettings is not None else QSettings()

    def recent_cases(self) -> list[str]:
        value = self.q.value("recent", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            return []  # nothing stored (None), or not something this version wrote
        return [p for p in value if isinstance(p, str)]

    def add_recent(self, path: str | Path) -> None:
        p = str(Path(path).resolve())
        items = [x for x in self.recent_cases() if x != p]
        self.q.setValue("recent", [p, *items][:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self.q.setValue("recent", [x for x in self.recent_cases() if x != path])

    def get(self, key: str, default: Any = None) -> Any:
        return self.q.value(key, default)

    def set(self, key: str, value: Any) -> None:
        self.q.setValue(key, value)

    def sync(self) -> None:
        self.q.sync()
