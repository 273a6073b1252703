"""Entities through the services: mentions found on import and on alias changes, merge,
split, reject, manual mentions, relations, audit (issue 12)."""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest
from sqlalchemy import func, select

from casefile.core import services
from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import AuditEntry
from casefile.core.errors import CasefileError
from tests.search_fixtures import add_document

RU = "Компания Amazon могла продавать VisionLabs доступ. Чарльз Форрест заявил об этом."
RU2 = "По словам Форреста, сделку одобрила Мария Иванова. Об Ивановой писали в AMTSX и в mts."
EN = "Amazon Web Services (AWS) and Charles Forrest. Amazon's filing names aws and MTS."


def add_doc(case: Case, title: str, pages: Sequence[str]) -> str:
    """A document as the importer writes it: queued for the index and for matching."""
    uid = add_document(case, title, pages, sync=False)
    with case.session() as s:
        work_queue.enqueue(s, [uid], kind=work_queue.MATCH)
    services.match_pending(case)
    return uid


def spans(case: Case, entity: str) -> list[tuple[str, str]]:
    return sorted((m.document_uid, m.text) for m in services.mentions(case, entity=entity))


@pytest.fixture
def docs(case: Case) -> dict[str, str]:
    return {
        "ru": add_doc(case, "Эхо", [RU]),
        "ru2": add_doc(case, "Коммерсант", [RU2]),
        "en": add_doc(case, "Filing", ["Cover page", EN]),
    }


def test_mentions_found_in_every_form_and_script(case: Case, docs: dict[str, str]) -> None:
    services.create_entity(case, "Charles Forrest", "person", aliases=["Чарльз Форрест", "Форрест"])
    services.create_entity(case, "Мария Иванова", "person", aliases=["Иванова"])
    aws = services.create_entity(
        case, "Amazon Web Services", "organisation", aliases=["Amazon"], weak_aliases=["AWS"]
    )
    services.create_entity(case, "MTS", "organisation", weak_aliases=["MTS"])

    forrest = {t for _, t in spans(case, "Charles Forrest")}
    assert forrest == {"Чарльз Форрест", "Форреста", "Charles Forrest"}
    assert {t for _, t in spans(case, "Иванова")} == {"Мария Иванова", "Ивановой"}
    assert sorted(t for _, t in spans(case, aws.uid)) == [
        "AWS",
        "Amazon",
        "Amazon Web Services",
        "Amazon's",
    ]  # "aws" in lower case is not the weak alias
    mts = services.mentions(case, entity="MTS")
    assert [m.text for m in mts] == ["MTS"]  # not inside AMTSX, not "mts"
    assert [a.weak for a in services.get_entity(case, "MTS").aliases] == [True]
    assert mts[0].page == 2 and EN[mts[0].start : mts[0].end] == "MTS"
    info = services.get_entity(case, "форрест")
    assert (info.documents, info.mentions) == (3, 3)


@pytest.mark.slow  # starts the extraction workers
def test_new_documents_are_matched_on_import(case: Case, tmp_path) -> None:
    services.create_entity(case, "Форрест", "person")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Встреча с Форрестом прошла.", encoding="utf-8")
    services.import_paths(case, [folder])
    assert [m.text for m in services.mentions(case, entity="Форрест")] == ["Форрестом"]
    assert services.pending_matches(case) == 0


def test_merge_and_split_keep_every_mention(case: Case, docs: dict[str, str]) -> None:
    services.create_entity(case, "Charles Forrest", "person")
    services.create_entity(case, "Форрест", "person", aliases=["Чарльз Форрест"])
    before = spans(case, "Charles Forrest") + spans(case, "Форрест")
    merged = services.merge_entities(case, "Charles Forrest", "Форрест")
    assert spans(case, merged.uid) == sorted(before)
    assert {a.text for a in merged.aliases} == {"Charles Forrest", "Форрест", "Чарльз Форрест"}
    with pytest.raises(CasefileError):
        services.get_entity(case, "no such entity")
    new = services.split_alias(case, merged.uid, "Charles Forrest")
    assert spans(case, new.uid) + spans(case, merged.uid) == sorted(before) or sorted(
        spans(case, new.uid) + spans(case, merged.uid)
    ) == sorted(before)
    assert [t for _, t in spans(case, new.uid)] == ["Charles Forrest"]


