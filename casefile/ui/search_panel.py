"""Search results (placeholder until the search services land): filters by title."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget


class SearchPanel(QWidget):
    def __init__(self, controller: Any, view: Any) -> None:
        super().__init__()
        self.controller = controller
        self.view = view

    def run(self, query: str) -> None:
        self.view.show_filter({"title_contains": query} if query else {})

    def save_current(self) -> None:
        pass
