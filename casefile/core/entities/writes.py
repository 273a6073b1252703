"""The statements one matching batch runs in its transaction (docs/architecture.md,
"Entities"): what to leave alone, the old automatic mentions out, the new ones in, the
index queued for documents whose entities changed, the queue items retired.

Plain SQL through the session's own connection (same transaction): SQLAlchemy's
per-statement work (coercing 200 ids of an `IN`, compiling, evaluating rows) took about
a tenth of a drain. Ids are bound as `?` marks, at most a batch's few hundred (or 500)
a statement: far below SQLite's limit on parameters (999 in old builds).

A mention found again is left as it stands (same row, same id): re-matching after an
alias change rewrites only what changed, and the indexes are not touched for the rest.

A batch's transaction writes derived data (`derived`), so it runs without SQLite's
foreign-key checks: each new mention cost three parent look-ups (entity, document,
alias), ~40% of its insert, and the ids come from the same database in the same
writer's hands (the automaton is built from the aliases as they stand, nothing else
writes during a drain, and the documents are read in the batch's own transaction). Its
commit is not synced to disk either (`synchronous=NORMAL`; a shared drain commits ~20
times): a kill -9 loses nothing (the log is in the system's cache), and a power cut may
lose the last batches whole, which are then still queued: the queue items go in the
same transaction as the mentions (docs/architecture.md, "Durability").
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from casefile.core.case import SYNCHRONOUS
from casefile.core.db import work_queue
from casefile.core.db.schema import utcnow
from casefile.core.entities.match_worker import KEEP, Row, Span, kept_spans

INSERT = (
    'INSERT INTO mention (entity_id, document_id, page, start, "end", alias_id, manual, rejected)'
    " VALUES (?, ?, ?, ?, ?, ?, 0, 0)"
)


_DERIVED = "entities.derived"


def derived(s: Session) -> None:
    """Foreign-key checks off and no sync at commit for the rest of this transaction;
    call it before the transaction's first write (the PRAGMAs are ignored inside a
    transaction, and then the checks and the sync simply stay). The connection gets
    both back when it returns to the pool, after the commit or rollback."""
    conn = s.connection()
    raw = conn.connection.dbapi_connection
    if raw is None or raw.in_transaction:
        return
    engine = conn.engine
    if not event.contains(engine, "checkin", _checks_back):
        event.listen(engine, "checkin", _checks_back)
    conn.connection.info[_DERIVED] = True
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute("PRAGMA synchronous=NORMAL")


def _checks_back(dbapi_connection: Any, record: Any) -> None:
    if record.info.pop(_DERIVED, False) and dbapi_connection is not None:
        dbapi_connection.execute("PRAGMA foreign_keys=ON")
        dbapi_connection.execute(f"PRAGMA synchronous={SYNCHRONOUS}")


def marks(n: int) -> str:
    return ",".join("?" * n)


def run(s: Session, sql: str, params: Sequence[Any] = ()) -> Any:
    return s.connection().exec_driver_sql(sql, tuple(params))


def documents(s: Session, uids: Iterable[str]) -> dict[int, str]:
    """Document id -> uid for `uids` (each once; documents gone since are left out). A
    whole queue may be asked at once: 500 marks a statement."""
    uids = sorted(set(uids))
    out: dict[int, str] = {}
    for i in range(0, len(uids), 500):
        chunk = uids[i : i + 500]
        sql = f"SELECT id, uid FROM document WHERE uid IN ({marks(len(chunk))})"
        out.update(run(s, sql, chunk).all())
    return out


def existing(s: Session, ids: Sequence[int]) -> tuple[dict[int, set[Span]], dict[int, set[int]]]:
    """Per document: the spans matching must leave alone (manual or rejected), and the
    entities its manual mentions name."""
    return kept_spans(run(s, KEEP.format(marks=marks(len(ids))), ids), ids)


class Standing:
    """The documents' mentions as they stand before a batch is written: each automatic
    row with its id (`rows`), a second copy of a row (which no drain writes) to delete
    (`extra`), and per document the entities named (automatic and manual, not
    rejected: what `finish` compares the new set with)."""

    __slots__ = ("before", "extra", "rows")

    def __init__(self, s: Session, ids: Sequence[int]) -> None:
        self.before: dict[int, set[int]] = {d: set() for d in ids}
        self.rows: dict[Row, int] = {}
        self.extra: list[int] = []
        cursor = s.connection().connection.cursor()
        cursor.execute(
            'SELECT id, entity_id, document_id, page, start, "end", alias_id, manual'
            f" FROM mention WHERE document_id IN ({marks(len(ids))}) AND rejected = 0",
            list(ids),
        )
        before, rows, extra = self.before, self.rows, self.extra
        for i, e, d, p, st, en, a, manual in cursor.fetchall():
            before[d].add(e)
            if not manual:
                row = (e, d, p, st, en, a)
                if row in rows:
                    extra.append(i)
                else:
                    rows[row] = i
        cursor.close()

    def write(self, s: Session, rows: list[Row]) -> None:
        """Write `rows`, found for these documents: a row that stands already stays as
        it is (its id too), the others are inserted. Call `retire` after the last."""
        standing = self.rows
        if standing:
            rows = [r for r in rows if standing.pop(r, None) is None]
        insert(s, rows)

    def retire(self, s: Session) -> None:
        """Delete the automatic mentions not found again."""
        gone = [*self.rows.values(), *self.extra]
        for i in range(0, len(gone), 500):
            chunk = gone[i : i + 500]
            run(s, f"DELETE FROM mention WHERE id IN ({marks(len(chunk))})", chunk)


def insert(s: Session, rows: list[Row]) -> None:
    """Insert mention rows: up to 500 a statement (one multi-row VALUES, as many as the
    SQLite build's limit on parameters allows), the rest by the driver's executemany.
    Measured on a drain's 31,000 rows: ~35% less CPU than executemany alone (~2-4 µs a
    row), which is itself ~10× less than the ORM."""
    if not rows:
        return
    cursor = s.connection().connection.cursor()
    per = _rows_per_statement(cursor.connection)
    done = len(rows) // per * per if per > 1 else 0
    if done:
        sql = _insert_many(per)
        for i in range(0, done, per):
            cursor.execute(sql, list(chain.from_iterable(rows[i : i + per])))
    if done < len(rows):
        cursor.executemany(INSERT, rows[done:])


_COLUMNS = 6  # the parameters of one row of INSERT


def _rows_per_statement(raw: Any) -> int:
    """500 rows, or fewer where the build allows fewer parameters (999 in old builds)."""
    try:
        limit = int(raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, sqlite3.Error):
        limit = 999
    return max(1, min(500, limit // _COLUMNS))


@functools.cache
def _insert_many(n: int) -> str:
    return INSERT + "".join([", (?, ?, ?, ?, ?, ?, 0, 0)"] * (n - 1))


def finish(
    s: Session,
    item_ids: Sequence[int],
    docs: Iterable[int],
    before: dict[int, set[int]],
    after: dict[int, set[int]],
) -> None:
    """Queue the index for documents whose entities changed (a new revision, as
    `store.reindex` does) and retire the items."""
    changed = [d for d in docs if before[d] != after[d]]
    if changed:
        m = marks(len(changed))
        run(s, f"UPDATE document SET revision = revision + 1 WHERE id IN ({m})", changed)
        # created_at as SQLAlchemy's DateTime writes it on SQLite (read back by it).
        now = utcnow().isoformat(sep=" ", timespec="microseconds")
        sql = (
            "INSERT INTO work_queue (kind, document_uid, created_at)"
            f" SELECT ?, uid, ? FROM document WHERE id IN ({m}) ORDER BY id"
        )
        run(s, sql, [work_queue.INDEX, now, *changed])
    for i in range(0, len(item_ids), 500):
        chunk = item_ids[i : i + 500]
        run(s, f"DELETE FROM work_queue WHERE id IN ({marks(len(chunk))})", chunk)
