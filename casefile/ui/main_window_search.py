"""The search box and the keyboard's jumps between panes: an object the main window is
composed of (see main_window), doing what the tool bar's search box (`SearchSlots`) and
the Edit and View menus' search and "Go to" actions (`menus.PaneSlots`) ask for.

It acts on whatever case view the window shows at the moment, so it holds the window
(as the little it needs, `SearchHost`) rather than a view."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

if TYPE_CHECKING:
    from casefile.ui.case_view import CaseView


class SearchHost(Protocol):
    """What the search needs of the window: the case view shown (None on the start
    page) and the tool bar's search box."""

    @property
    def case_view(self) -> CaseView | None: ...
    @property
    def search_field(self) -> QLineEdit: ...


class WindowSearch:
    """Runs, clears and saves the search typed in the tool bar, and moves the keyboard
    focus between the panes of the open case."""

    def __init__(self, host: SearchHost) -> None:
        self.host = host

    def focus_search(self) -> None:
        field = self.host.search_field
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    def run_search(self) -> None:
        view = self.host.case_view
        if view is not None:
            view.run_search(self.host.search_field.text())

    def search_text_changed(self, text: str) -> None:
        view = self.host.case_view
        if not text and view is not None and view.in_search:
            self.show_all_documents()

    def focus_results(self) -> None:
        """Down in the search box: into the results, at the first (or chosen) one."""
        view = self.host.case_view
        if view is None or not view.in_search or not view.search_panel.results.count():
            return
        results = view.search_panel.results
        results.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if results.currentItem() is None:
            results.setCurrentRow(0)

    def save_search(self) -> None:
        view = self.host.case_view
        if view is not None:
            view.search_panel.save_current()

    def focus_pane(self, pane: str) -> None:
        """Keyboard-only use: jump between the panes (View → Go to …, Alt+1…4)."""
        view = self.host.case_view
        if view is None:
            return
        target: QWidget | None = {
            "navigator": view.navigator,
            "centre": view.centre.currentWidget(),
            "viewer": view.viewer.text,
            "metadata": view.metadata.title,
        }[pane]
        if pane == "centre" and view.in_search:
            target = view.search_panel.results
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_all_documents(self) -> None:
        view = self.host.case_view
        if view is not None:
            view.search_panel.clear()
            view.show_filter({})
            self.host.search_field.clear()  # out of search mode first: see search_text_changed
