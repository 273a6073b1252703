"""An e-mail and its attachments enter a case together (docs/architecture.md, "Ingest").

A message's rows are held back in a `MessageGroup` until every attachment (and theirs,
for attached messages) is extracted, then handed to the import's batch at once; once
written, each attachment row points at its message (`link_attachments`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from casefile.core.db.schema import Document
from casefile.core.ingest.intake import Item, Run
from casefile.core.ingest.types import Extraction


def link_attachments(s: Session, items: list[Item], ids: dict[str, int]) -> None:
    """Point each attachment at its message (written in the same batch, or before)."""
    wanted = {i.parent_uid for i in items if i.parent_uid and i.parent_uid not in ids}
    if wanted:
        ids = {
            **ids,
            **dict(
                s.execute(select(Document.uid, Document.id).where(Document.uid.in_(wanted))).all()
            ),
        }
    links = [
        {"child": i.uid, "parent": ids[i.parent_uid]}
        for i in items
        if i.parent_uid and i.parent_uid in ids
    ]
    if links:
        table = cast(Table, Document.__table__)
        s.execute(
            update(table)
            .where(table.c.uid == bindparam("child"))
            .values(parent_id=bindparam("parent")),
            links,
        )


@dataclass
class MessageGroup:
    """A message whose attachments are still being read. Its rows are held back until
    every attachment (and theirs, for attached messages) is extracted, then handed to
    the batch all at once: a crash or a cancel never leaves a message in the case
    without its attachments, which a re-import would then skip as "already there"."""

    rows: list[tuple[Item, Extraction]]
    pending: int = 0
    parent: MessageGroup | None = None


def close_group(run: Run, group: MessageGroup) -> None:
    if group.parent is None:
        run.rows.extend(group.rows)
        return
    group.parent.rows.extend(group.rows)
    group.parent.pending -= 1
    if group.parent.pending == 0:
        close_group(run, group.parent)
