"""Undoable edits (Edit → Undo / Redo). Each command only remembers the value before and
after and asks the controller to write it: the service does the validating, auditing and
indexing, so undo is an ordinary edit in the audit log, as a reviewer would expect."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand


class Editor(Protocol):
    """What a command needs of the case controller (which creates the commands, so it
    is described here rather than imported: docs/architecture.md, layers)."""

    def apply_update(self, uid: str, **fields: Any) -> None: ...

    def apply_tags(self, uid: str, tags: tuple[str, ...]) -> None: ...


FIELD_LABELS = {
    "title": "title",
    "kind": "kind",
    "date": "date",
    "source": "source",
    "author": "author",
    "url": "address",
    "reliability_source": "source reliability",
    "reliability_info": "information credibility",
    "notes": "notes",
}


class EditFieldCommand(QUndoCommand):
    def __init__(
        self, controller: Editor, uid: str, field: str, old: Any, new: Any, doc_title: str
    ) -> None:
        super().__init__(f"Edit {FIELD_LABELS.get(field, field)} of “{_short(doc_title)}”")
        self.controller = controller
        self.uid = uid
        self.field = field
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.controller.apply_update(self.uid, **{self.field: self.new})

    def undo(self) -> None:
        self.controller.apply_update(self.uid, **{self.field: self.old})


class SetTagsCommand(QUndoCommand):
    def __init__(
        self, controller: Editor, uid: str, old: tuple[str, ...], new: tuple[str, ...]
    ) -> None:
        added = sorted(set(new) - set(old))
        removed = sorted(set(old) - set(new))
        if added and not removed:
            text = f"Add tag {', '.join(added)}"
        elif removed and not added:
            text = f"Remove tag {', '.join(removed)}"
        else:
            text = "Change tags"
        super().__init__(text)
        self.controller = controller
        self.uid = uid
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.controller.apply_tags(self.uid, self.new)

    def undo(self) -> None:
        self.controller.apply_tags(self.uid, self.old)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
