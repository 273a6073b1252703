"""One undoable edit of many documents (kind, source, reliability, tags on every
selected row). The writer applies it in one transaction and reports what each
document had before; undo puts exactly that back, document by document. See
docs/architecture.md (undo)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from casefile.core import services
from casefile.core.services import Changes
from casefile.ui.i18n import plural
from casefile.ui.messages import user_message
from casefile.ui.undo_commands import field_label

if TYPE_CHECKING:
    from casefile.ui.controller import CaseController


class BulkEditCommand(QUndoCommand):
    def __init__(
        self,
        controller: CaseController,
        uids: Sequence[str],
        changes: Mapping[str, Any] | None = None,
        add_tags: Sequence[str] = (),
        remove_tags: Sequence[str] = (),
    ) -> None:
        n = len(uids)
        if changes:
            what = ", ".join(field_label(f) for f in changes)
            text = plural("Edit {fields} of %n document(s)", "", n).format(fields=what)
        elif add_tags and not remove_tags:
            text = plural("Add tag {tags} to %n document(s)", "", n).format(
                tags=", ".join(add_tags)
            )
        elif remove_tags and not add_tags:
            text = plural("Remove tag {tags} from %n document(s)", "", n).format(
                tags=", ".join(remove_tags)
            )
        else:
            text = plural("Change tags of %n document(s)", "", n)
        super().__init__(text)
        self.controller = controller
        self.uids = list(uids)
        self.changes = dict(changes or {})
        self.add_tags = list(add_tags)
        self.remove_tags = list(remove_tags)
        # Written on the writer thread by redo's work, read there by undo's work: the
        # writer runs them in order, so undo always sees the values redo replaced.
        self.before: Mapping[str, Mapping[str, Any]] = {}

    def redo(self) -> None:
        def work() -> services.BulkEdit:
            result = services.edit_documents(
                self.controller.case,
                self.uids,
                self.changes,
                add_tags=self.add_tags,
                remove_tags=self.remove_tags,
            )
            self.before = result.before
            return result

        self._run(work)

    def undo(self) -> None:
        self._run(lambda: services.restore_documents(self.controller.case, self.before))

    def _run(self, work: Any) -> None:
        controller = self.controller

        def done(result: services.BulkEdit) -> None:
            tags = bool(self.add_tags or self.remove_tags)
            controller.changed.emit(Changes(edited=result.details, tags=tags))

        def failed(exc: BaseException) -> None:
            controller.failed.emit(user_message(exc))
            for uid in self.uids:  # show the stored truth again, whatever was typed
                controller.read(
                    services.get_document,
                    uid,
                    on_done=lambda d: controller.changed.emit(Changes.edit(d)),
                )

        controller.runner.edit(work, on_done=done, on_error=failed)
