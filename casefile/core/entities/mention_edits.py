"""A person's changes to mentions: a found mention rejected, a selection tagged by hand
(docs/architecture.md, "Entities").

Like `store`, each function works inside the caller's session, records its audit entry
and queues the document for the index. Matching never undoes either change: a rejected
mention stays rejected and a manual one is never removed by a re-match.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.core.db import audit
from casefile.core.db.schema import Document, Entity, Mention
from casefile.core.entities.store import reindex
from casefile.core.errors import InvalidValueError
from casefile.core.i18n import _


def reject_mention(s: Session, mention_id: int) -> Mention:
    """A found mention marked wrong: it stops counting and stays rejected after
    re-matching."""
    return set_rejected(s, mention_id, True)


def set_rejected(s: Session, mention_id: int, rejected: bool) -> Mention:
    """Reject a mention, or undo that (`rejected` False), audited, its document queued
    for the index."""
    m = s.get(Mention, mention_id)
    if m is None:
        missing = (
            _("There is no mention %(id)s; list them with 'entity show'.")
            if rejected
            else _("There is no mention %(id)s; it was removed already.")
        )
        raise InvalidValueError(missing % {"id": mention_id})
    m.rejected = rejected
    s.flush()
    e = s.get(Entity, m.entity_id)
    action = "mention.reject" if rejected else "mention.unreject"
    audit.record(s, action, e.uid if e else None, after=mention_note(s, m))
    reindex(s, [s.get(Document, m.document_id).uid])  # type: ignore[union-attr]
    return m


def add_mention(s: Session, e: Entity, doc: Document, page: int, start: int, end: int) -> Mention:
    """A manual mention (the user tagged a selection); matching never removes it."""
    text = _page_text(s, doc.id, page)
    if not (0 <= start < end <= len(text)):
        raise InvalidValueError(
            _(
                "Characters %(start)s-%(end)s are not on page %(page)s of this document (it "
                "has %(n)d)."
            )
            % {"start": start, "end": end, "page": page, "n": len(text)}
        )
    m = s.scalar(
        select(Mention).where(
            Mention.entity_id == e.id,
            Mention.document_id == doc.id,
            Mention.page == page,
            Mention.start == start,
            Mention.end == end,
        )
    )
    if m is None:
        m = Mention(entity_id=e.id, document_id=doc.id, page=page, start=start, end=end)
        s.add(m)
    m.manual, m.rejected = True, False
    s.flush()
    audit.record(s, "mention.add", e.uid, after=mention_note(s, m))
    reindex(s, [doc.uid])
    return m


def _page_text(s: Session, doc_id: int, page: int) -> str:
    from casefile.core.db.schema import Page

    text = s.scalar(select(Page.text).where(Page.document_id == doc_id, Page.number == page))
    if text is None:
        raise InvalidValueError(_("The document has no page %(page)s.") % {"page": page})
    return text


def mention_note(s: Session, m: Mention) -> dict[str, object]:
    doc = s.get(Document, m.document_id)
    text = _page_text(s, m.document_id, m.page)
    return {
        "document": doc.uid if doc else None,
        "page": m.page,
        "start": m.start,
        "end": m.end,
        "text": text[m.start : m.end],
    }
