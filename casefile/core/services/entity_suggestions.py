"""Entity suggestions (issue 12): names the case does not know yet, ranked by how many
documents mention them; accept (a new entity, its forms as aliases), merge into an
existing entity, or dismiss (remembered, never suggested again).

The reading runs in a worker process (`core/entities/worker.py`), so the caller's (the
GUI's) memory does not grow by the NER model's 230-300 MB.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from casefile.core.case import Case
from casefile.core.db import audit
from casefile.core.db.schema import Document, EntityAlias, SuggestionDismissal
from casefile.core.entities import suggest, worker
from casefile.core.entities.forms import fold, surface_forms
from casefile.core.errors import InvalidValueError
from casefile.core.jobs import JobContext
from casefile.core.services.entities import EntityInfo, add_alias, create_entity

BATCH = 40  # documents per message to the worker


@dataclass(frozen=True)
class Suggestion:
    name: str
    key: str  # the grouping key: lemmas of the words (what a dismissal remembers)
    kind: str
    forms: tuple[str, ...]  # as written in the documents, most frequent first
    documents: int
    rules: tuple[str, ...]  # ner, caps, latin, acronym, email
    also: tuple[str, ...] = ()  # keys of the same name in another script (Амазон)


@dataclass(frozen=True)
class SuggestionSet:
    suggestions: tuple[Suggestion, ...]
    documents_read: int
    complete: bool  # False when cancelled before every document was read
    seconds: float
    worker_peak_rss_mb: float


def _known(case: Case) -> tuple[set[str], set[str]]:
    with case.read_session() as s:
        texts = [(a.text, a.weak) for a in s.scalars(select(EntityAlias))]
        dismissed = set(s.scalars(select(SuggestionDismissal.key)))
    known: set[str] = set()
    for text, weak in texts:
        known.add(suggest.key_of(text))
        known.add(fold(text))
        known.update(fold(f) for f in surface_forms(text, weak=weak))
    return known, dismissed


def _headers(extra: object) -> tuple[str, ...]:
    data = extra
    if isinstance(extra, str):
        try:
            data = json.loads(extra)
        except ValueError:
            return ()
    if not isinstance(data, dict):
        return ()
    return tuple(str(data[k]) for k in ("from", "to", "cc") if isinstance(data.get(k), str))


def _batches(case: Case, uids: list[str]) -> Iterator[list[worker.DocText]]:
    for i in range(0, len(uids), BATCH):
        with case.read_session() as s:
            docs = s.scalars(select(Document).where(Document.uid.in_(uids[i : i + BATCH])))
            yield [
                worker.DocText(d.uid, tuple(p.text for p in d.pages), _headers(d.extra))
                for d in docs
            ]


def suggest_entities(case: Case, ctx: JobContext | None = None) -> SuggestionSet:
    """Read every document for names (cancellable: what was read is still grouped)."""
    t0 = time.perf_counter()
    known, dismissed = _known(case)
    with case.read_session() as s:
        uids = list(s.scalars(select(Document.uid).order_by(Document.id)))
    finds, peak, complete = worker.run(_batches(case, uids), ctx, len(uids))
    groups = suggest.group(finds, known, dismissed)
    out = tuple(
        Suggestion(
            name=suggest.display(g),
            key=g.key,
            kind=suggest.kind_of(g),
            forms=tuple(sorted(g.forms, key=lambda f: -g.forms[f])),
            documents=len(g.documents),
            rules=tuple(sorted(g.rules)),
            also=tuple(sorted(g.also)),
        )
        for g in groups
    )
    return SuggestionSet(out, len(finds), complete, round(time.perf_counter() - t0, 2), peak)


def _pick(result: SuggestionSet, name: str) -> Suggestion:
    want = fold(" ".join(name.split()))
    for x in result.suggestions:
        if want in (fold(x.name), x.key) or want in {fold(f) for f in x.forms}:
            return x
    raise InvalidValueError(f"“{name}” is not among the suggestions; run 'entity suggest' again.")


def accept_suggestion(
    case: Case,
    result: SuggestionSet,
    name: str,
    *,
    kind: str | None = None,
    into: str | None = None,
) -> EntityInfo:
    """A new entity named as suggested (or, with `into`, more aliases for an existing
    one); forms the name's own inflections do not cover become aliases."""
    x = _pick(result, name)
    covered = surface_forms(x.name)
    extra = [f for f in x.forms if fold(f) not in covered and fold(f) != fold(x.name)]
    if into is not None:
        return add_alias(case, into, [x.name, *extra])
    return create_entity(case, x.name, kind or x.kind, aliases=extra)


def dismiss_suggestion(case: Case, result: SuggestionSet, name: str) -> None:
    x = _pick(result, name)
    with case.session() as s:
        for key in (x.key, *x.also):  # in every script it was found in
            if s.get(SuggestionDismissal, key) is None:
                s.add(SuggestionDismissal(key=key, text=x.name))
                audit.record(s, "suggestion.dismiss", None, after={"name": x.name, "key": key})


def dismissed_suggestions(case: Case) -> list[str]:
    with case.read_session() as s:
        return list(s.scalars(select(SuggestionDismissal.text).order_by(SuggestionDismissal.at)))
