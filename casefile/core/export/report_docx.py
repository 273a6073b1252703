"""The DOCX report (placeholder while it is written)."""

from __future__ import annotations

from pathlib import Path

from casefile.core.export.base import ExportResult, atomic_output
from casefile.core.export.model import CaseExport, ReportOptions
from casefile.core.jobs import JobContext


class DocxReport:
    kind = "report"

    def export(
        self, data: object, options: ReportOptions, out: Path, job: JobContext
    ) -> ExportResult:
        import docx

        assert isinstance(data, CaseExport)
        with atomic_output(out, suffix=".docx") as tmp:
            d = docx.Document()
            d.add_heading(data.title, 0)
            d.save(str(tmp))
        return ExportResult(out, f"Wrote the report to {out}.", (out,))
