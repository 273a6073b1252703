"""A large matching drain shared with a matcher process (issue 12, the stored-drain
benchmark): the same mentions, revisions and index work as matching in one process,
manual and rejected mentions respected, a cancel or a failed process leaving the rest
queued; the process is kept with the case for the next drains and ends with it."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import delete, select

from casefile.core import services
from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import Document, Entity, Mention, WorkItem
from casefile.core.entities import batch_match, matching, shared_drain, store
from casefile.core.jobs import JobContext
from tests.search_fixtures import add_document

RU = "Компания Amazon могла продавать VisionLabs доступ. Чарльз Форрест заявил об этом."
RU2 = "По словам Форреста, сделку одобрила Мария Иванова. Об Ивановой писали в AMZN и в amzn."
EN = "Amazon Web Services (AWS) and Charles Forrest. Amazon's filing names aws and AMZN."
DOCS = 50
BATCH = 10  # five batches: the process takes them from the back, this one from the front


def build(path: Path) -> Case:
    """Fifty documents matched once, one automatic mention rejected (in a back batch),
    one manual mention (in another), then a new entity and every document queued."""
    case = services.create_case(path)
    services.create_entity(case, "Чарльз Форрест", "person", aliases=["Форрест"])
    services.create_entity(case, "Amazon", "organisation", weak_aliases=["AMZN"])
    for i in range(DOCS):
        pages = [*[RU, RU2, EN][i % 3 :], RU * (i % 4)]
        add_document(case, f"d{i:02}", pages, sync=False)
    with case.session() as s:
        work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
    matching.drain(case, worker=False)
    uid = {d.title: d.uid for d in services.list_documents(case)}
    wrong = next(
        m
        for m in services.mentions(case, entity="Amazon")
        if (m.document_uid, m.page) == (uid["d45"], 1)
    )
    services.reject_mention(case, wrong.id)
    start = RU.index("доступ")
    services.add_mention(case, "Amazon", uid["d36"], 1, start, start + 6)
    with case.session() as s:
        store.create(s, "Мария Иванова", "person")
        work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
    return case


def state(case: Case) -> dict[str, Any]:
    with case.read_session() as s:
        mentions = sorted(
            s.execute(
                select(
                    Document.title,
                    Mention.page,
                    Mention.start,
                    Mention.end,
                    Entity.name,
                    Mention.manual,
                    Mention.rejected,
                )
                .join(Document, Document.id == Mention.document_id)
                .join(Entity, Entity.id == Mention.entity_id)
            ).all()
        )
        revisions = dict(s.execute(select(Document.title, Document.revision)).all())
        indexed = sorted(
            s.scalars(
                select(Document.title)
                .join(WorkItem, WorkItem.document_uid == Document.uid)
                .where(WorkItem.kind == work_queue.INDEX)
            )
        )
    return {"mentions": mentions, "revisions": revisions, "index": indexed}


@pytest.fixture
def pair(tmp_path: Path) -> Any:
    here, shared = build(tmp_path / "here"), build(tmp_path / "shared")
    yield here, shared
    here.close()
    shared.close()


def test_shared_drain_equals_drain_in_one_process(
    pair: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    here, shared = pair
    a = matching.drain(here, batch=BATCH, worker=False)
    from_process: list[int] = []
    real = batch_match.write_found

    def spy(s: Any, items: Any, docs: Any, result: Any) -> int:
        from_process.append(len(items))
        return real(s, items, docs, result)

    monkeypatch.setattr(batch_match, "write_found", spy)
    b = matching.drain(shared, batch=BATCH, worker=True)
    assert from_process  # the process found some batches (the back ones)
    assert services.pending_matches(shared) == 0
    assert (b["documents"], b["mentions"], b["chars"]) == (
        a["documents"],
        a["mentions"],
        a["chars"],
    )
    got, want = state(shared), state(here)
    assert got == want
    found = got["mentions"]
    assert ("d45", 1, RU.index("Amazon"), RU.index("Amazon") + 6, "Amazon", False, True) in found
    assert any(m[0] == "d36" and m[5] for m in found)  # the manual mention is still there
    assert {m[4] for m in found} == {"Чарльз Форрест", "Amazon", "Мария Иванова"}
    shared.close()  # the matcher process is kept with the case, and ends with it
    assert multiprocessing.active_children() == []


def test_cancelled_shared_drain_leaves_the_rest_queued(pair: Any) -> None:
    here, shared = pair
    ctx = JobContext(on_progress=lambda p: ctx.cancel() if p.done >= BATCH else None)
    stats = matching.drain(shared, ctx, batch=BATCH, worker=True)
    assert stats["documents"] == BATCH  # one batch written, then it stopped
    assert services.pending_matches(shared) == DOCS - BATCH
    matching.drain(shared, batch=BATCH, worker=True)  # resumed
    matching.drain(here, batch=BATCH, worker=False)
    assert state(shared)["mentions"] == state(here)["mentions"]
    shared.close()
    assert multiprocessing.active_children() == []


def test_a_failed_matcher_process_leaves_the_work_to_the_drain(
    pair: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    here, shared = pair
    # The process cannot open the database: every batch it was given fails.
    monkeypatch.setattr(Case, "reader_uri", lambda self: "file:/nonexistent/no.sqlite?mode=ro")
    matching.drain(shared, batch=BATCH, worker=True)
    matching.drain(here, batch=BATCH, worker=False)
    assert services.pending_matches(shared) == 0
    assert state(shared) == state(here)
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("worker", [False, True])
def test_mentions_are_written_as_derived_data_and_the_checks_come_back(
    pair: Any, monkeypatch: pytest.MonkeyPatch, worker: bool
) -> None:
    """A batch inserts its mentions without SQLite's foreign-key look-ups (their ids
    come from the same database) and commits without a sync (a lost batch is still
    queued), and the connection has its checks and sync back afterwards, also when the
    batch fails."""
    from casefile.core.entities import writes

    _here, shared = pair
    seen: list[tuple[Any, tuple[int, int]]] = []
    real = writes.insert

    def pragmas(raw: Any) -> tuple[int, int]:
        fk = raw.execute("PRAGMA foreign_keys").fetchone()[0]
        return fk, raw.execute("PRAGMA synchronous").fetchone()[0]

    def spy(s: Any, rows: Any) -> None:
        raw = s.connection().connection.dbapi_connection
        seen.append((raw, pragmas(raw)))
        real(s, rows)

    monkeypatch.setattr(writes, "insert", spy)
    matching.drain(shared, batch=BATCH, worker=worker)
    assert seen and {during for _raw, during in seen} == {(0, 1)}  # NORMAL is 1
    assert {pragmas(raw) for raw, _ in seen} == {(1, 2)}  # FULL is 2
    with shared.session() as s:
        work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
    seen.clear()

    def fail(*_args: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(writes, "finish", fail)
    with pytest.raises(RuntimeError):
        matching.drain(shared, batch=BATCH, worker=False)
    assert {pragmas(raw) for raw, _ in seen} == {(1, 2)}
    assert services.pending_matches(shared) == DOCS  # the failed batch stayed queued
    # and the checks hold for everyone else
    with shared.session() as s, pytest.raises(Exception, match="FOREIGN KEY"):
        s.connection().exec_driver_sql(writes.INSERT, (999_999, 999_999, 1, 0, 1, None))


class _Instant:
    """A matcher process that has each unit's result the moment it is sent (it runs
    `match_documents` here), counting the processes started and the automata sent."""

    started: ClassVar[list[str]] = []
    loaded: ClassVar[list[bytes]] = []

    def __init__(self, uri: str) -> None:
        import sqlite3

        from casefile.core.entities import match_worker

        self.started.append(uri)
        self.broken = False
        self._matcher: object = None
        match_worker._state["db"] = sqlite3.connect(uri, uri=True)

    def load(self, matcher: object, automaton: bytes) -> None:
        import pickle

        from casefile.core.entities import match_worker

        if matcher is not self._matcher:
            self.loaded.append(automaton)
            self._matcher = matcher
            match_worker._state["matcher"] = pickle.loads(automaton)

    def submit(self, doc_ids: Any) -> Any:
        from concurrent.futures import Future

        from casefile.core.entities import match_worker

        f: Future[Any] = Future()
        f.set_result(match_worker.match_documents(list(doc_ids)))
        return f

    def close(self) -> None:
        from casefile.core.entities import match_worker

        match_worker._state.pop("db").close()


def test_a_process_that_keeps_up_does_all_the_matching(
    pair: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the process has work in hand this process only writes what it found (it
    matches a unit itself only while it would otherwise wait); and one process, given
    the automaton once (pickled once), serves all the drains that use it."""
    here, shared = pair
    monkeypatch.setattr(shared_drain, "MatcherProcess", _Instant)
    _Instant.started.clear()
    _Instant.loaded.clear()
    import pickle

    dumps: list[int] = []
    real_dumps = pickle.dumps

    def counted(*args: Any, **kwargs: Any) -> bytes:
        dumps.append(1)
        return real_dumps(*args, **kwargs)

    monkeypatch.setattr(pickle, "dumps", counted)
    stats = matching.drain(shared, batch=BATCH, worker=True)
    assert stats["documents"] == stats["documents_by_process"] == DOCS
    matching.drain(here, batch=BATCH, worker=False)  # matched once: the fresh match
    assert state(shared)["mentions"] == state(here)["mentions"]
    with shared.session() as s:
        work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
    again = matching.drain(shared, batch=BATCH, worker=True)
    assert again["documents_by_process"] == DOCS
    assert len(_Instant.started) == 1 and len(_Instant.loaded) == 1
    assert len(dumps) == 1
    # A new alias: a new automaton, sent to the same process.
    services.add_alias(shared, "Amazon", ["Амазон"])
    with shared.session() as s:
        work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
    matching.drain(shared, batch=BATCH, worker=True)
    assert len(_Instant.started) == 1 and len(_Instant.loaded) == 2


