"""Undoable entity edits (Edit → Undo / Redo), on the case's one undo stack.

Each command runs its service calls on the writer thread (`Runner.edit`), in the order
pushed, so what one step learns there (the id a creation gave, the snapshot a deletion
keeps) is in place before its undo runs. Every write announces `Changes(entities=True)`
on the controller's one `changed` signal (docs/architecture.md, "How a change reaches
the views"). A step whose write failed says so once and then does nothing on undo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from casefile.core import services
from casefile.core.case import Case
from casefile.core.services import Changes
from casefile.ui.controller import CaseController
from casefile.ui.i18n import translate
from casefile.ui.messages import user_message
from casefile.ui.viewer_selection import TextSelection

Done = Callable[[Any], None] | None


def short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class EntityCommand(QUndoCommand):
    """Base: `forward(case)` and `backward(case)` run on the writer thread. `text` is
    what Edit → Undo / Redo name (after "Undo ", so Russian words it as the object of
    "Отменить": "создание сущности «…»")."""

    def __init__(self, controller: CaseController, text: str, on_done: Done = None) -> None:
        super().__init__(text)
        self.controller = controller
        self.on_done = on_done
        self.broken = False  # a write failed: later steps of this command do nothing
        self.on_undone: Callable[[], None] | None = None  # after an undo has landed

    def redo(self) -> None:
        self._submit(self.forward, None)

    def undo(self) -> None:
        self._submit(self.backward, self.on_undone)

    def forward(self, case: Case) -> Any:
        raise NotImplementedError

    def backward(self, case: Case) -> Any:
        raise NotImplementedError

    def _submit(self, fn: Callable[[Case], Any], after: Callable[[], None] | None) -> None:
        controller = self.controller

        def work(case: Case) -> Any:
            if self.broken:
                return None
            try:
                return fn(case)
            except BaseException:
                self.broken = True
                raise

        def done(result: Any) -> None:
            controller.changed.emit(Changes(entities=True))
            if after is not None:
                after()
            elif self.on_done is not None and result is not None:
                self.on_done(result)

        def failed(exc: BaseException) -> None:
            controller.failed.emit(user_message(exc))
            controller.changed.emit(Changes(entities=True))  # show the stored truth

        controller.runner.edit(work, controller.case, on_done=done, on_error=failed)


def _alias_texts(case: Case, uid: str) -> set[str]:
    return {a.text for a in services.get_entity(case, uid).aliases}


class CreateEntity(EntityCommand):
    def __init__(
        self,
        controller: CaseController,
        name: str,
        kind: str,
        aliases: Sequence[str] = (),
        on_done: Done = None,
    ) -> None:
        text = translate("EntityCommand", "Create entity “{name}”").format(name=short(name))
        super().__init__(controller, text, on_done)
        self.name, self.kind, self.aliases = name, kind, tuple(aliases)
        self.uid: str | None = None
        self.deleted: services.DeletedEntity | None = None

    def forward(self, case: Case) -> Any:
        if self.deleted is not None:
            return services.restore_entity(case, self.deleted)
        info = services.create_entity(case, self.name, self.kind, aliases=self.aliases)
        self.uid = info.uid
        return info

    def backward(self, case: Case) -> Any:
        assert self.uid is not None
        self.deleted = services.delete_entity(case, self.uid)


class EditEntity(EntityCommand):
    """Rename, kind, notes, grade. Undoing a rename also drops the alias it added."""

    def __init__(
        self,
        controller: CaseController,
        uid: str,
        label: str,
        old: dict[str, Any],
        new: dict[str, Any],
    ) -> None:
        if "name" in new:
            text = translate("EntityCommand", "Rename entity “{name}”")
        else:
            text = translate("EntityCommand", "Edit entity “{name}”")
        super().__init__(controller, text.format(name=short(label)))
        self.uid, self.old, self.new = uid, old, new
        self.added: set[str] = set()

    def forward(self, case: Case) -> Any:
        before = _alias_texts(case, self.uid)
        info = services.edit_entity(case, self.uid, **self.new)
        self.added = {a.text for a in info.aliases} - before
        return info

    def backward(self, case: Case) -> Any:
        info = services.edit_entity(case, self.uid, **self.old)
        for text in self.added:
            info = services.remove_alias(case, self.uid, text)
        return info


class AddAlias(EntityCommand):
    def __init__(
        self,
        controller: CaseController,
        uid: str,
        texts: Sequence[str],
        *,
        weak: bool = False,
        former: bool = False,
    ) -> None:
        text = translate("EntityCommand", "Add alias “{alias}”")
        super().__init__(controller, text.format(alias=short(", ".join(texts))))
        self.uid, self.texts, self.weak, self.former = uid, tuple(texts), weak, former
        self.added: set[str] = set()

    def forward(self, case: Case) -> Any:
        before = _alias_texts(case, self.uid)
        info = services.add_alias(case, self.uid, self.texts, weak=self.weak, former=self.former)
        self.added = {a.text for a in info.aliases} - before
        return info

    def backward(self, case: Case) -> Any:
        for text in self.added:
            services.remove_alias(case, self.uid, text)


class RemoveAlias(EntityCommand):
    def __init__(self, controller: CaseController, uid: str, alias: services.AliasInfo) -> None:
        text = translate("EntityCommand", "Remove alias “{alias}”")
        super().__init__(controller, text.format(alias=short(alias.text)))
        self.uid, self.alias = uid, alias

    def forward(self, case: Case) -> Any:
        return services.remove_alias(case, self.uid, self.alias.text)

    def backward(self, case: Case) -> Any:
        a = self.alias
        return services.add_alias(case, self.uid, [a.text], weak=a.weak, former=a.former)


class DeleteEntity(EntityCommand):
    """Undo brings it back with its aliases, manual and rejected mentions, relations."""

    def __init__(self, controller: CaseController, uid: str, name: str) -> None:
        text = translate("EntityCommand", "Delete entity “{name}”")
        super().__init__(controller, text.format(name=short(name)))
        self.uid = uid
        self.deleted: services.DeletedEntity | None = None

    def forward(self, case: Case) -> Any:
        self.deleted = services.delete_entity(case, self.uid)

    def backward(self, case: Case) -> Any:
        assert self.deleted is not None
        return services.restore_entity(case, self.deleted)


class MergeEntities(EntityCommand):
    def __init__(
        self, controller: CaseController, keep: str, other: str, other_name: str, keep_name: str
    ) -> None:
        text = translate("EntityCommand", "Merge “{other}” into “{keep}”")
        super().__init__(controller, text.format(other=short(other_name), keep=short(keep_name)))
        self.keep, self.other = keep, other
        self.merged: services.MergedEntities | None = None

    def forward(self, case: Case) -> Any:
        self.merged = services.merge_entities_undoably(case, self.keep, self.other)
        return services.get_entity(case, self.keep)

    def backward(self, case: Case) -> Any:
        assert self.merged is not None
        return services.unmerge_entities(case, self.merged)


class SplitAlias(EntityCommand):
    """Undo merges the new entity back and gives the old one its name again."""

    def __init__(
        self, controller: CaseController, uid: str, alias: str, on_done: Done = None
    ) -> None:
        text = translate("EntityCommand", "Split “{alias}” off").format(alias=short(alias))
        super().__init__(controller, text, on_done)
        self.uid, self.alias = uid, alias
        self.new_uid: str | None = None
        self.name = ""

    def forward(self, case: Case) -> Any:
        self.name = services.get_entity(case, self.uid).name
        info = services.split_alias(case, self.uid, self.alias)
        self.new_uid = info.uid
        return info

    def backward(self, case: Case) -> Any:
        assert self.new_uid is not None
        info = services.merge_entities(case, self.uid, self.new_uid)
        if info.name != self.name:
            info = services.edit_entity(case, self.uid, name=self.name)
        return info


class TagSelection(EntityCommand):
    """A selection becomes a manual mention of an existing entity or of a new one (and,
    if asked, its words an alias)."""

    def __init__(
        self,
        controller: CaseController,
        selection: TextSelection,
        *,
        entity_uid: str | None = None,
        new: tuple[str, str] | None = None,  # (name, kind) of a new entity
        as_alias: bool = False,
        name: str = "",  # the existing entity's name, for Edit → Undo's words
        on_done: Done = None,
    ) -> None:
        target = new[0] if new else name or translate("EntityCommand", "an entity")
        text = translate("EntityCommand", "Tag “{quote}” as {target}")
        super().__init__(
            controller, text.format(quote=short(selection.quote), target=short(target)), on_done
        )
        self.selection, self.entity_uid, self.new, self.as_alias = (
            selection,
            entity_uid,
            new,
            as_alias,
        )
        self.mention_id: int | None = None
        self.added: set[str] = set()
        self.deleted: services.DeletedEntity | None = None

    def forward(self, case: Case) -> Any:
        if self.deleted is not None:  # redo of a tag that made the entity
            return services.restore_entity(case, self.deleted)
        if self.new is not None and self.entity_uid is None:
            self.entity_uid = services.create_entity(case, self.new[0], self.new[1]).uid
        assert self.entity_uid is not None
        before = _alias_texts(case, self.entity_uid)
        sel = self.selection
        m = services.add_mention(
            case,
            self.entity_uid,
            sel.document_uid,
            sel.page,
            sel.start,
            sel.end,
            as_alias=self.as_alias,
        )
        self.mention_id = m.id
        self.added = _alias_texts(case, self.entity_uid) - before
        return m

    def backward(self, case: Case) -> Any:
        assert self.entity_uid is not None and self.mention_id is not None
        if self.new is not None:
            self.deleted = services.delete_entity(case, self.entity_uid)
            return None
        services.remove_mention(case, self.mention_id)
        for text in self.added:
            services.remove_alias(case, self.entity_uid, text)
        return None


class RejectMention(EntityCommand):
    def __init__(self, controller: CaseController, mention_id: int, text: str, name: str) -> None:
        words = translate("EntityCommand", "Reject “{text}” as {name}")
        super().__init__(controller, words.format(text=short(text), name=short(name)))
        self.mention_id = mention_id

    def forward(self, case: Case) -> Any:
        services.reject_mention(case, self.mention_id)

    def backward(self, case: Case) -> Any:
        services.unreject_mention(case, self.mention_id)


class AcceptSuggestion(EntityCommand):
    """A suggestion becomes a new entity, or more aliases of an existing one."""

    def __init__(
        self,
        controller: CaseController,
        result: services.SuggestionSet,
        name: str,
        *,
        kind: str | None = None,
        into: str | None = None,
        on_done: Done = None,
    ) -> None:
        text = translate("EntityCommand", "Accept suggestion “{name}”").format(name=short(name))
        super().__init__(controller, text, on_done)
        self.result, self.name, self.kind, self.into = result, name, kind, into
        self.uid: str | None = None
        self.added: set[str] = set()
        self.deleted: services.DeletedEntity | None = None

    def forward(self, case: Case) -> Any:
        if self.deleted is not None:
            return services.restore_entity(case, self.deleted)
        if self.into is not None and self.added:  # a redo: the same aliases again
            return services.add_alias(case, self.into, sorted(self.added))
        before = _alias_texts(case, self.into) if self.into else set()
        info = services.accept_suggestion(
            case, self.result, self.name, kind=self.kind, into=self.into
        )
        self.uid = info.uid
        self.added = {a.text for a in info.aliases} - before
        return info

    def backward(self, case: Case) -> Any:
        assert self.uid is not None
        if self.into is None:
            self.deleted = services.delete_entity(case, self.uid)
            return None
        for text in self.added:
            services.remove_alias(case, self.into, text)
        return None


def push(controller: CaseController, command: QUndoCommand) -> None:
    """Push unless the case is open read-only (then say why nothing happens)."""
    if controller.readonly:
        controller.message.emit(
            translate("EntityCommand", "This case is open read-only; entities cannot be changed.")
        )
        return
    controller.undo_stack.push(command)
