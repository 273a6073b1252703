"""Which Ctrl+Z belongs to a metadata field and which to the case (ui/metadata_panel.py):
a field undoes the typing it has not committed yet; once there is none, the key is the
case's Undo (Edit → Undo), as it is everywhere else in the window.

Kept apart from the panel because it is about keys and Qt's shortcut rules, not about
metadata."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


def leave_to_case(field: QObject, event: QEvent) -> bool:
    """Ctrl+Z in a field undoes the typing not yet committed; once there is none (after
    Enter, or before typing), it is the case's Undo, as Edit → Undo offers. Same for
    redo. Without this, a line edit takes the key even with nothing to undo."""
    assert isinstance(event, QKeyEvent)
    if isinstance(field, QLineEdit):
        can_undo, can_redo = field.isUndoAvailable(), field.isRedoAvailable()
    elif isinstance(field, QPlainTextEdit):
        can_undo = field.document().isUndoAvailable()
        can_redo = field.document().isRedoAvailable()
    else:
        return False
    if event.matches(QKeySequence.StandardKey.Undo):
        return not can_undo
    if event.matches(QKeySequence.StandardKey.Redo) or (
        event.key() == Qt.Key.Key_Z
        and event.modifiers()
        == Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    ):
        return not can_redo
    return False
