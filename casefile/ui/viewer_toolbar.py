"""The viewer's controls: Text | Original, page navigation, hit navigation, and the
Paragraphs toggle, with what each shows kept in step with the page on screen
(`update`). The viewer owns what the controls do; they only call back into it
(`Navigable`), so this module does not import the viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QSpinBox, QToolBar, QToolButton, QWidget

from casefile.ui.i18n import translate
from casefile.ui.icons import icon


class Navigable(Protocol):
    """What the controls ask of the viewer."""

    def show_text(self, remember: bool = True) -> None: ...
    def show_original(self, remember: bool = True) -> None: ...
    def go_to_page(self, number: int) -> None: ...
    def go_prev(self) -> None: ...
    def go_next(self) -> None: ...
    def previous_hit(self) -> None: ...
    def next_hit_(self) -> None: ...
    def reload_page(self) -> None: ...


class ViewerToolbar(QToolBar):
    def __init__(self, viewer: Navigable, owner: QWidget) -> None:
        super().__init__(translate("ViewerToolbar", "Viewer"))
        self.setIconSize(self.iconSize() * 0.8)
        self._owner = owner
        # Text | Original first: in a narrow pane (1024 px) the overflow arrow takes the
        # last buttons, and the view toggle must always show which view is on screen.
        group = QActionGroup(owner)
        # Optional: when neither view can be shown, neither button claims to be on.
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.text_mode = self._act(
            "view-text", translate("ViewerToolbar", "Text"), "Ctrl+1", viewer.show_text
        )
        self.original_mode = self._act(
            "view-original", translate("ViewerToolbar", "Original"), "Ctrl+2", viewer.show_original
        )
        for a in (self.text_mode, self.original_mode):
            a.setCheckable(True)
            group.addAction(a)
            btn = self.widgetForAction(a)
            if isinstance(btn, QToolButton):
                btn.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.text_mode.setChecked(True)
        self.addSeparator()
        self.prev_page = self._act(
            "page-prev", translate("ViewerToolbar", "Previous page"), "Ctrl+PgUp", viewer.go_prev
        )
        self.page_box = QSpinBox()
        self.page_box.setAccessibleName(translate("ViewerToolbar", "Page"))
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda n: viewer.go_to_page(n))
        self.addWidget(self.page_box)
        self.page_total = QLabel()
        self.addWidget(self.page_total)
        self.next_page = self._act(
            "page-next", translate("ViewerToolbar", "Next page"), "Ctrl+PgDown", viewer.go_next
        )
        self.addSeparator()
        self.prev_hit = self._act(
            "hit-prev", translate("ViewerToolbar", "Previous hit"), "Shift+F3", viewer.previous_hit
        )
        self.hit_label = QLabel()
        self.addWidget(self.hit_label)
        self.next_hit = self._act(
            "hit-next", translate("ViewerToolbar", "Next hit"), "F3", viewer.next_hit_
        )
        # Paragraphs (hard-wrapped lines joined) or the text exactly as extracted.
        self.reflow_mode = QAction(translate("ViewerToolbar", "Paragraphs"), owner)
        self.reflow_mode.setCheckable(True)
        self.reflow_mode.setChecked(True)
        self.reflow_mode.setToolTip(
            translate(
                "ViewerToolbar",
                "Join hard-wrapped lines into paragraphs (off: the text exactly as extracted)",
            )
        )
        self.reflow_mode.toggled.connect(lambda _on: viewer.reload_page())
        # Beside the title, not in the tool bar: at 1024 px the tool bar has no room
        # left and would hide Text | Original behind its overflow arrow.
        self.reflow_button = QToolButton()
        self.reflow_button.setDefaultAction(self.reflow_mode)
        self.reflow_button.setAutoRaise(True)

    def _act(self, name: str, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(icon(name), text, self._owner)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({shown})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def update_for(
        self,
        *,
        has_document: bool,
        page: int,
        total: int,
        any_hits: bool,
        hits_on_page: int | None,
        current_hit: int,
    ) -> None:
        """Show the state of the page on screen. `hits_on_page` None: no search."""
        has_pages = has_document and total > 0
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, max(total, 1))
        self.page_box.setValue(page if has_pages else 1)
        self.page_box.blockSignals(False)
        self.page_box.setEnabled(total > 1)
        self.page_total.setText(
            " " + translate("ViewerToolbar", "of {total}").format(total=total) + " "
            if has_pages
            else ""
        )
        self.prev_page.setEnabled(has_pages and page > 1)
        self.next_page.setEnabled(has_pages and page < total)
        self.prev_hit.setEnabled(any_hits)
        self.next_hit.setEnabled(any_hits)
        if hits_on_page is None:
            self.hit_label.setText("")
        else:
            # The label's text is padded with a space each side, as the page total.
            if hits_on_page:
                where = translate("ViewerToolbar", "Hits on page: {current}/{total}").format(
                    current=current_hit + 1, total=hits_on_page
                )
            else:
                where = translate("ViewerToolbar", "Hits on page: none")
            self.hit_label.setText(f" {where} ")
        if not has_document:
            self.original_mode.setEnabled(False)
