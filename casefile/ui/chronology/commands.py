"""Undoable chronology edits (Edit → Undo / Redo, the case's one undo stack). Each
command remembers the event before and after as whole values (EventInfo) and asks the
controller to write one of them: `put_event` makes an event exactly so (uid, citations
and all), `delete_event_quietly` removes it. Undo is an ordinary edit in the audit log,
as for documents (ui/undo_commands.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from casefile.core.services import chronology_undo
from casefile.core.services.chronology_dto import EventInfo
from casefile.ui.i18n import translate


class Writer(Protocol):
    """What a command needs of the case controller (ui/undo_commands.py: Editor)."""

    def apply_write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None: ...


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PutEventCommand(QUndoCommand):
    """Add (before None), edit (both) or delete (after None) one event."""

    def __init__(
        self, writer: Writer, before: EventInfo | None, after: EventInfo | None, text: str = ""
    ) -> None:
        shown = after or before
        assert shown is not None
        if not text:  # named after "Undo " in the Edit menu ("Отменить удаление события …")
            if before is None:
                text = translate("PutEventCommand", "Add event “{title}”")
            elif after is None:
                text = translate("PutEventCommand", "Delete event “{title}”")
            else:
                text = translate("PutEventCommand", "Edit event “{title}”")
            text = text.format(title=_short(shown.title))
        super().__init__(text)
        self.writer = writer
        self.before = before
        self.after = after

    def _put(self, state: EventInfo | None, other: EventInfo | None) -> None:
        if state is not None:
            self.writer.apply_write(chronology_undo.put_event, state)
        elif other is not None:
            self.writer.apply_write(chronology_undo.delete_event_quietly, other.uid)

    def redo(self) -> None:
        self._put(self.after, self.before)

    def undo(self) -> None:
        self._put(self.before, self.after)
