"""The index follows the database: edits, tags and deletions are visible as soon as the
call returns; a crash (kill -9) while indexing is repaired on reopen; a rebuild can be
cancelled without losing the old index; an index of another format is rebuilt."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine

from casefile.core import services
from casefile.core.case import Case
from casefile.core.db.schema import Document
from casefile.core.jobs import Cancelled, JobContext
from casefile.core.search import index as ixmod
from tests.search_fixtures import add_document

ROOT = Path(__file__).resolve().parents[1]


def uids(case: Case, q: str) -> set[str]:
    return {h.uid for h in services.search(case, q, limit=100).hits}


def test_edits_tags_and_deletes_show_at_once(case: Case) -> None:
    a = add_document(case, "Memo", ["Forrest met the vendor."], kind="note")
    b = add_document(case, "Letter", ["Nothing relevant here."], kind="correspondence")
    assert uids(case, "Forrest") == {a}
    services.update_document(case, a, title="Memo on Amazon", kind="report", date="2023-02")
    assert uids(case, "title:amazon") == {a}
    assert uids(case, "kind:report date:2023") == {a}
    assert uids(case, "kind:note") == set()
    services.set_tags(case, b, ["Leads"])
    assert uids(case, "tag:leads") == {b}
    services.remove_tag(case, b, "Leads")
    assert uids(case, "tag:leads") == set()
    services.delete_document(case, a)
    assert uids(case, "Forrest") == set()
    with case.read_session() as s:
        docs = list(s.scalars(select(Document)))
    assert [(d.uid, d.indexed_revision == d.revision) for d in docs] == [(b, True)]


def _rows(case: Case, queries: list[str]) -> list[list[tuple[str, tuple[int, ...]]]]:
    return [
        sorted((h.uid, h.pages) for h in services.search(case, q, limit=1000).hits) for q in queries
    ]


CRASH_SCRIPT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from casefile.core import services
    from tests.search_fixtures import add_document
    case = services.open_case({path!r})
    for i in range(100000):
        add_document(case, f"Doc {{i}}", [f"Forrest page {{i}} санкции", "second page"],
                     kind="note", sync=i % 3 != 0)
        print(i, flush=True)
    """
)


def test_kill_9_while_indexing_then_reopen_equals_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "crash.casefile"
    services.create_case(path).close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASH_SCRIPT.format(root=str(ROOT), path=str(path))],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if int(line.split()[0]) >= 60:
            break
    time.sleep(0.05)  # land somewhere inside a commit
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    queries = ["Forrest", "санкция", "second", "kind:note", '"page 7"']
    with services.open_case(path) as case:  # reconcile runs on open
        after_reopen = _rows(case, queries)
        with case.read_session() as s:
            n = len(list(s.scalars(select(Document.uid))))
        assert n >= 60
        services.reindex(case)
        assert _rows(case, queries) == after_reopen
        assert len(after_reopen[0]) == n


def test_cancelled_rebuild_keeps_the_previous_index(case: Case) -> None:
    for i in range(30):
        add_document(case, f"Doc {i}", [f"Forrest {i}"], sync=False)
    services.ensure_index(case)
    assert len(uids(case, "Forrest")) == 30
    ctx = JobContext()
    seen: list[int] = []

    def cancel_soon(p: object) -> None:
        seen.append(1)
        if len(seen) == 2:
            ctx.cancel()

    ctx._on_progress = cancel_soon  # type: ignore[assignment]
    add_document(case, "Late", ["Forrest again"], sync=False)
    try:
        services.reindex(case, ctx)
        raise AssertionError("the rebuild should have stopped")
    except Cancelled:
        pass
    assert not (case.index_dir.parent / "index.new").exists()
    assert len(uids(case, "Forrest")) == 30  # old index, still usable
    services.reindex(case)
    assert len(uids(case, "Forrest")) == 31


def test_other_format_or_missing_index_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "v.casefile"
    with services.create_case(path) as case:
        a = add_document(case, "Memo", ["Forrest"])
    (path / "index" / ixmod.VERSION_FILE).write_text('{"format": 0}')
    with services.open_case(path) as case:
        assert uids(case, "Forrest") == {a}
    assert ixmod.read_version(path / "index") == ixmod.FORMAT_VERSION
    import shutil

    shutil.rmtree(path / "index")
    with services.open_case(path) as case:
        ctx = JobContext()
        services.ensure_index(case, ctx)
        assert ctx.snapshot().total == 1
        assert uids(case, "Forrest") == {a}


def test_reopening_repairs_only_the_records_that_are_wrong(tmp_path: Path) -> None:
    """What the database records of the index (`indexed_revision`) is checked when a case
    opens; a record that is right is not written again (one UPDATE per document was a
    second of each opening of a 100,000-document case), a wrong one is repaired."""
    from sqlalchemy import event, update

    case = services.create_case(tmp_path / "c")
    a = add_document(case, "Memo", ["Forrest met the vendor."])
    b = add_document(case, "Letter", ["Nothing relevant here."])
    with case.session() as s:  # as an older version or a crash may leave it
        s.execute(update(Document).values(indexed_revision=0).where(Document.uid == b))
    case.close()

    statements: list[str] = []

    def record(_conn: object, _cursor: object, sql: str, *_rest: object) -> None:
        if sql.lstrip().upper().startswith("UPDATE DOCUMENT"):
            statements.append(sql)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        case = services.open_case(tmp_path / "c.casefile")
        with case.read_session() as s:
            docs = {d.uid: d for d in s.scalars(select(Document))}
        assert docs[b].indexed_revision == docs[b].revision  # repaired
        assert docs[a].indexed_revision == docs[a].revision
        assert len(statements) == 1  # for b's record alone
        case.close()
        statements.clear()
        case = services.open_case(tmp_path / "c.casefile")
        assert statements == []  # nothing left to repair: nothing written
        assert uids(case, "Forrest") == {a}
        case.close()
    finally:
        event.remove(Engine, "before_cursor_execute", record)