def _process_ids() -> set[int]:
    return {p.pid for p in multiprocessing.active_children() if p.pid is not None}


def test_the_matcher_process_serves_every_drain_and_a_dead_one_is_replaced(
    pair: Any,
) -> None:
    """The matcher process outlives a drain (the next large drain does not wait for one
    to start), ends with the case, and one that died meanwhile (killed, out of memory)
    is replaced: the drain still matches everything."""
    import os
    import signal

    here, shared = pair
    before = _process_ids()
    matching.drain(shared, batch=BATCH, worker=True)
    kept = _process_ids() - before
    assert kept  # still there after the drain
    with shared.session() as s:
        work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
    again = matching.drain(shared, batch=BATCH, worker=True)
    assert again["documents_by_process"] > 0
    assert _process_ids() - before == kept  # the same process
    for pid in kept:
        os.kill(pid, signal.SIGKILL)
    with shared.session() as s:
        work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
    matching.drain(shared, batch=BATCH, worker=True)
    assert services.pending_matches(shared) == 0
    matching.drain(here, batch=BATCH, worker=False)
    assert state(shared)["mentions"] == state(here)["mentions"]
    with shared.session() as s:
        work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
    third = matching.drain(shared, batch=BATCH, worker=True)
    assert third["documents_by_process"] > 0  # a new process took the dead one's place
    shared.close()
    assert multiprocessing.active_children() == []


