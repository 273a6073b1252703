"""The persistent work queue: work a change still owes (index updates today, mention
matching later), recorded in the change's own transaction so a crash cannot lose it."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from casefile.core.db.schema import WorkItem, utcnow

INDEX = "index"
MATCH = "entities"  # documents whose entity mentions must be found again (core/entities)
OCR = "ocr"  # documents with pages to recognise (core/ocr, services/ocr.py)


def enqueue(session: Session, uids: Iterable[str], kind: str = INDEX) -> None:
    rows = [{"kind": kind, "document_uid": uid, "created_at": utcnow()} for uid in uids]
    if rows:
        session.execute(insert(WorkItem), rows)


def pending(
    session: Session,
    kind: str = INDEX,
    limit: int | None = None,
    uids: Collection[str] | None = None,
) -> list[WorkItem]:
    """Unfinished items, oldest first (only those of `uids` when given)."""
    stmt = select(WorkItem).where(WorkItem.kind == kind).order_by(WorkItem.id)
    if uids is not None:
        stmt = stmt.where(WorkItem.document_uid.in_(list(uids)))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def count(session: Session, kind: str = INDEX, uids: Collection[str] | None = None) -> int:
    """How many items are unfinished (one aggregate row, no objects loaded)."""
    stmt = select(func.count(WorkItem.id)).where(WorkItem.kind == kind)
    if uids is not None:
        stmt = stmt.where(WorkItem.document_uid.in_(list(uids)))
    return session.scalar(stmt) or 0


def done(session: Session, ids: Iterable[int]) -> None:
    ids = list(ids)
    if ids:
        # No objects of the session are kept in step: callers drop the items they read.
        session.execute(
            delete(WorkItem).where(WorkItem.id.in_(ids)),
            execution_options={"synchronize_session": False},
        )
