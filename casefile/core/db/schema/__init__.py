"""The case database: SQLAlchemy 2 typed models.

The database is the truth (docs/architecture.md, the case folder): every thing the user
made lives here, and the search index is derived from it. Schema changes are Alembic
migrations in `casefile/core/db/migrations/versions`; never change a table here without
adding one.

The tables are grouped by what they record, one module each (documents, the case's own
bookkeeping, entities, chronology, OCR, bundles), all mapped on one `Base`; this package
names them all, so callers import from `casefile.core.db.schema` and need not know
which module holds a table.
"""

from __future__ import annotations

from casefile.core.db.schema.base import Base, utcnow
from casefile.core.db.schema.bookkeeping import AuditEntry, CaseInfo, WorkItem
from casefile.core.db.schema.bundles import Bundle, BundleDocument
from casefile.core.db.schema.chronology import (
    DateDismissal,
    Event,
    EventCitation,
    EventEntity,
    event_tag,
)
from casefile.core.db.schema.documents import Document, Page, SavedSearch, Tag, document_tag
from casefile.core.db.schema.entities import (
    Entity,
    EntityAlias,
    Mention,
    Relation,
    RelationCitation,
    SuggestionDismissal,
    SuggestionRead,
)
from casefile.core.db.schema.ocr import PageOcr

__all__ = [
    "AuditEntry",
    "Base",
    "Bundle",
    "BundleDocument",
    "CaseInfo",
    "DateDismissal",
    "Document",
    "Entity",
    "EntityAlias",
    "Event",
    "EventCitation",
    "EventEntity",
    "Mention",
    "Page",
    "PageOcr",
    "Relation",
    "RelationCitation",
    "SavedSearch",
    "SuggestionDismissal",
    "SuggestionRead",
    "Tag",
    "WorkItem",
    "document_tag",
    "event_tag",
    "utcnow",
]
