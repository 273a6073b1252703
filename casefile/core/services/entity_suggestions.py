"""Entity suggestions (issue 12): names the case does not know yet, ranked by how many
documents mention them; accept (a new entity, its forms as aliases), merge into an
existing entity, or dismiss (remembered, never suggested again).

The reading runs in a worker process (`core/entities/worker.py`), so the caller's (the
GUI's) memory does not grow by the NER model's 230-300 MB.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from casefile.core.case import Case
from casefile.core.db import audit
from casefile.core.db.schema import (
    Document,
    Entity,
    EntityAlias,
    SuggestionDismissal,
    SuggestionRead,
)
from casefile.core.entities import suggest, worker
from casefile.core.entities.forms import fold, surface_forms
from casefile.core.errors import InvalidValueError
from casefile.core.i18n import _
from casefile.core.jobs import JobContext
from casefile.core.services.entities import EntityInfo, add_alias, create_entity

BATCH = 40  # documents per message to the worker
READER_VERSION = "1"  # change when the rules change: every document is read again


@dataclass(frozen=True)
class Suggestion:
    name: str
    key: str  # the grouping key: lemmas of the words (what a dismissal remembers)
    kind: str
    forms: tuple[str, ...]  # as written in the documents, most frequent first
    documents: int
    rules: tuple[str, ...]  # ner, caps, latin, acronym, email
    also: tuple[str, ...] = ()  # keys of the same name in another script (Амазон)
    like: tuple[str, str] | None = None  # (uid, name) of an entity whose alias sounds alike


@dataclass(frozen=True)
class SuggestionSet:
    suggestions: tuple[Suggestion, ...]
    documents_read: int
    complete: bool  # False when cancelled before every document was read
    seconds: float
    worker_peak_rss_mb: float
    documents_cached: int = 0  # read by an earlier run and unchanged since


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


def _sounds_alike(case: Case) -> dict[str, tuple[str, str]]:
    """Known entities by the skeleton of each alias (`suggest.skeleton`), so that
    "Амазон", found when the case knows "Amazon", is offered as Amazon's alias."""
    with case.read_session() as s:
        rows = s.execute(
            select(EntityAlias.text, Entity.uid, Entity.name)
            .join(Entity, Entity.id == EntityAlias.entity_id)
            .where(EntityAlias.weak.is_(False))
        ).all()
    out: dict[str, tuple[str, str]] = {}
    for text, uid, name in rows:
        sk = suggest.skeleton(text)
        if len(sk.replace(" ", "")) >= suggest.MIN_SKELETON:
            out.setdefault(sk, (uid, name))
    return out


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


def suggest_entities(
    case: Case, ctx: JobContext | None = None, *, fresh: bool = False
) -> SuggestionSet:
    """Read every document for names (cancellable: what was read is still grouped).

    What the worker finds in a document is kept (`suggestion_read`) as each batch comes
    back, so a run stopped midway resumes where it stopped and a later run reads only
    documents that are new or whose text changed; `fresh` reads everything again."""
    t0 = time.perf_counter()
    known, dismissed = _known(case)
    with case.read_session() as s:
        ids = dict(s.execute(select(Document.uid, Document.id).order_by(Document.id)).all())
        saved = {r.document_id: (r.digest, r.finds) for r in s.scalars(select(SuggestionRead))}
    uids = list(ids)
    finds: dict[str, list[suggest.Find]] = {}
    digests: dict[str, str] = {}
    to_read: list[str] = []
    for batch in _batches(case, uids):  # the texts once more: hashing is cheap, NER is not
        for d in batch:
            digests[d.uid] = _digest(d)
            got = saved.get(ids[d.uid])
            if got is not None and got[0] == digests[d.uid] and not fresh:
                finds[d.uid] = _decode(got[1])
            else:
                to_read.append(d.uid)
    cached = len(finds)
    writable = not getattr(case, "readonly", False)

    def keep(result: dict[str, list[suggest.Find]]) -> None:
        if writable:
            _keep(case, {ids[u]: (digests[u], fs) for u, fs in result.items()})

    peak, complete = 0.0, True
    if to_read:
        read, peak, complete = worker.run(
            _batches(case, to_read), ctx, len(uids), on_batch=keep, done_before=cached
        )
        finds.update(read)
    elif ctx is not None:
        ctx.report(len(uids), len(uids), _("Reading names"))
    groups = suggest.group(finds, known, dismissed)
    alike = _sounds_alike(case)
    out = tuple(
        Suggestion(
            name=suggest.display(g),
            key=g.key,
            kind=suggest.kind_of(g),
            forms=tuple(sorted(g.forms, key=lambda f: -g.forms[f])),
            documents=len(g.documents),
            rules=tuple(sorted(g.rules)),
            also=tuple(sorted(g.also)),
            like=alike.get(suggest.skeleton(g.key)),
        )
        for g in groups
    )
    return SuggestionSet(
        out, len(finds), complete, round(time.perf_counter() - t0, 2), peak, cached
    )


def _digest(d: worker.DocText) -> str:
    """What a document's finds depend on: its text, its e-mail headers and the rules."""
    h = hashlib.sha256(READER_VERSION.encode())
    for part in (*d.pages, "\x00headers", *d.headers):
        h.update(b"\x00")
        h.update(part.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _decode(text: str) -> list[suggest.Find]:
    return [suggest.Find(t, k, r, bool(i)) for t, k, r, i in json.loads(text)]


def _keep(case: Case, rows: dict[int, tuple[str, list[suggest.Find]]]) -> None:
    """Store a batch's finds (documents deleted meanwhile are skipped)."""
    with case.session() as s:
        alive = set(s.scalars(select(Document.id).where(Document.id.in_(list(rows)))))
        for doc_id, (digest, fs) in rows.items():
            if doc_id in alive:
                data = json.dumps(
                    [[f.text, f.kind, f.rule, f.initial] for f in fs], ensure_ascii=False
                )
                s.merge(SuggestionRead(document_id=doc_id, digest=digest, finds=data))


def _pick(result: SuggestionSet, name: str) -> Suggestion:
    want = fold(" ".join(name.split()))
    for x in result.suggestions:
        if want in (fold(x.name), x.key) or want in {fold(f) for f in x.forms}:
            return x
    raise InvalidValueError(
        _("“%(name)s” is not among the suggestions; run 'entity suggest' again.") % {"name": name}
    )


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
