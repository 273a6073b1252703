"""The case's records about itself rather than about its documents: the sealed audit
log of every user action, the persistent work queue (what a crash left to do), and
key/value facts such as the case's title.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from casefile.core.db.schema.base import Base, utcnow


class AuditEntry(Base):
    """Append-only record of every user action: who, when, what, before/after (JSON),
    sealed into a hash chain."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(200))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    # The hash chain (migration 0003, see `audit.py`): this entry's seal and the one
    # before it.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class WorkItem(Base):
    """Work recorded in the same transaction as the change that needs it (index
    updates, later mention matching), so a crash before it is done is resumed on open."""

    __tablename__ = "work_queue"
    __table_args__ = (Index("ix_work_queue_kind", "kind", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # "index"
    document_uid: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CaseInfo(Base):
    """Key/value facts about the case itself: its title, creation time, creator."""

    __tablename__ = "case_info"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
