"""The inverses behind the GUI's undo of entity edits (issue 12): a merge taken back
leaves both entities as they were, a tag taken back lets the automatic mention return,
a rejection withdrawn counts again; and the reads the views use."""

from __future__ import annotations

import pytest

from casefile.core import services
from casefile.core.case import Case
from tests.test_entities import EN, RU, RU2, add_doc, spans


@pytest.fixture
def docs(case: Case) -> dict[str, str]:
    """The three documents of tests/test_entities.py (Russian, Russian, English)."""
    return {
        "ru": add_doc(case, "Эхо", [RU]),
        "ru2": add_doc(case, "Коммерсант", [RU2]),
        "en": add_doc(case, "Filing", ["Cover page", EN]),
    }


def _state(case: Case, ref: str) -> tuple[object, ...]:
    e = services.get_entity(case, ref)
    rels = sorted((r.uid, r.source_uid, r.target_uid) for r in services.list_relations(case, e.uid))
    ms = sorted(
        (m.document_uid, m.page, m.start, m.end, m.manual, m.rejected)
        for m in services.mentions(case, entity=e.uid, include_rejected=True)
    )
    return e.uid, e.name, e.kind, sorted(e.aliases, key=lambda a: a.text), ms, rels


def test_unmerge_gives_back_both_entities(case: Case, docs: dict[str, str]) -> None:
    forrest = services.create_entity(case, "Charles Forrest", "person", aliases=["Форрест"])
    amazon = services.create_entity(case, "Amazon", "organisation", weak_aliases=["AWS"])
    wrong = next(m for m in services.mentions(case, entity=amazon.uid) if m.text == "Amazon's")
    services.reject_mention(case, wrong.id)
    services.add_mention(case, amazon.uid, docs["ru2"], 1, 0, 8)  # "По слова": a manual one
    services.add_relation(case, forrest.uid, amazon.uid, "employed by")
    before = (_state(case, forrest.uid), _state(case, amazon.uid))

    merged = services.merge_entities_undoably(case, forrest.uid, amazon.uid)
    assert "AWS" in {a.text for a in services.get_entity(case, forrest.uid).aliases}
    back = services.unmerge_entities(case, merged)

    assert back.uid == amazon.uid
    assert (_state(case, forrest.uid), _state(case, amazon.uid)) == before


def test_tag_taken_back_and_rejection_withdrawn(case: Case, docs: dict[str, str]) -> None:
    e = services.create_entity(case, "Charles Forrest", "person", aliases=["Форрест"])
    auto = sorted(spans(case, e.uid))
    tagged = services.add_mention(case, e.uid, docs["ru2"], 1, 0, 8)
    services.remove_mention(case, tagged.id)
    assert sorted(spans(case, e.uid)) == auto

    first = services.mentions(case, entity=e.uid)[0]
    services.reject_mention(case, first.id)
    assert len(services.mentions(case, entity=e.uid)) == len(auto) - 1
    services.unreject_mention(case, first.id)
    assert sorted(spans(case, e.uid)) == auto


def test_page_mentions_and_graph(case: Case, docs: dict[str, str]) -> None:
    forrest = services.create_entity(case, "Charles Forrest", "person", aliases=["Форрест"])
    amazon = services.create_entity(case, "Amazon", "organisation")
    services.add_relation(case, amazon.uid, forrest.uid, "employs")
    on_page = services.page_mentions(case, docs["en"], 2)
    assert {(m.name, m.kind) for m in on_page} == {
        ("Charles Forrest", "person"),
        ("Amazon", "organisation"),
    }
    m = services.mentions(case, document_uid=docs["en"], page=2)[0]
    assert m.before + m.text + m.after in EN

    graph = services.entity_graph(case)
    assert {n.name for n in graph.nodes} == {"Charles Forrest", "Amazon"}
    assert [(e.label, e.source) for e in graph.edges] == [("employs", amazon.uid)]
    both = services.entity_graph(case, co_mentions=True)
    co = [e for e in both.edges if not e.label]
    assert len(co) == 1 and co[0].weight == 2  # the Russian article and the filing
