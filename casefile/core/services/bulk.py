"""Edits to many documents at once: the same kind, source, reliability or tag change on
every selected document, as one transaction (all or none), with one audit entry per
document and one index update. The result carries each document's values from before,
so a face can undo the whole edit in one step, restoring what each document had."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from casefile.core.case import Case
from casefile.core.db import audit, work_queue
from casefile.core.db.schema import Document, Tag
from casefile.core.errors import InvalidValueError
from casefile.core.i18n import _
from casefile.core.services.documents import _get, _validated, confirm, get_document
from casefile.core.services.dto import DocumentDetail
from casefile.core.services.sync import sync_index

# Fields that mean the same thing on every document, so one value may go to many.
BULK_FIELDS = ("kind", "source", "reliability_source", "reliability_info")


@dataclass(frozen=True)
class BulkEdit:
    details: tuple[DocumentDetail, ...]
    # Per document, the fields that changed and their values before: restore_documents
    # puts them back ("tags" holds the document's whole tag list).
    before: Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True)
class SharedMetadata:
    """What the selected documents have in common, for a panel editing them together."""

    count: int
    values: Mapping[str, Any]  # field -> the value all share (None if all empty)
    mixed: frozenset[str]  # fields whose values differ
    common_tags: tuple[str, ...] = ()  # tags on every document
    some_tags: tuple[str, ...] = field(default=())  # tags on some, not all


def shared_metadata(case: Case, uids: Sequence[str]) -> SharedMetadata:
    with case.read_session() as s:
        docs = list(
            s.scalars(
                select(Document)
                .where(Document.uid.in_(list(uids)))
                .options(selectinload(Document.tags))
            )
        )
        values: dict[str, Any] = {}
        mixed: set[str] = set()
        for name in BULK_FIELDS:
            seen = {getattr(d, name) for d in docs}
            if len(seen) == 1:
                values[name] = seen.pop()
            elif seen:
                mixed.add(name)
        tag_sets = [{t.name for t in d.tags} for d in docs]
        common = set.intersection(*tag_sets) if tag_sets else set()
        anywhere = set.union(*tag_sets) if tag_sets else set()
        return SharedMetadata(
            len(docs), values, frozenset(mixed), tuple(sorted(common)),
            tuple(sorted(anywhere - common)),
        )  # fmt: skip


def _apply(
    s: Session, uid: str, columns: Mapping[str, Any], tags: Iterable[str] | None
) -> dict[str, Any]:
    """Change one document inside the caller's transaction; returns what it had."""
    doc = _get(s, uid)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for k, v in columns.items():
        if getattr(doc, k) != v:
            before[k], after[k] = getattr(doc, k), v
    if after:
        for k, v in after.items():
            setattr(doc, k, v)
        audit.record(s, "edit_document", doc.uid, before, after)
        confirm(doc, after)
    old_tags = sorted(t.name for t in doc.tags)
    if tags is not None:
        wanted = sorted({t.strip() for t in tags if t.strip()})
        if wanted != old_tags:
            existing = {t.name: t for t in s.scalars(select(Tag).where(Tag.name.in_(wanted)))}
            for name in wanted:
                if name not in existing:
                    existing[name] = Tag(name=name)
                    s.add(existing[name])
                    s.flush()
            doc.tags = [existing[n] for n in wanted]
            audit.record(s, "set_tags", doc.uid, old_tags, wanted)
            before["tags"] = old_tags
    if before:
        doc.revision += 1
        work_queue.enqueue(s, [doc.uid])
    # A date is stored with its bounds; undo needs only the text the user saw.
    for bound in ("date_lower", "date_upper"):
        before.pop(bound, None)
    return before


def _validated_all(changes: Mapping[str, Any]) -> dict[str, Any]:
    columns: dict[str, Any] = {}
    for name, value in changes.items():
        columns.update(_validated(name, value))
    return columns


def _finish(case: Case, before: dict[str, dict[str, Any]]) -> BulkEdit:
    touched = list(before)
    sync_index(case, touched=touched)
    return BulkEdit(tuple(get_document(case, u) for u in touched), before)


def edit_documents(
    case: Case,
    uids: Sequence[str],
    changes: Mapping[str, Any] | None = None,
    *,
    add_tags: Sequence[str] = (),
    remove_tags: Sequence[str] = (),
) -> BulkEdit:
    """Give every document in `uids` the same `changes` (kind, source, reliability) and
    tag additions/removals; other tags each document has are kept."""
    columns = _validated_all(changes or {})
    bad = [f for f in (changes or {}) if f not in BULK_FIELDS]
    if bad:
        raise InvalidValueError(
            _("“%(field)s” belongs to one document; edit it with one document selected.")
            % {"field": bad[0]}
        )
    adding = [t.strip() for t in add_tags if t.strip()]
    removing = {t.strip() for t in remove_tags if t.strip()}
    before: dict[str, dict[str, Any]] = {}
    with case.session() as s:
        for uid in dict.fromkeys(uids):
            tags = None
            if adding or removing:
                current = [t.name for t in _get(s, uid).tags]
                tags = [t for t in current if t not in removing] + adding
            changed = _apply(s, uid, columns, tags)
            if changed:
                before[uid] = changed
    return _finish(case, before)


def restore_documents(case: Case, before: Mapping[str, Mapping[str, Any]]) -> BulkEdit:
    """Put back what `edit_documents` reported as each document's earlier values."""
    edits = {
        uid: (_validated_all({k: v for k, v in values.items() if k != "tags"}), values.get("tags"))
        for uid, values in before.items()
    }
    undone: dict[str, dict[str, Any]] = {}
    with case.session() as s:
        for uid, (columns, tags) in edits.items():
            changed = _apply(s, uid, columns, tags)
            if changed:
                undone[uid] = changed
    return _finish(case, undone)
