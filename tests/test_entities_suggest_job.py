"""The suggestion job holds the GUI's writer thread while the worker reads: an edit
made meanwhile must land between two batches, not after the last one."""

from __future__ import annotations

import pytest

from casefile.core import services
from casefile.core.case import Case
from casefile.core.jobs import JobContext, Progress
from casefile.core.services import entity_suggestions
from tests.search_fixtures import add_document


@pytest.mark.slow  # starts the worker and loads the NER model (~2-6 s)
def test_an_edit_lands_between_suggestion_batches(case: Case, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for i in range(3):
        add_document(case, f"memo {i}", [f"Charles Forrest met the BBC on day {i}."])
    monkeypatch.setattr(entity_suggestions, "BATCH", 1)
    landed: list[int] = []
    ctx: JobContext

    def progress(p: Progress) -> None:
        if p.done == 1:  # the user tags something while the first batch is back
            ctx.run_between(lambda: landed.append(ctx.snapshot().done))

    ctx = JobContext(on_progress=progress)
    result = services.suggest_entities(case, ctx)
    assert result.complete and result.documents_read == 3
    assert landed == [1]  # ran at the safe point after batch 1, while batches remained


@pytest.mark.slow  # starts the worker and loads the NER model (~2-6 s)
def test_a_stopped_run_resumes_and_a_later_one_reads_only_what_changed(
    case: Case, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from casefile.core.db.schema import Document, Page

    uids = [
        add_document(case, f"memo {i}", [f"Charles Forrest met Tarn Data in Cyprus, day {i}."])
        for i in range(4)
    ]
    monkeypatch.setattr(entity_suggestions, "BATCH", 1)
    ctx: JobContext

    def stop_early(p: Progress) -> None:
        if p.done == 1:
            ctx.cancel()  # the user pressed Cancel after the first document

    ctx = JobContext(on_progress=stop_early)
    first = services.suggest_entities(case, ctx)
    assert not first.complete and first.documents_read < 4

    again = services.suggest_entities(case)  # resumes: only the rest is read
    assert again.complete and again.documents_read == 4
    assert again.documents_cached == first.documents_read
    names = {x.name: x.documents for x in again.suggestions}
    assert names.get("Charles Forrest") == 4

    nothing_new = services.suggest_entities(case)
    assert nothing_new.documents_cached == 4 and nothing_new.worker_peak_rss_mb == 0.0
    assert {x.name: x.documents for x in nothing_new.suggestions} == names

    with case.session() as s:  # a document's text changes (re-extraction, OCR)
        doc_id = s.query(Document.id).filter(Document.uid == uids[0]).scalar()
        s.execute(update(Page).where(Page.document_id == doc_id).values(text="Nothing here."))
    changed = services.suggest_entities(case)
    assert changed.documents_cached == 3
    assert {x.name: x.documents for x in changed.suggestions}["Charles Forrest"] == 3
    fresh = services.suggest_entities(case, fresh=True)
    assert fresh.documents_cached == 0 and fresh.suggestions == changed.suggestions


def test_a_case_from_before_migration_0014_opens_and_gets_the_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from alembic import command

    from casefile.core.db import migrate

    with services.create_case(tmp_path / "Old") as case:
        path = case.path
        cfg = migrate._config()
        with case.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0010")  # as the previous version wrote it

    def tables() -> set[str]:
        db = sqlite3.connect(path / "case.sqlite")
        try:
            return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            db.close()

    assert "suggestion_read" not in tables()
    with services.open_case(path) as case:
        # At the head (later migrations, e.g. OCR's 0011, chain on top of 0014).
        assert migrate.stamped_revision(case.engine) == migrate.HEAD_REVISION
        assert services.suggest_entities(case).suggestions == ()
    assert "suggestion_read" in tables()


def test_a_name_the_case_knows_in_the_other_script_is_offered_as_its_alias(
    case: Case, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from casefile.core.entities import worker
    from casefile.core.entities.suggest import ORG, Find

    uid = add_document(case, "Эхо", ["Компания Амазон отказалась от комментариев."])
    amazon = services.create_entity(case, "Amazon", "organisation")

    def read(batches, ctx=None, total=None, on_batch=None, done_before=0):  # type: ignore[no-untyped-def]
        # What the model finds in that sentence, without loading it for this test.
        found = {d.uid: [Find("Амазон", ORG, "ner")] for batch in batches for d in batch}
        return found, 0.0, True

    monkeypatch.setattr(worker, "run", read)
    result = services.suggest_entities(case)
    x = next(x for x in result.suggestions if x.name == "Амазон")
    assert x.like == (amazon.uid, "Amazon") and x.documents == 1
    services.accept_suggestion(case, result, "Амазон", into=x.like[0])
    assert "Амазон" in {a.text for a in services.get_entity(case, amazon.uid).aliases}
    assert services.mentions(case, entity=amazon.uid, document_uid=uid)[0].text == "Амазон"


KILLED_PARENT = """
import multiprocessing, os, signal, sys
from casefile.core.entities import worker

def then_die(found):
    with open(sys.argv[1], "w") as f:  # the name reader's process
        f.write(" ".join(str(p.pid) for p in multiprocessing.active_children()))
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":  # the reader is spawned: it imports this again
    first = [worker.DocText("a", ("Мария Иванова встретилась с Charles Forrest.",))]
    second = [worker.DocText("b", ("Об Ивановой писали в газетах.",))]
    worker.run(iter([first, second]), on_batch=then_die)
"""


@pytest.mark.slow  # starts the worker and loads the NER model (~2-6 s)
def test_the_name_reader_ends_when_the_app_is_killed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A killed app (kill -9) never runs the pool's clean-up: the reader, with its model
    in memory, used to run on as an orphan."""
    import subprocess
    import sys

    from tests.test_entities import _all_gone

    script = tmp_path / "killed_parent.py"
    script.write_text(KILLED_PARENT, encoding="utf-8")
    pids = tmp_path / "children.txt"
    proc = subprocess.run([sys.executable, str(script), str(pids)], timeout=120)
    assert proc.returncode == -9
    children = [int(p) for p in pids.read_text().split()]
    assert children
    assert _all_gone(children)
