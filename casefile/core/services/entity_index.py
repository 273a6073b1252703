"""Which documents may hold an alias, asked of the search index (issue 12).

A new or changed alias must be looked for again, but only where its words are: every
surface form of the alias (its cases, possessives) is run through the index's own text
analyzer, and a document is a candidate when it holds all the terms of some form. So
adding an alias to a large case re-reads a handful of documents, not all of them.

The answer must never miss a document: documents whose index update is still queued
are added, and when the index is missing or being rebuilt the answer is "cannot tell"
(None), and the caller matches every document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, or_, select
from whoosh import query as wq

from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import Document, Entity, EntityAlias, Mention, WorkItem
from casefile.core.entities.forms import surface_forms
from casefile.core.search.case_index import attach


def _terms(field: Any, text: str) -> list[str]:
    return [t for t in field.process_text(text, mode="query") if t]


def alias_query(field: Any, texts: Sequence[str]) -> wq.Query | None:
    """Any form of any alias, each form as the AND of its terms."""
    forms: list[wq.Query] = []
    for text in texts:
        # Both readings: the caller may not say which aliases are weak, and the
        # analyzer folds case anyway.
        for form in surface_forms(text, weak=True) | surface_forms(text):
            terms = _terms(field, form)
            if terms:
                forms.append(wq.And([wq.Term("text", t) for t in dict.fromkeys(terms)]))
    return wq.Or(forms) if forms else None


def candidate_documents(case: Case, texts: Sequence[str]) -> set[str] | None:
    si = attach(case)
    if not si.usable or getattr(si, "rebuilding", False):
        return None
    try:
        with si.lock:
            searcher = si.searcher()
            q = alias_query(si.ix.schema["text"], texts)  # type: ignore[union-attr]
            if q is None:
                return set()
            docnums = set(searcher.docs_for_query(q))
            uids: set[str] = set()
            for rows, offset in si.tables.rows_for(searcher.reader()):
                for i, row in enumerate(rows):
                    if row is not None and offset + i in docnums:
                        uids.add(row.uid)
    except Exception:  # a damaged index: the caller matches everything (never misses)
        return None
    with case.read_session() as s:  # not in the index yet: look there too
        uids.update(
            s.scalars(select(WorkItem.document_uid).where(WorkItem.kind == work_queue.INDEX))
        )
    return uids


def mention_pages(
    case: Case, doc_uids: Sequence[str], terms: frozenset[str]
) -> dict[str, Counter[int]]:
    """Per document, mentions per page of the entities an `entity:` query names (by uid
    or by any alias, as the index's entity field holds them): the pages a result lists
    for a query that names an entity but no word of the text."""
    if not doc_uids or not terms:
        return {}
    folded = {t.replace("ё", "е") for t in terms}
    with case.read_session() as s:
        # Folded as `search.entity_fields` folds them for the index (SQLite's lower()
        # knows only ASCII, so in Python).
        by_alias = {
            e
            for e, text in s.execute(select(EntityAlias.entity_id, EntityAlias.text))
            if " ".join(text.replace(",", " ").lower().split()).replace("ё", "е") in folded
        }
        rows = s.execute(
            select(Document.uid, Mention.page, func.count())
            .join(Document, Document.id == Mention.document_id)
            .join(Entity, Entity.id == Mention.entity_id)
            .where(
                Document.uid.in_(list(doc_uids)),
                Mention.rejected.is_(False),
                or_(Entity.uid.in_(list(terms)), Mention.entity_id.in_(list(by_alias))),
            )
            .group_by(Document.uid, Mention.page)
        )
        out: dict[str, Counter[int]] = {}
        for uid, page, n in rows:
            out.setdefault(uid, Counter())[page] = n
    return out
