"""CSV files of a case for spreadsheets: documents, entities, mentions, chronology.

One file per table, one row per record, column names that never change once shipped
(a user's spreadsheet formulas refer to them). The names are in the language Casefile
speaks when the files are written (people read them in a spreadsheet), each language's
fixed; the cells hold the case's values as stored (vocabulary codes, EDTF dates), so
filters work whatever the language. UTF-8 with a byte-order mark, so Excel reads
Cyrillic without an import wizard; CRLF line ends, as RFC 4180 says.

A cell is data, never a formula: text beginning with `=`, `+`, `-`, `@`, a tab or a
carriage return (OWASP, "CSV Injection") is prefixed with an apostrophe, which
spreadsheet programs show as text and do not evaluate. Numbers stay numbers.
Several values in one cell (aliases, tags, citations) are joined with " | ".
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from casefile.core.export.base import ExportResult, atomic_output
from casefile.core.export.labels import number
from casefile.core.export.model import CaseExport, CsvOptions
from casefile.core.i18n import _, ngettext, pgettext
from casefile.core.jobs import JobContext

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
JOIN = " | "

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "number",
        "uid",
        "title",
        "kind",
        "date",
        "date_words",
        "source",
        "author",
        "url",
        "languages",
        "reliability_source",
        "reliability_info",
        "pages",
        "status",
        "sha256",
        "size",
        "original_filename",
        "imported_at",
        "tags",
        "notes",
    ),
    "entities": (
        "uid",
        "name",
        "kind",
        "aliases",
        "weak_aliases",
        "former_names",
        "notes",
        "reliability_source",
        "reliability_info",
        "documents",
        "mentions",
    ),
    "mentions": (
        "id",
        "entity_uid",
        "entity_name",
        "document_uid",
        "document_title",
        "page",
        "start",
        "end",
        "text",
        "manual",
    ),
    "chronology": (
        "uid",
        "date",
        "date_words",
        "date_lower",
        "date_upper",
        "title",
        "description",
        "entities",
        "tags",
        "citations",
        "flags",
    ),
}


def file_name(table: str) -> str:
    """The file a table is written to, named in the current language like its columns
    ("documents.csv", «документы.csv»)."""
    stems = {
        "documents": pgettext("CSV file name", "documents"),
        "entities": pgettext("CSV file name", "entities"),
        "mentions": pgettext("CSV file name", "mentions"),
        "chronology": pgettext("CSV file name", "chronology"),
    }
    return f"{stems.get(table, table)}.csv"


def column_names() -> dict[str, str]:
    """Each column's name in the current language (the English names are the keys)."""
    return {
        "number": pgettext("CSV column", "number"),
        "uid": pgettext("CSV column", "uid"),
        "title": pgettext("CSV column", "title"),
        "kind": pgettext("CSV column", "kind"),
        "date": pgettext("CSV column", "date"),
        "date_words": pgettext("CSV column", "date_words"),
        "source": pgettext("CSV column", "source"),
        "author": pgettext("CSV column", "author"),
        "url": pgettext("CSV column", "url"),
        "languages": pgettext("CSV column", "languages"),
        "reliability_source": pgettext("CSV column", "reliability_source"),
        "reliability_info": pgettext("CSV column", "reliability_info"),
        "pages": pgettext("CSV column", "pages"),
        "status": pgettext("CSV column", "status"),
        "sha256": pgettext("CSV column", "sha256"),
        "size": pgettext("CSV column", "size"),
        "original_filename": pgettext("CSV column", "original_filename"),
        "imported_at": pgettext("CSV column", "imported_at"),
        "tags": pgettext("CSV column", "tags"),
        "notes": pgettext("CSV column", "notes"),
        "name": pgettext("CSV column", "name"),
        "aliases": pgettext("CSV column", "aliases"),
        "weak_aliases": pgettext("CSV column", "weak_aliases"),
        "former_names": pgettext("CSV column", "former_names"),
        "documents": pgettext("CSV column", "documents"),
        "mentions": pgettext("CSV column", "mentions"),
        "id": pgettext("CSV column", "id"),
        "entity_uid": pgettext("CSV column", "entity_uid"),
        "entity_name": pgettext("CSV column", "entity_name"),
        "document_uid": pgettext("CSV column", "document_uid"),
        "document_title": pgettext("CSV column", "document_title"),
        "page": pgettext("CSV column", "page"),
        "start": pgettext("CSV column", "start"),
        "end": pgettext("CSV column", "end"),
        "text": pgettext("CSV column", "text"),
        "manual": pgettext("CSV column", "manual"),
        "date_lower": pgettext("CSV column", "date_lower"),
        "date_upper": pgettext("CSV column", "date_upper"),
        "description": pgettext("CSV column", "description"),
        "entities": pgettext("CSV column", "entities"),
        "citations": pgettext("CSV column", "citations"),
        "flags": pgettext("CSV column", "flags"),
    }