def test_rejected_mention_stays_rejected(case: Case, docs: dict[str, str]) -> None:
    e = services.create_entity(case, "Amazon", "organisation")
    wrong = next(m for m in services.mentions(case, entity=e.uid) if m.document_uid == docs["ru"])
    services.reject_mention(case, wrong.id)
    # Matching again (a new alias queues the documents) must not bring it back.
    services.add_alias(case, e.uid, ["Амазон"])
    with case.session() as s:
        work_queue.enqueue(s, docs.values(), kind=work_queue.MATCH)
    services.match_pending(case)
    live = services.mentions(case, entity=e.uid)
    assert docs["ru"] not in {m.document_uid for m in live}
    rejected = [
        m for m in services.mentions(case, entity=e.uid, include_rejected=True) if m.rejected
    ]
    assert [(m.document_uid, m.text) for m in rejected] == [(docs["ru"], "Amazon")]


def test_manual_mention_survives_rematch_and_can_add_alias(
    case: Case, docs: dict[str, str]
) -> None:
    e = services.create_entity(case, "VisionLabs", "organisation")
    start = RU.index("доступ")
    m = services.add_mention(case, e.uid, docs["ru"], 1, start, start + 6, as_alias=True)
    assert (m.text, m.manual) == ("доступ", True)
    with case.session() as s:
        work_queue.enqueue(s, docs.values(), kind=work_queue.MATCH)
    services.match_pending(case)
    texts = [(x.text, x.manual) for x in services.mentions(case, entity=e.uid)]
    assert ("доступ", True) in texts and ("VisionLabs", False) in texts
    assert "доступ" in {a.text for a in services.get_entity(case, e.uid).aliases}
    with pytest.raises(CasefileError):
        services.add_mention(case, e.uid, docs["ru"], 1, 5, 10_000)


def test_delete_removes_mentions_and_every_change_is_audited(
    case: Case, docs: dict[str, str]
) -> None:
    e = services.create_entity(case, "Amazon", "organisation", aliases=["Амазон"])
    services.rename_entity(case, e.uid, "Amazon.com")
    services.add_alias(case, e.uid, ["AMZN"], weak=True)
    services.remove_alias(case, e.uid, "Амазон")
    services.delete_entity(case, e.uid)
    assert services.mentions(case) == []
    with case.read_session() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.target == e.uid)))
        assert actions == [
            "entity.create",
            "entity.edit",
            "entity.alias.add",
            "entity.alias.remove",
            "entity.delete",
        ]
        assert s.scalar(select(func.count()).select_from(AuditEntry)) >= 5


def test_relations_with_citations(case: Case, docs: dict[str, str]) -> None:
    services.create_entity(case, "Amazon", "organisation")
    services.create_entity(case, "VisionLabs", "organisation")
    start = RU.index("Amazon")
    r = services.add_relation(
        case,
        "Amazon",
        "VisionLabs",
        "contracted with",
        date="2019/2021",
        citations=[services.CitationIn(docs["ru"], 1, start, start + 40)],
    )
    assert r.citations[0].quote == RU[start : start + 40]
    assert [
        (x.source_name, x.label, x.target_name, x.date)
        for x in services.list_relations(case, "VisionLabs")
    ] == [("Amazon", "contracted with", "VisionLabs", "2019/2021")]
    with pytest.raises(CasefileError):
        services.add_relation(case, "Amazon", "VisionLabs", "owns", date="not a date")


