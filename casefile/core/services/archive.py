"""The case archive as use cases: export a whole case to one `.casezip`, and import one
into a new case folder, then rebuild its index (docs/architecture.md, the case folder:
the index is derived, so it never travels).

The archive's format and its checks live in `core/export/archive.py` and
`core/export/archive_import.py`; this module adds what needs the services: opening the
new case (wiring) and rebuilding its search index with progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casefile.core.case import Case
from casefile.core.export.archive import SUFFIX, ArchiveExporter, ArchiveOptions
from casefile.core.export.archive_import import ArchiveError, unpack
from casefile.core.export.base import ExportResult
from casefile.core.export.labels import number
from casefile.core.i18n import _, ngettext
from casefile.core.jobs import Cancelled, JobContext, silent
from casefile.core.services.cases import open_case
from casefile.core.services.documents import count_documents
from casefile.core.services.search import ensure_index

__all__ = [
    "SUFFIX",
    "ArchiveError",
    "ArchiveOptions",
    "ImportedArchive",
    "export_archive",
    "import_archive",
]


def export_archive(
    case: Case,
    options: ArchiveOptions | None,
    out: str | Path,
    job: JobContext | None = None,
) -> ExportResult:
    """Write the whole case (database snapshot, originals, manifest) to `out`.casezip.
    The signature of every export service (services/exports)."""
    return ArchiveExporter().export(case, options or ArchiveOptions(), Path(out), job or silent())


@dataclass(frozen=True)
class ImportedArchive:
    path: Path
    documents: int
    indexed: bool  # False when the index rebuild was cancelled (it is rebuilt on open)
    summary: str


def import_archive(
    archive: str | Path, target: str | Path, job: JobContext | None = None
) -> ImportedArchive:
    """Unpack `archive` into a new case folder at `target`, then rebuild its index. A
    refused archive leaves nothing; a cancelled index rebuild leaves a complete case
    whose index is rebuilt the next time it opens."""
    job = job or silent()
    folder = unpack(Path(archive), Path(target), job)
    indexed = True
    with open_case(folder) as case:
        documents = count_documents(case)
        job.report(0, documents, _("Rebuilding the search index"))
        try:
            ensure_index(case, job)
        except Cancelled:
            indexed = False
    summary = ngettext(
        "The case was imported with %(n)s document into %(folder)s.",
        "The case was imported with %(n)s documents into %(folder)s.",
        documents,
    ) % {"n": number(documents), "folder": folder}
    if not indexed:
        summary += " " + _("Its search index will be rebuilt the next time it is opened.")
    return ImportedArchive(folder, documents, indexed, summary)