def test_the_matcher_process_starts_light() -> None:
    """What the spawned process imports to start: no SQLAlchemy, no version metadata,
    no `dataclasses` (with `inspect` and `ast`): each costs the drain start-up time."""
    import subprocess
    import sys

    code = (
        "import sys, casefile.core.entities.match_worker;"
        "print(sorted(m for m in ('sqlalchemy', 'importlib.metadata', 'dataclasses', 'inspect')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("limit", [32766, 999, 11])
def test_mentions_are_inserted_as_given_whatever_the_parameter_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """Rows go in 500 a statement, or as many as the SQLite build allows parameters
    (999 in old builds: 166 rows), and the rest one by one: every row, in order."""
    from casefile.core.entities import writes

    case = services.create_case(tmp_path / "c")
    try:
        services.create_entity(case, "Amazon", "organisation")
        add_document(case, "d", ["Amazon"], sync=False)
        with case.read_session() as s:
            entity = s.scalar(select(Entity.id))
            doc = s.scalar(select(Document.id))
        assert entity is not None and doc is not None
        rows = [(entity, doc, 1 + i % 3, i, i + 6, None) for i in range(1234)]
        monkeypatch.setattr(writes, "_rows_per_statement", lambda raw: max(1, min(500, limit // 6)))
        with case.session() as s:
            s.execute(delete(Mention))
            writes.insert(s, rows)  # type: ignore[arg-type]
        with case.read_session() as s:
            got = s.execute(
                select(
                    Mention.entity_id,
                    Mention.document_id,
                    Mention.page,
                    Mention.start,
                    Mention.end,
                    Mention.alias_id,
                ).order_by(Mention.id)
            ).all()
        assert [tuple(r) for r in got] == rows
    finally:
        case.close()


@pytest.mark.parametrize(("load", "shared"), [(0.3, True), (3.5, False)])
def test_a_large_queue_is_shared_only_when_a_core_is_free(
    pair: Any, monkeypatch: pytest.MonkeyPatch, load: float, shared: bool
) -> None:
    """Two processes finish first only when the second has a core of its own; on a
    busy machine (load average 3.5 on 2 cores) one process matches the queue."""
    import os

    here, drained = pair
    monkeypatch.setattr(shared_drain, "WORKER_MIN", 10)
    monkeypatch.setattr(shared_drain, "START_MIN", 10)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    stats = matching.drain(drained, batch=BATCH)
    assert (stats.get("documents_by_process", 0) > 0) is shared
    matching.drain(here, batch=BATCH, worker=False)
    assert state(drained) == state(here)


def _automatic(case: Case) -> dict[tuple[Any, ...], int]:
    """The automatic mentions as (document, page, start, end, entity name) -> row id."""
    with case.read_session() as s:
        rows = s.execute(
            select(
                Mention.id, Document.title, Mention.page, Mention.start, Mention.end, Entity.name
            )
            .join(Document, Document.id == Mention.document_id)
            .join(Entity, Entity.id == Mention.entity_id)
            .where(Mention.manual.is_(False), Mention.rejected.is_(False))
        ).all()
    return {tuple(r[1:]): r[0] for r in rows}


@pytest.mark.parametrize("worker", [False, True])
def test_a_rematch_rewrites_only_the_mentions_that_changed(
    pair: Any, monkeypatch: pytest.MonkeyPatch, worker: bool
) -> None:
    """Every document matched again after one alias went and a new entity came: the
    mentions found again stay the same rows (same ids, nothing rewritten), those of the
    removed alias go, only the new entity's are inserted, and the result equals a
    fresh match (rejected and manual mentions kept)."""
    from casefile.core.entities import writes

    here, shared = pair
    matching.drain(shared, batch=BATCH, worker=worker)
    before = _automatic(shared)
    for case in (here, shared):
        with case.session() as s:
            forrest = store.find(s, "Чарльз Форрест")
            store.remove_alias(s, forrest, "Форрест")
            store.create(s, "VisionLabs", "organisation")
            work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
    inserted: list[tuple[Any, ...]] = []
    real = writes.insert

    def spy(s: Any, rows: list[Any]) -> None:
        inserted.extend(rows)
        real(s, rows)

    monkeypatch.setattr(writes, "insert", spy)
    matching.drain(shared, batch=BATCH, worker=worker)
    monkeypatch.setattr(writes, "insert", real)
    after = _automatic(shared)
    new = {k for k in after if k not in before}
    gone = {k for k in before if k not in after}
    assert new and {k[4] for k in new} == {"VisionLabs"}
    assert len(inserted) == len(new)  # nothing found again was written again
    assert gone and all(k[4] == "Чарльз Форрест" for k in gone)
    assert all(after[k] == before[k] for k in after if k in before)  # same rows, same ids
    matching.drain(here, batch=BATCH, worker=False)  # matched once: the fresh match
    assert state(shared)["mentions"] == state(here)["mentions"]


def test_a_drain_starts_a_matcher_process_only_for_a_queue_that_pays_for_it(
    pair: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process takes 0.15-0.25 s to start, about what one process needs for 1,500
    documents: a queue below `START_MIN` is matched here unless the case's process is
    up already (started by a larger drain), which then shares it."""
    import os

    here, shared = pair
    monkeypatch.setattr(shared_drain, "MatcherProcess", _Instant)
    _Instant.started.clear()
    _Instant.loaded.clear()
    monkeypatch.setattr(shared_drain, "WORKER_MIN", 10)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))  # a core is free

    def drain_all(start_min: int, queue: bool = True) -> dict[str, float]:
        monkeypatch.setattr(shared_drain, "START_MIN", start_min)
        if queue:
            with shared.session() as s:
                uids = list(s.scalars(select(Document.uid)))
                work_queue.enqueue(s, uids, kind=work_queue.MATCH)
        return matching.drain(shared, batch=BATCH)

    first = drain_all(DOCS + 1, queue=False)  # `build` queued every document
    assert first["documents"] == DOCS and not first.get("documents_by_process")
    assert _Instant.started == []  # none was started for it
    assert drain_all(DOCS)["documents_by_process"] == DOCS  # this queue pays: it starts
    assert drain_all(DOCS + 1)["documents_by_process"] == DOCS  # up already: it shares
    assert len(_Instant.started) == 1
    matching.drain(here, batch=BATCH, worker=False)
    assert state(shared)["mentions"] == state(here)["mentions"]
