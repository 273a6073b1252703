"""The inverses the GUI's undo stack needs for entity edits (issue 12): a merge undone,
a tag taken back, a rejection withdrawn. Each is one transaction, audited like any
other edit, followed by the matching and indexing it causes (as in
`services/entities.py`), so an undo is an ordinary change in the audit log."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from casefile.core.case import Case
from casefile.core.entities import store, undo
from casefile.core.services.entities import (
    DeletedEntity,
    EntityInfo,
    _write,
    get_entity,
    merge_entities,
)


@dataclass(frozen=True)
class MergedEntities:
    """What `unmerge_entities` needs: both entities as they were before the merge."""

    keep_uid: str
    keep_before: str  # JSON snapshot (aliases, manual and rejected mentions, relations)
    other: DeletedEntity


def snapshot_entity(case: Case, ref: str) -> DeletedEntity:
    """Everything a person made about an entity, as `restore_entity` takes it back."""
    with case.read_session() as s:
        e = store.find(s, ref)
        return DeletedEntity(e.uid, e.name, json.dumps(undo.capture(s, e), ensure_ascii=False))


def merge_entities_undoably(case: Case, keep: str, other: str) -> MergedEntities:
    """`merge_entities`, remembering what `unmerge_entities` needs to take it back."""
    before = snapshot_entity(case, keep)
    gone = snapshot_entity(case, other)
    merge_entities(case, keep, other)
    return MergedEntities(before.uid, before.snapshot, gone)


def unmerge_entities(case: Case, merged: MergedEntities) -> EntityInfo:
    """Undo a merge: the other entity is back with its aliases, manual and rejected
    mentions and relations; automatic mentions of both are found again."""
    keep, other = json.loads(merged.keep_before), json.loads(merged.other.snapshot)

    def do(s: Session) -> None:
        store.queue(s, undo.unmerge(s, keep, other))

    _write(case, do)
    return get_entity(case, merged.other.uid)


def remove_mention(case: Case, mention_id: int) -> None:
    """Take back a manual mention (undo of a tag); the document is matched again."""
    _write(case, lambda s: store.queue(s, [undo.remove_mention(s, mention_id)]))


def unreject_mention(case: Case, mention_id: int) -> None:
    """Undo a rejection: the mention counts again."""
    _write(case, lambda s: undo.unreject_mention(s, mention_id))