def neutralise(value: object) -> object:
    """A cell as written: None is empty, text that a spreadsheet would run as a formula
    gets a leading apostrophe, numbers are left as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return pgettext("CSV cell", "yes") if value else pgettext("CSV cell", "no")
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _joined(values: Iterable[str]) -> str:
    return JOIN.join(values)


def _rows(data: CaseExport, table: str) -> Iterator[Sequence[object]]:
    if table == "documents":
        for d in data.documents:
            yield (
                d.number,
                d.uid,
                d.title,
                d.kind,
                d.date,
                d.date_words,
                d.source,
                d.author,
                d.url,
                ",".join(d.languages),
                d.reliability_source,
                d.reliability_info,
                d.page_count,
                d.status,
                d.sha256,
                d.size,
                d.original_filename,
                d.imported_at.isoformat(timespec="seconds"),
                _joined(d.tags),
                d.notes,
            )
    elif table == "entities":
        for e in data.entities:
            yield (
                e.uid,
                e.name,
                e.kind,
                _joined(e.aliases),
                _joined(e.weak_aliases),
                _joined(e.former_names),
                e.notes,
                e.reliability_source,
                e.reliability_info,
                _joined(data.cite_document(u) for u in e.documents),
                e.mentions,
            )
    elif table == "mentions":
        for m in data.mentions:
            yield (
                m.id,
                m.entity_uid,
                m.entity_name,
                m.document_uid,
                m.document_title,
                m.page,
                m.start,
                m.end,
                m.text,
                m.manual,
            )
    elif table == "chronology":
        for ev in data.events:
            yield (
                ev.uid,
                ev.date,
                ev.date_words,
                ev.date_lower,
                ev.date_upper,
                ev.title,
                ev.description,
                _joined(ev.entities),
                _joined(ev.tags),
                _joined(data.cite(c.document_uid, c.page) for c in ev.citations),
                _joined(ev.flags),
            )


def write_table(path: Path, data: CaseExport, table: str, job: JobContext) -> int:
    """Write one table to `path`; returns the number of rows."""
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, dialect="excel")
        names = column_names()
        w.writerow([names[c] for c in COLUMNS[table]])
        for row in _rows(data, table):
            w.writerow([neutralise(v) for v in row])
            n += 1
            if n % 2000 == 0:
                job.raise_if_cancelled()
    return n


class CsvExporter:
    """The CSV files of the tables asked for, in the folder `out` (made if missing).
    All are written under temporary names and renamed together at the end, so a
    cancelled export leaves none of them."""

    kind = "csv"

    def export(self, data: object, options: CsvOptions, out: Path, job: JobContext) -> ExportResult:
        assert isinstance(data, CaseExport)
        out = Path(out)
        if out.exists() and not out.is_dir():
            out = out.parent  # a file named: its folder
        counts: dict[str, int] = {}
        files: list[Path] = []
        job.report(0, len(options.tables), _("Writing the CSV files"))
        with contextlib.ExitStack() as stack:
            for i, table in enumerate(options.tables):
                dest = out / file_name(table)
                tmp = stack.enter_context(atomic_output(dest))
                counts[table] = write_table(tmp, data, table, job)
                files.append(dest)
                job.report(i + 1, label=dest.name)
                job.raise_if_cancelled()
                job.safe_point()  # an edit made meanwhile lands now (the case was read)
        written = ", ".join(
            ngettext("%(file)s (%(n)s row)", "%(file)s (%(n)s rows)", n)
            % {"file": file_name(t), "n": number(n)}
            for t, n in counts.items()
        )
        summary = _("Wrote %(files)s to %(folder)s.") % {"files": written, "folder": out}
        return ExportResult(out, summary, tuple(files))
