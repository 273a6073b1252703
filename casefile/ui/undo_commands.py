"""Undoable edits (Edit → Undo / Redo). Each command only remembers the value before and
after and asks the controller to write it: the service does the validating, auditing and
indexing, so undo is an ordinary edit in the audit log, as a reviewer would expect."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoCommand

from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from casefile.core.case import Case
    from casefile.core.services import Changes, SavedSearchInfo


class Editor(Protocol):
    """What a command needs of the case controller (which creates the commands, so it
    is described here rather than imported: docs/architecture.md, layers)."""

    removed: set[str]  # documents deleted since: their edits cannot be undone

    @property
    def message(self) -> SignalInstance: ...

    def apply_update(self, uid: str, **fields: Any) -> None: ...

    def apply_tags(self, uid: str, tags: Sequence[str]) -> None: ...

    def apply_write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None: ...


# What a field is called in an undo text ("Edit date of …"), translated where shown.
FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("UndoCommands", "title"),
    "kind": QT_TRANSLATE_NOOP("UndoCommands", "kind"),
    "date": QT_TRANSLATE_NOOP("UndoCommands", "date"),
    "source": QT_TRANSLATE_NOOP("UndoCommands", "source"),
    "author": QT_TRANSLATE_NOOP("UndoCommands", "author"),
    "url": QT_TRANSLATE_NOOP("UndoCommands", "address"),
    "reliability_source": QT_TRANSLATE_NOOP("UndoCommands", "source reliability"),
    "reliability_info": QT_TRANSLATE_NOOP("UndoCommands", "information credibility"),
    "notes": QT_TRANSLATE_NOOP("UndoCommands", "notes"),
}


def field_label(field: str) -> str:
    """A field's name in an undo text, in the interface language."""
    label = FIELD_LABELS.get(field)
    return translate("UndoCommands", label) if label else field


class EditFieldCommand(QUndoCommand):
    def __init__(
        self, controller: Editor, uid: str, field: str, old: Any, new: Any, doc_title: str
    ) -> None:
        super().__init__(
            translate("UndoCommands", "Edit {field} of “{title}”").format(
                field=field_label(field), title=_short(doc_title)
            )
        )
        self.controller = controller
        self.uid = uid
        self.field = field
        self.old = old
        self.new = new

    def redo(self) -> None:
        if not _gone(self, self.uid):
            self.controller.apply_update(self.uid, **{self.field: self.new})

    def undo(self) -> None:
        if not _gone(self, self.uid):
            self.controller.apply_update(self.uid, **{self.field: self.old})


class SetTagsCommand(QUndoCommand):
    def __init__(
        self, controller: Editor, uid: str, old: tuple[str, ...], new: tuple[str, ...]
    ) -> None:
        added = sorted(set(new) - set(old))
        removed = sorted(set(old) - set(new))
        if added and not removed:
            text = translate("UndoCommands", "Add tag {tags}").format(tags=", ".join(added))
        elif removed and not added:
            text = translate("UndoCommands", "Remove tag {tags}").format(tags=", ".join(removed))
        else:
            text = translate("UndoCommands", "Change tags")
        super().__init__(text)
        self.controller = controller
        self.uid = uid
        self.old = old
        self.new = new

    def redo(self) -> None:
        if not _gone(self, self.uid):
            self.controller.apply_tags(self.uid, self.new)

    def undo(self) -> None:
        if not _gone(self, self.uid):
            self.controller.apply_tags(self.uid, self.old)


def _gone(command: EditFieldCommand | SetTagsCommand, uid: str) -> bool:
    """An edit of a document deleted since: it leaves the stack (Qt drops a command
    that is obsolete after undo or redo), and the user is told why nothing happened."""
    if uid not in command.controller.removed:
        return False
    command.setObsolete(True)
    command.controller.message.emit(
        translate(
            "UndoCommands",
            "“{edit}” was an edit of a document deleted since; there is nothing to undo.",
        ).format(edit=command.text())
    )
    return True


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class RenameSavedSearchCommand(QUndoCommand):
    def __init__(self, controller: Editor, name: str, new_name: str) -> None:
        super().__init__(
            translate("UndoCommands", "Rename saved search “{name}”").format(name=_short(name))
        )
        self.controller = controller
        self.name = name
        self.new_name = new_name

    def redo(self) -> None:
        from casefile.core import services

        self.controller.apply_write(services.rename_saved_search, self.name, self.new_name)

    def undo(self) -> None:
        from casefile.core import services

        self.controller.apply_write(services.rename_saved_search, self.new_name, self.name)


class DeleteSavedSearchCommand(QUndoCommand):
    """Undo saves the same search again under its name (query, sort and mode kept)."""

    def __init__(self, controller: Editor, saved: SavedSearchInfo) -> None:
        super().__init__(
            translate("UndoCommands", "Delete saved search “{name}”").format(
                name=_short(saved.name)
            )
        )
        self.controller = controller
        self.saved = saved

    def redo(self) -> None:
        from casefile.core import services

        self.controller.apply_write(services.delete_saved_search, self.saved.name)

    def undo(self) -> None:
        self.controller.apply_write(_save_again, self.saved)


class ConfirmSuggestionsCommand(QUndoCommand):
    """Confirm what Casefile suggested for a document; undo shows the same fields as
    suggestions again (values untouched)."""

    def __init__(self, controller: Editor, uid: str, fields: Sequence[str], doc_title: str) -> None:
        names = ", ".join(field_label(f) for f in fields)
        super().__init__(
            translate("UndoCommands", "Confirm {fields} of “{title}”").format(
                fields=names, title=_short(doc_title)
            )
        )
        self.controller = controller
        self.uid = uid
        self.fields = tuple(fields)

    def redo(self) -> None:
        self.controller.apply_write(_suggestions, self.uid, self.fields, True)

    def undo(self) -> None:
        self.controller.apply_write(_suggestions, self.uid, self.fields, False)


def _suggestions(case: Case, uid: str, fields: tuple[str, ...], confirm: bool) -> Changes:
    from casefile.core import services

    write = services.confirm_suggestions if confirm else services.suggest_again
    return services.Changes.edit(write(case, uid, fields))


def _save_again(case: Case, saved: SavedSearchInfo) -> Changes:
    from casefile.core import services

    services.save_search(
        case,
        saved.name,
        saved.query,
        sort=saved.sort,
        exact=saved.exact,
        translit=saved.translit,
        replace=True,
    )
    return services.Changes(saved_searches=True)
