"""Where the last PDF bundle put each document's pages, so a report can cite "B/123".

The bundle exporter calls `record_bundle_map` once a bundle is written: the map goes
into the case's audit log (action `bundle_pages`, beside the `export` entry), so it needs no table
of its own and says who made which bundle when. A report reads the newest one
(`latest_bundle_map`). A case open read-only records nothing; its reports cite
"Doc 4, p. 2" as usual. See `core/export/model.py` (BundlePageMap).
"""

from __future__ import annotations

import json

from sqlalchemy import select

from casefile.core.case import Case
from casefile.core.db import audit
from casefile.core.db.schema import AuditEntry
from casefile.core.export.model import BundlePageMap

ACTION = "bundle_pages"


def record_bundle_map(case: Case, page_map: BundlePageMap) -> bool:
    """Record a bundle just made; False (nothing written) when the case is read-only."""
    if case.readonly:
        return False
    with case.session() as s:
        audit.record(s, ACTION, page_map.path[-200:], None, page_map.to_json())
    return True


def latest_bundle_map(case: Case) -> BundlePageMap | None:
    """The newest bundle's page map, or None if no bundle of this case was recorded."""
    with case.read_session() as s:
        after = s.scalar(
            select(AuditEntry.after)
            .where(AuditEntry.action == ACTION)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        )
    if not after:
        return None
    try:
        return BundlePageMap.from_json(json.loads(after))
    except (ValueError, KeyError, TypeError):
        return None  # an entry written by another version: cite documents instead
