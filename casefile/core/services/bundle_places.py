"""Where the documents of a case's bundles landed: written when a bundle is made, read
when a report cites a document's bundle page ("B/123"). Tables `bundle` and
`bundle_document` (migration 0012); the newest ten bundles are kept. The making of the
bundle itself is `services/bundles.py`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, select

from casefile.core.case import Case
from casefile.core.db import audit
from casefile.core.db.schema import Bundle, Document
from casefile.core.db.schema import BundleDocument as BundleRow
from casefile.core.export.bundle import BundleOptions, BundleResult, PlacedDocument, Reproduction


def record_bundle(
    case: Case,
    result: BundleResult,
    title: str,
    options: BundleOptions,
) -> None:
    """Where every document landed, and an audit entry saying the bundle was made: one
    transaction. Nothing is recorded in a case open read-only."""
    if case.readonly:
        return
    with case.session() as s:
        row = Bundle(
            title=title,
            path=str(result.files[0]),
            page_style=options.page_style.value,
            volumes=result.volumes,
            pages=result.pages,
        )
        s.add(row)
        s.flush()
        for p in result.placed:
            s.add(
                BundleRow(
                    bundle_id=row.id,
                    document_uid=p.uid,
                    section=p.section,
                    volume=p.volume,
                    first_page=p.first_page,
                    last_page=p.last_page,
                    first_label=p.first_label,
                    last_label=p.last_label,
                    reproduction=p.reproduction.value,
                    page_starts=json.dumps(list(p.page_starts)) if p.page_starts else None,
                )
            )
        # Keep the places of the last few bundles only: a report cites the newest.
        old = s.scalars(select(Bundle.id).order_by(Bundle.id.desc()).offset(10)).all()
        if old:
            s.execute(delete(Bundle).where(Bundle.id.in_(old)))
        audit.record(
            s,
            "bundle.make",
            target=str(result.files[0]),
            after={
                "title": title,
                "files": [str(f) for f in result.files],
                "pages": result.pages,
                "volumes": result.volumes,
                "documents": len(result.placed),
            },
        )


@dataclass(frozen=True)
class BundlePlaces:
    """The newest bundle of a case and where each of its documents is."""

    title: str
    path: str
    made_at: str
    places: Mapping[str, PlacedDocument]  # by document uid

    def cite(self, uid: str, page: int = 1) -> str | None:
        """ "B/123" for the document's own page `page`, or None if it is not in it."""
        place = self.places.get(uid)
        return place.cite(page) if place else None


def bundle_places(case: Case) -> BundlePlaces | None:
    """Where the documents are in the newest bundle made of the case (None: no bundle
    yet). A report cites "B/123" from this."""
    with case.read_session() as s:
        bundle = s.scalars(select(Bundle).order_by(Bundle.id.desc()).limit(1)).first()
        if bundle is None:
            return None
        rows = s.scalars(select(BundleRow).where(BundleRow.bundle_id == bundle.id)).all()
        titles: dict[str, str] = {
            uid: title
            for uid, title in s.execute(
                select(Document.uid, Document.title).where(
                    Document.uid.in_([r.document_uid for r in rows])
                )
            )
        }
        places = {
            r.document_uid: PlacedDocument(
                uid=r.document_uid,
                title=titles.get(r.document_uid, ""),
                section=r.section,
                volume=r.volume,
                first_page=r.first_page,
                last_page=r.last_page,
                first_label=r.first_label,
                last_label=r.last_label,
                reproduction=Reproduction(r.reproduction),
                page_starts=tuple(json.loads(r.page_starts)) if r.page_starts else None,
                volumes=bundle.volumes,
            )
            for r in rows
        }
        return BundlePlaces(bundle.title, bundle.path, bundle.made_at.isoformat(), places)
