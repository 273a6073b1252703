"""Import use cases for the faces (the work itself is in `casefile.core.ingest`)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from sqlalchemy import select

from casefile.core.case import Case
from casefile.core.db.schema import Document
from casefile.core.i18n import _
from casefile.core.ingest.importer import import_paths as _import_paths
from casefile.core.ingest.intake import ImportOptions
from casefile.core.ingest.reextract import reextract, reextraction_pool
from casefile.core.ingest.workers import ExtractionPool
from casefile.core.jobs import JobContext
from casefile.core.services.documents import get_document
from casefile.core.services.dto import DocumentDetail, ImportSummary
from casefile.core.services.sync import stage_index, sync_index

__all__ = [
    "ImportOptions",
    "import_paths",
    "prepare_import",
    "reextract_document",
    "reextract_documents",
]


def prepare_import() -> None:
    """Start the extraction workers' fork server ahead of time (about a second of
    loading), so a face can call it in the background and the first import starts at once.
    Safe to call more than once."""
    from casefile.core.ingest.workers import warm_up

    warm_up()


def import_paths(
    case: Case,
    paths: Iterable[str | os.PathLike[str]],
    ctx: JobContext | None = None,
    *,
    kind: str | None = None,
    source: str | None = None,
    password: str | None = None,
    timeout_s: float = 60.0,
    memory_mb: int = 1536,
    follow_links: bool = False,
) -> ImportSummary:
    """Import files and folders (recursively). Never raises for a bad file: each file's
    fate is in the summary. Cancelling through `ctx` keeps every file already written.
    Only regular files are read; links leading out of an imported folder are skipped
    unless `follow_links` (then the target is recorded on the document)."""
    case.require_writable()
    options = ImportOptions(
        kind=kind,
        source=source,
        password=password,
        timeout_s=timeout_s,
        memory_mb=memory_mb,
        follow_links=follow_links,
    )
    done = _import_paths(case, paths, ctx, options, _sync_backlog, stage_index)
    return ImportSummary(done.outcomes, cancelled=done.cancelled)


def _sync_backlog(case: Case) -> None:
    """The import's index sync: the import owns the backlog (`case.indexing_in_bulk`),
    so this indexes everything the queue holds."""
    sync_index(case, None)


def reextract_document(
    case: Case, uid: str, password: str | None = None, pool: ExtractionPool | None = None
) -> DocumentDetail:
    """Read a stored original again, e.g. with the password of a protected PDF; the
    chronology's quotes from it are then found again on the new text (or flagged lost).
    `pool`: extraction workers kept for a batch (`reextract_documents`)."""
    from casefile.core.services.chronology import reanchor_citations

    reextract(case, uid, password, pool)
    sync_index(case, touched=[uid])
    reanchor_citations(case, uid)
    return get_document(case, uid)


def reextract_documents(
    case: Case, uids: Sequence[str] | None = None, ctx: JobContext | None = None
) -> list[DocumentDetail]:
    """Read stored originals again with this version's extractors: the documents
    `uids`, or every PDF (an older version read PDF text with its typesetting artefacts,
    "Assuranc e" and "ASSISTANTENGLERT"). Each is replaced, audited and re-indexed as
    `reextract_document` does; cancelling keeps those already done."""
    case.require_writable()
    with case.read_session() as s:
        if uids is None:
            uids = list(
                s.scalars(
                    select(Document.uid).where(Document.file_type == "pdf").order_by(Document.id)
                )
            )
        # Progress names the document by its title, as the user knows it, not its uid.
        titles = {u: t for u, t in s.execute(select(Document.uid, Document.title))}
    done: list[DocumentDetail] = []
    with reextraction_pool(case) as pool:  # one worker start for the whole batch
        for n, uid in enumerate(uids):
            if ctx is not None:
                ctx.raise_if_cancelled()
                ctx.report(n, len(uids), titles.get(uid) or uid)
            done.append(reextract_document(case, uid, pool=pool))
    if ctx is not None:
        ctx.report(len(uids), len(uids), _("Done"))
    return done
