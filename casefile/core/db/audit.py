"""The append-only audit log: every user action, who did it, when, and what changed.

Entries are added inside the same transaction as the change they describe, so the log
can never disagree with the case.

The log is a hash chain (docs/architecture.md, the audit log): each entry's `hash` is
the SHA-256 of its own content (id, time, actor, action, target, before, after: an
import's `after` holds the SHA-256 of the original) together with the previous entry's
hash. Rewriting, deleting or back-dating any entry breaks every link after it, which
`check_chain` finds. Whoever can write the file can also recompute the whole chain, so
the head (`head()`) is meant to be lodged elsewhere (a note, an e-mail): a later chain
that no longer contains that head was rewritten.
"""

from __future__ import annotations

import functools
import getpass
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from casefile.core.db.schema import AuditEntry, utcnow

# Part of every hash: a different way of hashing must come with a new tag.
CHAIN_FORMAT = "casefile-audit-1"


@functools.cache
def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some sandboxes; the log still needs an entry
        return "unknown"


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def entry_hash(
    entry_id: int,
    prev_hash: str | None,
    at: datetime,
    actor: str,
    action: str,
    target: str | None,
    before: str | None,
    after: str | None,
) -> str:
    """The seal of one entry (hex SHA-256). Never change this for existing cases."""
    content = [
        CHAIN_FORMAT,
        entry_id,
        prev_hash or "",
        at.isoformat(sep=" ", timespec="microseconds"),
        actor,
        action,
        target,
        before,
        after,
    ]
    canonical = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _last(session: Session) -> tuple[int, str | None]:
    """Id and hash of the newest entry in this transaction's view (0, None if none).
    One writer at a time holds the case (the lock), and a second entry with the same id
    would fail the primary key, so the chain cannot fork silently."""
    row = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, None)


def _rows(
    session: Session, action: str, entries: Iterable[tuple[str | None, str | None, str | None]]
) -> list[dict[str, Any]]:
    last_id, prev = _last(session)
    actor = _actor()
    rows = []
    for target, before, after in entries:
        last_id += 1
        at = utcnow()
        h = entry_hash(last_id, prev, at, actor, action, target, before, after)
        rows.append(
            {
                "id": last_id,
                "at": at,
                "actor": actor,
                "action": action,
                "target": target,
                "before": before,
                "after": after,
                "prev_hash": prev,
                "hash": h,
            }
        )
        prev = h
    return rows


def record(
    session: Session,
    action: str,
    target: str | None = None,
    before: Any = None,
    after: Any = None,
) -> None:
    rows = _rows(session, action, [(target, _json(before), _json(after))])
    session.execute(insert(AuditEntry), rows)


def record_many(session: Session, action: str, entries: list[tuple[str | None, Any]]) -> None:
    """One action on many targets (an import batch), as one executemany insert."""
    if not entries:
        return
    rows = _rows(session, action, [(target, None, _json(after)) for target, after in entries])
    session.execute(insert(AuditEntry), rows)


# -- checking the chain ---------------------------------------------------------------
@dataclass(frozen=True)
class Head:
    """What a user lodges elsewhere to prove later that the log was not rewritten."""

    hash: str
    count: int
    entry_id: int
    at: datetime


@dataclass(frozen=True)
class ChainBreak:
    entry_id: int
    at: datetime | None
    action: str | None
    reason: str


def _iter_entries(session: Session) -> Iterator[AuditEntry]:
    stmt = select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=2000)
    yield from session.scalars(stmt)


def head(session: Session) -> Head | None:
    row = session.execute(
        select(AuditEntry.id, AuditEntry.hash, AuditEntry.at)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if row is None or row[1] is None:
        return None
    from sqlalchemy import func

    count = session.scalar(select(func.count(AuditEntry.id))) or 0
    return Head(row[1], count, row[0], row[2])


def check_chain(session: Session) -> tuple[int, ChainBreak | None, set[str]]:
    """Walk the chain: (entries checked, the first break or None, every hash seen)."""
    prev: str | None = None
    seen: set[str] = set()
    checked = 0
    for e in _iter_entries(session):
        expected = entry_hash(e.id, prev, e.at, e.actor, e.action, e.target, e.before, e.after)
        if (e.prev_hash or None) != prev:
            return checked, ChainBreak(e.id, e.at, e.action, "removed"), seen
        if e.hash != expected:
            return checked, ChainBreak(e.id, e.at, e.action, "altered"), seen
        seen.add(e.hash)
        prev = e.hash
        checked += 1
    return checked, None, seen


def imported_hashes(session: Session) -> dict[str, set[str]]:
    """Document uid -> every original SHA-256 the log says was imported (or restored)
    for it."""
    out: dict[str, set[str]] = {}
    stmt = select(AuditEntry.target, AuditEntry.after).where(
        AuditEntry.action.in_(("import_document", "restore_original"))
    )
    for target, after in session.execute(stmt):
        try:
            sha = json.loads(after or "{}").get("sha256")
        except (ValueError, AttributeError):
            sha = None
        if target and sha:
            out.setdefault(target, set()).add(sha)
    return out
