"""One batch of the entity matching queue: matched and written in one transaction
(docs/architecture.md, "Entities"), whether this process matched it (`match_batch`)
or the matcher process did (`write_found`); the case's automaton, rebuilt only when its
aliases changed (`matcher`); the queue as plain rows; a drain's progress. `matching.py`
drains the queue batch by batch, `shared_drain.py` shares it with the matcher process.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import EntityAlias
from casefile.core.entities import writes
from casefile.core.entities.match_worker import PAGES, Found, Result
from casefile.core.entities.matcher import AliasSpec, Matcher
from casefile.core.i18n import _
from casefile.core.jobs import JobContext

KEY = "entities.matcher"


@dataclass
class Cached:
    """The automaton kept with the case (`case.extensions`) while it is open."""

    signature: tuple[Any, ...]
    matcher: Matcher
    pickled: bytes | None = None  # for the matcher process (`_pickled`)

    def close(self) -> None:
        """Nothing to release: memory only."""


class Item(Protocol):
    """A queued match: a `WorkItem` or an (id, document_uid) row."""

    @property
    def id(self) -> int: ...

    @property
    def document_uid(self) -> str: ...


# Whether the aliases changed, in one aggregate row (~1 ms for 3,000 aliases): the count,
# sums of the ids, entities and weak flags, sums weighted by id (an alias moved between
# entities or made weak), and the texts in id order. The texts are needed: SQLite hands
# a freed top id to the next alias, so removing the newest alias and adding a corrected
# spelling to the same entity leaves every sum unchanged.
_SIGNATURE = (
    "SELECT count(*), max(id), total(id), total(entity_id), total(weak),"
    " total(id * entity_id), total(id * weak), group_concat(text, char(31))"
    " FROM (SELECT id, entity_id, weak, text FROM entity_alias WHERE former = 0 ORDER BY id)"
)


def matcher(case: Case, s: Session) -> Matcher:
    """The case's automaton, rebuilt only when its aliases changed (`_SIGNATURE`: one
    aggregate row, not the 3,000 aliases' objects, checked at every drain)."""
    signature = tuple(writes.run(s, _SIGNATURE).one())
    cached = case.extensions.get(KEY)
    if isinstance(cached, Cached) and cached.signature == signature:
        return cached.matcher
    rows = s.execute(
        select(EntityAlias.id, EntityAlias.entity_id, EntityAlias.text, EntityAlias.weak)
        .where(EntityAlias.former.is_(False))
        .order_by(EntityAlias.id)
    )
    m = Matcher(AliasSpec(i, e, t, w) for i, e, t, w in rows)
    case.extensions[KEY] = Cached(signature, m)
    return m


def match_batch(s: Session, m: Matcher, items: Sequence[Item]) -> tuple[int, int]:
    """Match the documents of `items` and retire the items; returns (chars, mentions)."""
    writes.derived(s)
    ids = list(writes.documents(s, (i.document_uid for i in items)))
    found = 0
    with no_gc():
        batch = Found(*writes.existing(s, ids))
        standing = writes.Standing(s, ids)
        # Pages stream in a few at a time (a long document is thousands of pages) and
        # mentions are written every 20,000: memory stays bounded. The driver's own
        # cursor: SQLAlchemy's result rows cost ~0.03 s of a 2,000-document drain.
        pages = s.connection().connection.cursor()
        pages.execute(PAGES.format(marks=writes.marks(len(ids))), ids)
        while chunk := pages.fetchmany(50):
            for doc_id, number, text in chunk:
                batch.page(m, doc_id, number, text)
            if len(batch.rows) >= 20_000:
                standing.write(s, batch.rows)
                found += len(batch.rows)
                batch.rows = []
        pages.close()
        standing.write(s, batch.rows)
        standing.retire(s)
        writes.finish(s, [i.id for i in items], ids, standing.before, batch.after)
    return batch.chars, found + len(batch.rows)


def write_found(s: Session, items: Sequence[Item], docs: dict[int, str], result: Result) -> int:
    """Write what the matcher process found for `items` and retire them; returns the
    number of mentions."""
    _chars, rows, after = result
    writes.derived(s)
    with no_gc():
        standing = writes.Standing(s, list(docs))
        standing.write(s, rows)
        standing.retire(s)
        writes.finish(s, [i.id for i in items], list(docs), standing.before, after)
    return len(rows)


@contextmanager
def no_gc() -> Iterator[None]:
    """No cycle collection during one batch: it makes and drops tens of thousands of
    tuples and sets (no cycles), and each collection walks the process's whole heap
    (~15% of a drain). Reference counting still frees everything."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def pending(s: Session, limit: int | None, only: Sequence[str] | None) -> list[Item]:
    """Queued items as (id, document_uid) rows, in plain SQL: ORM objects cost ~40 µs
    each here, and compiling the ORM statement ~0.5 ms (a tenth of matching one
    imported document). `only` is at most a batch's uids, or chunked."""
    sql = "SELECT id, document_uid FROM work_queue WHERE kind = ?"
    tail = " ORDER BY id" + ("" if limit is None else f" LIMIT {int(limit)}")
    if only is None:
        return list(writes.run(s, sql + tail, (work_queue.MATCH,)))
    uids = list(dict.fromkeys(only))
    if len(uids) <= 500:
        where = f" AND document_uid IN ({writes.marks(len(uids))})"
        return list(writes.run(s, sql + where + tail, (work_queue.MATCH, *uids)))
    rows: list[Item] = []
    for i in range(0, len(uids), 500):
        chunk = uids[i : i + 500]
        where = f" AND document_uid IN ({writes.marks(len(chunk))})"
        rows += writes.run(s, sql + where, (work_queue.MATCH, *chunk))
    rows.sort(key=lambda r: r.id)
    return rows if limit is None else rows[:limit]


def pending_documents(s: Session, only: Sequence[str] | None) -> tuple[list[Item], dict[str, int]]:
    """The queued items and their documents' ids (documents gone since are left out):
    for the whole queue one joined query, not the items and then their uids again."""
    if only is not None:
        items = pending(s, None, only)
        ids = writes.documents(s, (i.document_uid for i in items))
        return items, {u: d for d, u in ids.items()}
    sql = (
        "SELECT w.id, w.document_uid, d.id FROM work_queue w"
        " LEFT JOIN document d ON d.uid = w.document_uid WHERE w.kind = ? ORDER BY w.id"
    )
    rows = writes.run(s, sql, (work_queue.MATCH,)).all()
    uid_id = {u: d for _i, u, d in rows if d is not None}
    return [Row(i, u) for i, u, _d in rows], uid_id


class Row(NamedTuple):
    id: int
    document_uid: str


class Progress:
    def __init__(self, ctx: JobContext | None, stats: dict[str, float], total: int) -> None:
        self.ctx, self.stats, self.total = ctx, stats, total

    def cancelled(self) -> bool:
        return self.ctx is not None and self.ctx.cancelled

    def add(self, documents: int, chars: int, mentions: int, by_process: bool = False) -> None:
        self.stats["documents"] += documents
        if by_process:
            self.stats["documents_by_process"] = (
                self.stats.get("documents_by_process", 0) + documents
            )
        self.stats["chars"] += chars
        self.stats["mentions"] += mentions
        if self.ctx is not None:
            self.ctx.report(int(self.stats["documents"]), self.total, _("Finding entity mentions"))