KILL_CHILD = """
import multiprocessing, os, signal, sys
from casefile.core import services
from casefile.core.db import work_queue
from casefile.core.db.schema import Document
from casefile.core.entities import batch_match, matching
from sqlalchemy import select

batches = 0

def then_die(real):
    def write(s, *args):
        global batches
        out = real(s, *args)
        batches += 1
        if batches == 3:  # the third batch's mentions are written but not committed
            s.flush()
            with open(sys.argv[3], "w") as f:  # the matcher process, if any
                f.write(" ".join(str(p.pid) for p in multiprocessing.active_children()))
            os.kill(os.getpid(), signal.SIGKILL)
        return out
    return write

# Batches matched here, and (shared drain) batches the matcher process found.
batch_match.match_batch = then_die(batch_match.match_batch)
batch_match.write_found = then_die(batch_match.write_found)
if __name__ == "__main__":  # the matcher process is spawned: it imports this again
    case = services.open_case(sys.argv[1])
    with case.session() as s:
        work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
    matching.drain(case, batch=10, worker=sys.argv[2] == "shared")
"""


def _all_gone(pids: list[int]) -> bool:
    """True once none of the processes runs (a zombie no longer runs); waits up to 20 s
    for them to notice that their parent is gone."""
    import time

    def running(pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/stat") as f:
                return f.read().rsplit(")", 1)[1].split()[0] != "Z"
        except FileNotFoundError:
            return False

    if not os.path.isdir("/proc"):
        return True  # no way to look (not Linux)
    deadline = time.monotonic() + 20
    while any(running(p) for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.slow
@pytest.mark.parametrize("drain", ["here", "shared"])
def test_kill_during_matching_then_reopen_equals_fresh_match(tmp_path, drain: str) -> None:
    import subprocess
    import sys

    from casefile.core.db.schema import Document, Page
    from casefile.core.entities.matcher import AliasSpec, Matcher

    path = tmp_path / "Killed.casefile"
    case = services.create_case(path)
    services.create_entity(case, "Чарльз Форрест", "person", aliases=["Форрест"])
    services.create_entity(case, "Amazon", "organisation", weak_aliases=["AMZN"])
    for i in range(60):
        add_document(case, f"d{i}", [RU if i % 2 else RU2, EN * (i % 3)], sync=i == 59)
    case.close()

    script = tmp_path / "kill_child.py"
    script.write_text(KILL_CHILD, encoding="utf-8")
    pids = tmp_path / "children.txt"
    proc = subprocess.run([sys.executable, str(script), str(path), drain, str(pids)], timeout=120)
    assert proc.returncode == -9
    children = [int(p) for p in pids.read_text().split()]
    assert len(children) == (drain == "shared")
    assert _all_gone(children)  # the matcher process ends with the writer
    with services.open_case(path, readonly=True) as seen:  # killed half-way
        # Two batches of ten committed (or one: a shared drain may write two batches
        # that came back together in one transaction).
        assert services.pending_matches(seen) in ((40,) if drain == "here" else (40, 50))
        assert 0 < len(services.mentions(seen)) < 100
    case = services.open_case(path)  # resumes the queued matching
    try:
        assert services.pending_matches(case) == 0
        got = {
            (m.document_uid, m.page, m.start, m.end, m.entity_uid) for m in services.mentions(case)
        }
        with case.read_session() as s:
            from casefile.core.db.schema import Entity, EntityAlias

            specs = [
                AliasSpec(a.id, a.entity_id, a.text, a.weak) for a in s.scalars(select(EntityAlias))
            ]
            euid = {e.id: e.uid for e in s.scalars(select(Entity))}
            fresh = {
                (uid, number, h.start, h.end, euid[h.entity_id])
                for uid, number, text in s.execute(
                    select(Document.uid, Page.number, Page.text).join(Page)
                )
                for h in Matcher(specs).find(text)
            }
        assert got == fresh and len(fresh) > 60
    finally:
        case.close()


def test_alias_change_rematches_only_documents_that_can_hold_it(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casefile.core.entities import batch_match

    for i in range(12):
        add_document(case, f"filler {i}", [f"Отчёт номер {i} о погоде. Report {i}."])
    ru1 = add_document(case, "a", ["Встреча с Форрестом прошла."])
    en = add_document(case, "b", ["Charles Forrest's memo."])
    ru2 = add_document(case, "c", ["О Чарльзе Форресте писали."])
    matched: list[set[str]] = []
    real = batch_match.match_batch

    def counting(s, m, items):  # type: ignore[no-untyped-def]
        matched.append({i.document_uid for i in items})
        return real(s, m, items)

    monkeypatch.setattr(batch_match, "match_batch", counting)
    e = services.create_entity(case, "Форрест", "person")
    assert set().union(*matched) == {ru1, ru2}  # of 15 documents
    matched.clear()
    e = services.add_alias(case, e.uid, ["Charles Forrest"])
    assert set().union(*matched) == {en}  # only the memo holds both words
    assert {m.document_uid for m in services.mentions(case, entity=e.uid)} == {ru1, en, ru2}


def test_edit_kind_notes_grade(case: Case) -> None:
    e = services.create_entity(case, "OkoVision", "organisation")
    e = services.edit_entity(case, e.uid, kind="product", notes="cameras", grade=("B", 2))
    assert (e.kind, e.notes, e.reliability_source, e.reliability_info) == (
        "product",
        "cameras",
        "B",
        2,
    )
    with pytest.raises(CasefileError, match="Admiralty"):
        services.edit_entity(case, e.uid, grade=("Z", 9))
    with pytest.raises(CasefileError, match="not a kind"):
        services.edit_entity(case, e.uid, kind="animal")
    renamed = services.rename_entity(case, e.uid, "OkoVision LLC")
    assert renamed.name == "OkoVision LLC"
    assert {a.text for a in renamed.aliases} == {"OkoVision", "OkoVision LLC"}


def test_delete_then_restore_brings_everything_back(case: Case, docs: dict[str, str]) -> None:
    amazon = services.create_entity(case, "Amazon", "organisation", weak_aliases=["AMZN"])
    services.create_entity(case, "VisionLabs", "organisation")
    services.add_relation(
        case,
        "Amazon",
        "VisionLabs",
        "supplied",
        citations=[services.CitationIn(docs["ru"], 1, 0, 8)],
    )
    wrong = services.mentions(case, entity="Amazon")[0]
    services.reject_mention(case, wrong.id)
    before = services.mentions(case, entity="Amazon", include_rejected=True)
    deleted = services.delete_entity(case, "Amazon")
    assert services.list_relations(case) == []
    back = services.restore_entity(case, deleted)
    assert back.uid == amazon.uid and back.aliases == amazon.aliases
    after = services.mentions(case, entity="Amazon", include_rejected=True)
    assert [(m.document_uid, m.start, m.rejected) for m in after] == [
        (m.document_uid, m.start, m.rejected) for m in before
    ]
    assert [r.label for r in services.list_relations(case, "Amazon")] == ["supplied"]


def test_fixing_a_typo_in_the_newest_alias_finds_the_fixed_spelling(case: Case) -> None:
    """Remove the newest alias and add the right spelling: SQLite gives the new alias the
    freed id, so counts and id sums are unchanged; the cached automaton must still be
    rebuilt, or the old spelling is matched and the new one never is."""
    doc = add_doc(case, "memo", ["Daniel Smith met the board. Later Smith left."])
    e = services.create_entity(case, "Daniel Smith", "person", aliases=["Smtih"])
    services.remove_alias(case, e.uid, "Smtih")
    services.add_alias(case, e.uid, ["Smith"])  # same length, same entity, same id
    assert {m.text for m in services.mentions(case, entity=e.uid)} == {"Daniel Smith", "Smith"}
    add_doc(case, "note", ["Smith and Smtih."])
    texts = sorted(m.text for m in services.mentions(case, entity=e.uid) if m.document_uid != doc)
    assert texts == ["Smith"]
