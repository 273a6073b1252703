"""Confirming what Casefile suggested: a kind guess, a date from the file's properties,
a title from its name. Until a person confirms a field (or edits it, see
`documents.update_document`), the faces show it as a suggestion."""

from __future__ import annotations

from collections.abc import Sequence

from casefile.core.case import Case
from casefile.core.db import audit
from casefile.core.services.documents import _get, confirm, get_document, suggested_of
from casefile.core.services.dto import DocumentDetail


def confirm_suggestions(
    case: Case, uid: str, fields: Sequence[str] | None = None
) -> DocumentDetail:
    """Accept the suggested `fields` (all of them if None) as they are; audited."""
    with case.session() as s:
        doc = _get(s, uid)
        wanted = suggested_of(doc) if fields is None else fields
        confirmed = confirm(doc, wanted)
        if confirmed:
            values = {f: getattr(doc, f) for f in confirmed}
            audit.record(s, "confirm_metadata", doc.uid, None, values)
    return get_document(case, uid)


def suggest_again(case: Case, uid: str, fields: Sequence[str]) -> DocumentDetail:
    """Undo of a confirmation: `fields` are shown as Casefile's suggestions again (their
    values are untouched); audited like the confirmation it undoes."""
    with case.session() as s:
        doc = _get(s, uid)
        had = suggested_of(doc)
        back = [f for f in fields if f not in had]
        if back:
            doc.suggested_fields = ",".join([*had, *back])
            audit.record(s, "unconfirm_metadata", doc.uid, None, {"fields": back})
    return get_document(case, uid)
