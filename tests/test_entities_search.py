"""`entity:` search and the entity facet (issue 12): a document is found under every
alias of an entity it mentions, whichever alias it was found under."""

from __future__ import annotations

from casefile.core import services
from casefile.core.case import Case
from tests.test_entities import add_doc

RU = "Компания VisionLabs получила доступ. Визионлабсу отказали."
EN = "VisionLabs BV and Amazon Web Services signed in 2019."
OTHER = "Nothing about anyone here."


def uids(case: Case, q: str) -> set[str]:
    return {h.uid for h in services.search(case, q, limit=50).hits}


def test_entity_search_under_every_alias_and_facet(case: Case) -> None:
    ru = add_doc(case, "ru", [RU])
    en = add_doc(case, "en", [EN])
    add_doc(case, "other", [OTHER])
    vl = services.create_entity(case, "VisionLabs", "organisation", aliases=["Визионлабс"])
    services.create_entity(case, "Amazon Web Services", "organisation", weak_aliases=["AWS"])
    for q in ('entity:"VisionLabs"', "entity:визионлабс", "entity:Визионлабс", f"entity:{vl.uid}"):
        assert uids(case, q) == {ru, en}, q
    assert uids(case, 'entity:"Amazon Web Services"') == {en}
    assert uids(case, "entity:AWS") == {en}  # an alias it was not found under
    services.add_alias(case, vl.uid, ["ВижнЛабс"])  # a new alias reaches the index
    assert uids(case, "entity:ВижнЛабс") == {ru, en}
    assert uids(case, "entity:Nobody") == set()
    facet = dict(services.search(case, "signed OR отказали").facets["entity"])
    assert facet == {"VisionLabs": 2, "Amazon Web Services": 1}
    filtered = services.search(case, "signed OR отказали", filters={"entity": "VisionLabs"})
    assert {h.uid for h in filtered.hits} == {ru, en}


def test_entity_only_query_lists_the_pages_that_mention_it(case: Case) -> None:
    """`entity:X` used to list a document with no pages (the entity field has no
    positions); the pages are where its mentions are, rejected ones left out."""
    doc = add_doc(case, "three pages", ["Визионлабс на первой.", "Ничего.", "VisionLabs BV here."])
    vl = services.create_entity(case, "VisionLabs", "organisation", aliases=["Визионлабс"])
    for q in ("entity:VisionLabs", "entity:визионлабс", f"entity:{vl.uid}"):
        (hit,) = services.search(case, q).hits
        assert (hit.uid, hit.pages) == (doc, (1, 3)), q
    # Words and an entity: pages of both.
    (hit,) = services.search(case, "ничего entity:VisionLabs").hits
    assert hit.pages == (1, 2, 3)
    # NOT entity: marks no page of its own.
    (hit,) = services.search(case, "ничего -entity:Amazon").hits
    assert hit.pages == (2,)
    first = next(m for m in services.mentions(case, entity=vl.uid) if m.page == 1)
    services.reject_mention(case, first.id)
    (hit,) = services.search(case, "entity:VisionLabs").hits
    assert hit.pages == (3,)
