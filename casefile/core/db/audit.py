"""The append-only audit log: every user action, who did it, when, and what changed.

Entries are added inside the same transaction as the change they describe, so the log
can never disagree with the case.
"""

from __future__ import annotations

import functools
import getpass
import json
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from casefile.core.db.schema import AuditEntry, utcnow


@functools.cache
def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some sandboxes; the log still needs an entry
        return "unknown"


def record(
    session: Session,
    action: str,
    target: str | None = None,
    before: Any = None,
    after: Any = None,
) -> None:
    session.add(
        AuditEntry(
            actor=_actor(),
            action=action,
            target=target,
            before=None if before is None else json.dumps(before, ensure_ascii=False, default=str),
            after=None if after is None else json.dumps(after, ensure_ascii=False, default=str),
        )
    )


def record_many(session: Session, action: str, entries: list[tuple[str | None, Any]]) -> None:
    """One action on many targets (an import batch), as one executemany insert."""
    if not entries:
        return
    actor = _actor()
    session.execute(
        insert(AuditEntry),
        [
            {
                "at": utcnow(),
                "actor": actor,
                "action": action,
                "target": target,
                "before": None,
                "after": json.dumps(after, ensure_ascii=False, default=str),
            }
            for target, after in entries
        ],
    )
