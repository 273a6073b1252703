"""Exports: what leaves the application (docs/architecture.md, "Exports").

One entry point for every face: `run_export(case, kind, options, out, job)`, where
`kind` is a key of `EXPORTS` ("report", "csv"; the PDF bundle and the case archive add
theirs). Each export runs as a job (progress, Cancel) and writes through
`core.export.base.atomic_output`: a cancelled or failed export leaves nothing behind.
An export speaks the language Casefile speaks when it is made (its headings, column
names, placeholders and dates in words; docs/architecture.md, "Languages"); a report's
or CSV's `lang` option may ask for dates in words in another.

To add a kind: write `export_<kind>(case, options, out, job) -> ExportResult` in a
service module of its own and add one line to `EXPORTS` below; the CLI
(`cli/exports.py`, `EXPORT_COMMANDS`) and the dialog (`ui/dialogs/export.py`, `PAGES`)
each take one more entry too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile.core.case import Case
from casefile.core.db import audit
from casefile.core.errors import InvalidValueError
from casefile.core.export.base import ExportResult
from casefile.core.export.model import (
    CSV_TABLES,
    BundleCitations,
    CsvOptions,
    ReportOptions,
    Scope,
)
from casefile.core.i18n import _, language
from casefile.core.jobs import JobContext, silent
from casefile.core.services.export_gather import gather

__all__ = [
    "EXPORTS",
    "BundleCitations",
    "CsvOptions",
    "ExportChoices",
    "ExportResult",
    "ReportOptions",
    "Scope",
    "bundle_citations",
    "export_choices",
    "export_csv",
    "export_report",
    "run_export",
]

ExportFn = Callable[[Case, Any, Path, JobContext], ExportResult]


def export_report(case: Case, options: ReportOptions, out: Path, job: JobContext) -> ExportResult:
    """A DOCX report of the case (core/export/report_docx.py)."""
    from casefile.core.export.report_docx import DocxReport

    bundle = bundle_citations(case) if options.bundle_pages else None
    data = gather(
        case,
        options.scope,
        job,
        author=options.author,
        summary=options.summary,
        saved_searches=options.saved_searches,
        hits_per_search=options.hits_per_search,
        bundle=bundle,
        lang=options.lang or language(),
    )
    return DocxReport().export(data, options, Path(out), job)


def bundle_citations(case: Case) -> BundleCitations | None:
    """Where the newest bundle of the case put each document, so that the report cites
    "B/123" (the bundle service, `services/bundles.py`, records it); None when no
    bundle was made."""
    from casefile.core.services.bundle_places import bundle_places

    places: BundleCitations | None = bundle_places(case)
    return places


def export_csv(case: Case, options: CsvOptions, out: Path, job: JobContext) -> ExportResult:
    """CSV files of the case, one per table, in the folder `out` (core/export/csv_tables.py)."""
    from casefile.core.export.csv_tables import CsvExporter

    unknown = [t for t in options.tables if t not in CSV_TABLES]
    if unknown:
        raise InvalidValueError(
            _("“%(table)s” is not a table Casefile exports; choose from: %(tables)s.")
            % {"table": unknown[0], "tables": ", ".join(CSV_TABLES)}
        )
    data = gather(
        case,
        options.scope,
        job,
        with_mentions="mentions" in options.tables,
        lang=options.lang or language(),
    )
    return CsvExporter().export(data, options, Path(out), job)


def export_bundle(case: Case, options: Any, out: Path, job: JobContext) -> ExportResult:
    """A PDF court bundle (services/bundles.py; options: `BundleChoices`)."""
    from casefile.core.services import bundles

    return bundles.export_bundle(case, options, out, job)


def export_archive(case: Case, options: Any, out: Path, job: JobContext) -> ExportResult:
    """The whole case as one .casezip (services/archive.py; no options)."""
    from casefile.core.services import archive

    return archive.export_archive(case, options, out, job)


# kind -> the service that makes it.
EXPORTS: dict[str, ExportFn] = {
    "report": export_report,
    "csv": export_csv,
    "bundle": export_bundle,
    "archive": export_archive,
}


def run_export(
    case: Case, kind: str, options: Any, out: Path | str, job: JobContext | None = None
) -> ExportResult:
    """Make one export; recorded in the audit log (who exported what, where) unless the
    case is open read-only."""
    fn = EXPORTS.get(kind)
    if fn is None:
        raise InvalidValueError(
            _("Casefile cannot export “%(kind)s”; choose one of: %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(EXPORTS)}
        )
    result = fn(case, options, Path(out), job or silent())
    if not case.readonly:
        with case.session() as s:
            audit.record(
                s,
                "export",
                str(result.path)[-200:],
                None,
                {"kind": kind, "files": [str(p) for p in result.files] or [str(result.path)]},
            )
    return result


@dataclass(frozen=True)
class ExportChoices:
    """What an export dialog offers to choose from (read on a reader thread)."""

    title: str
    tags: tuple[str, ...]
    entities: tuple[str, ...]  # names
    saved_searches: tuple[str, ...]
    events: int
    documents: int
    # The tags some document carries (a bundle's sections by tag; `tags` also holds
    # those only events carry, which scope a report's chronology).
    document_tags: tuple[str, ...] = ()
    # The bundle's default sections with titles and dates, to arrange by hand (empty
    # for a case too large to arrange document by document).
    bundle_draft: tuple[Any, ...] = ()


# A bundle is arranged document by document only up to this size (a court bundle of
# more documents is made by kind or by tag; a list of 100,000 rows helps nobody).
ARRANGE_BY_HAND_MAX = 5000


def export_choices(case: Case) -> ExportChoices:
    from sqlalchemy import func, select

    from casefile.core.db.schema import Event, Tag
    from casefile.core.services.documents import count_documents, list_tags
    from casefile.core.services.entities import list_entities
    from casefile.core.services.search import list_saved_searches

    with case.read_session() as s:
        tags = tuple(s.scalars(select(Tag.name).order_by(Tag.name)))
        events = s.scalar(select(func.count(Event.id))) or 0
    documents = count_documents(case)
    draft: tuple[Any, ...] = ()
    if documents <= ARRANGE_BY_HAND_MAX:
        from casefile.core.services.bundles import draft_arrangement

        draft = draft_arrangement(case)
    return ExportChoices(
        title=case.title,
        tags=tags,
        entities=tuple(e.name for e in list_entities(case)),
        saved_searches=tuple(x.name for x in list_saved_searches(case)),
        events=events,
        documents=documents,
        bundle_draft=draft,
        document_tags=tuple(name for name, _n in list_tags(case)),
    )
