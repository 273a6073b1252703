"""The DOCX report: what an investigator hands to an editor or a lawyer.

Cover (case, author, date, scope), a table-of-contents field, an optional summary, the
chronology (date in words, event, entities, pinpoint citations "Doc 4, p. 2" or bundle
pages "B/123", grades, flags), the cast of characters, the document index and excerpts
of saved-search hits. Only Word's built-in styles are used (Title, Heading 1–2, Table
Grid, No Spacing, Quote…), so restyling the document restyles the report. Wide tables
sit in landscape sections; every section is A4. The large tables are written as XML
(`docx_xml.py`), not row by row through python-docx (quadratic).
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from casefile.core.date_words import in_words
from casefile.core.export.base import ExportResult, atomic_output
from casefile.core.export.docx_xml import W_NS, Cell, field_runs_xml, splice, table_xml
from casefile.core.export.labels import number
from casefile.core.export.model import CaseExport, ExportEvent, ReportOptions
from casefile.core.i18n import N_, _, ngettext
from casefile.core.jobs import JobContext
from casefile.core.labels import document_kind, entity_kind
from casefile.core.labels import event_flag as flag

A4 = (Cm(21.0), Cm(29.7))
MARGIN = Cm(2.0)
TWIPS_PER_CM = 567
QUOTE_CHARS = 300  # a quote longer than this is shortened in the chronology

# The report's parts (headings, table of contents, progress), in the language Casefile
# speaks when the report is written (docs/architecture.md, "Languages").
CHRONOLOGY = N_("Chronology")
CAST = N_("Cast of characters")
INDEX = N_("Document index")
SEARCHES = N_("Saved searches")
SUMMARY = N_("Summary")
TOC_FIELD = 'TOC \\o "1-2" \\h \\z \\u'  # headings 1-2, entries as links


def contents(events: int, entities: int, documents: int) -> str:
    """ "12 events, 3 entities, 40 documents" (each count in its plural form)."""
    return ", ".join(
        (
            ngettext("%(n)s event", "%(n)s events", events) % {"n": number(events)},
            ngettext("%(n)s entity", "%(n)s entities", entities) % {"n": number(entities)},
            ngettext("%(n)s document", "%(n)s documents", documents) % {"n": number(documents)},
        )
    )


def _shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _Writer:
    def __init__(self, data: CaseExport, options: ReportOptions, job: JobContext) -> None:
        self.data, self.options, self.job = data, options, job
        self.doc: DocxDocument = docx.Document()
        self.table_style = self.doc.styles["Table Grid"].style_id
        self.cell_style = self.doc.styles["No Spacing"].style_id
        self.done = 0
        self.tables: dict[str, str] = {}  # marker -> table XML, spliced in after saving
        self.total = (
            len(data.events)
            + (len(data.entities) if options.cast else 0)
            + (len(data.documents) if options.document_index else 0)
            + sum(len(s.hits) for s in data.searches)
        )

    # -- plumbing -----------------------------------------------------------------------
    def _insert(self, xml: str) -> None:
        """Parse a fragment of body XML and put it at the end of the document."""
        body = self.doc.element.body
        holder = parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')
        anchor = body.find(qn("w:sectPr"))
        for child in list(holder):
            if anchor is not None:
                anchor.addprevious(child)
            else:
                body.append(child)

    def _tick(self, n: int, label: str) -> None:
        self.done += n
        self.job.report(self.done, self.total, label)
        self.job.raise_if_cancelled()
        # The case was read before writing began: an edit the user makes meanwhile
        # may land now (docs/architecture.md, "One writer") rather than at the end.
        self.job.safe_point()

    def _section(self, landscape: bool, *, new: bool = True) -> int:
        """Start a section (A4, portrait or landscape); returns the text width in twips."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE) if new else self.doc.sections[0]
        width, height = A4 if not landscape else (A4[1], A4[0])
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        return int((width - 2 * MARGIN) / Cm(1) * TWIPS_PER_CM)

    def _table(
        self,
        headers: Sequence[str],
        rows: Iterator[Sequence[Cell]],
        fractions: Sequence[float],
        width: int,
    ) -> None:
        widths = [int(width * f) for f in fractions]
        marker = f"casefile-table-{uuid.uuid4().hex}"
        self.tables[marker] = table_xml(
            headers, rows, widths, table_style=self.table_style, cell_style=self.cell_style
        )
        self.doc.add_paragraph(marker)  # replaced by the table once saved (docx_xml.splice)
        self.doc.add_paragraph()  # Word wants a paragraph between a table and a break

    # -- parts --------------------------------------------------------------------------
    def cover(self) -> None:
        d, data = self.doc, self.data
        self._section(landscape=False, new=False)
        d.add_paragraph(data.title, style="Title")
        d.add_paragraph(_("Case report"), style="Subtitle")
        made = in_words(data.made_at.date().isoformat(), self.options.lang)
        for label, value in (
            (_("Prepared by"), data.author),
            (_("Date"), made),
            (_("Scope"), data.scope.describe()),
            (_("Contents"), contents(len(data.events), len(data.entities), len(data.documents))),
        ):
            p = d.add_paragraph()
            p.add_run(_("%(label)s: ") % {"label": label}).bold = True
            p.add_run(value)
        if data.bundle is not None:
            p = d.add_paragraph()
            p.add_run(_("%(label)s: ") % {"label": _("Bundle")}).bold = True
            p.add_run(
                _(
                    "citations give the page of the bundle “%(title)s” (%(file)s) where the "
                    "document is in it."
                )
                % {"title": data.bundle.title, "file": Path(data.bundle.path).name}
            )
        footer = d.sections[0].footer.paragraphs[0]
        # The page number is a field: the words around it as the language orders them.
        before, _sep, after = (
            _("%(title)s — page %(page)s") % {"title": data.title, "page": "\x00"}
        ).partition("\x00")
        footer.text = before
        page_field = field_runs_xml("PAGE", ["1"])
        for child in parse_xml(f'<w:p xmlns:w="{W_NS}">{page_field}</w:p>'):
            footer._p.append(child)
        if after:
            footer.add_run(after)
        d.add_page_break()  # type: ignore[no-untyped-call]
        d.add_paragraph(_("Contents"), style="TOC Heading")
        entries = [_(SUMMARY)] if data.summary else []
        entries += [_(CHRONOLOGY)] + ([_(CAST)] if self.options.cast else [])
        entries += [_(INDEX)] if self.options.document_index else []
        entries += [_(SEARCHES)] if data.searches else []
        self._insert(f"<w:p>{field_runs_xml(TOC_FIELD, entries)}</w:p>")
        settings = d.settings.element
        update = parse_xml(f'<w:updateFields xmlns:w="{W_NS}" w:val="true"/>')
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(update)
        else:
            settings.append(update)
        if data.summary:
            d.add_page_break()  # type: ignore[no-untyped-call]
            d.add_heading(_(SUMMARY), level=1)
            for para in data.summary.split("\n\n"):
                if para.strip():
                    d.add_paragraph(para.strip())

    def _event_row(self, ev: ExportEvent) -> Sequence[Cell]:
        event: list[list[tuple[str, str]]] = [[(ev.title, "b")]]
        if ev.description:
            event.append([(ev.description, "")])
        if ev.tags:
            event.append([(_("Tags: %(tags)s") % {"tags": ", ".join(ev.tags)}, "i")])
        sources: list[list[tuple[str, str]]] = []
        for c in ev.citations:
            grade = f"{c.source_grade or ''}{c.grade or ''}"
            head = self.data.cite(c.document_uid, c.page) + (f" ({grade})" if grade else "")
            if c.document_title is None:
                head = _("%(citation)s — document deleted") % {"citation": head}
            elif c.lost:
                head = _("%(citation)s — quote no longer found") % {"citation": head}
            sources.append([(head, "b"), (f": “{_shorten(c.quote)}”", "i")])
        return (
            [[(ev.date_words or _("Undated"), "")]],
            event,
            [[(name, "")] for name in ev.entities],
            sources,
            [[(flag(f), "")] for f in ev.flags],
        )

    def chronology(self) -> None:
        width = self._section(landscape=True)
        self.doc.add_heading(_(CHRONOLOGY), level=1)
        n = len(self.data.events)
        if not n:
            self.doc.add_paragraph(
                _("No events of the chronology are in the scope of this report.")
            )
            return
        if self.data.bundle:
            sources = _(
                "Sources are cited as document and page (the document index lists them), or "
                "as bundle pages; the grade in brackets is the Admiralty grade of the source "
                "(A–F) and of the information (1–6)."
            )
        else:
            sources = _(
                "Sources are cited as document and page (the document index lists them); the "
                "grade in brackets is the Admiralty grade of the source (A–F) and of the "
                "information (1–6)."
            )
        counted = ngettext("%(n)s event in date order.", "%(n)s events in date order.", n)
        self.doc.add_paragraph(f"{counted % {'n': number(n)}} {sources}")

        def rows() -> Iterator[Sequence[Cell]]:
            for i, ev in enumerate(self.data.events, start=1):
                yield self._event_row(ev)
                if i % 500 == 0:
                    self._tick(500, _(CHRONOLOGY))
            self._tick(n % 500, _(CHRONOLOGY))

        self._table(
            (_("Date"), _("Event"), _("Entities"), _("Sources"), _("Flags")),
            rows(),
            (0.14, 0.30, 0.15, 0.31, 0.10),
            width,
        )

    def cast(self) -> None:
        width = self._section(landscape=False)
        self.doc.add_heading(_(CAST), level=1)
        data = self.data
        if not data.entities:
            self.doc.add_paragraph(_("No entities are in the scope of this report."))
            return

        def rows() -> Iterator[Sequence[Cell]]:
            for e in data.entities:
                names: list[list[tuple[str, str]]] = [[(e.name, "b")], [(entity_kind(e.kind), "i")]]
                aliases = [[(a, "")] for a in e.aliases]
                aliases += [
                    [(_("%(alias)s (exact only)") % {"alias": a}, "")] for a in e.weak_aliases
                ]
                aliases += [[(_("%(alias)s (former)") % {"alias": a}, "")] for a in e.former_names]
                docs = ", ".join(data.cite_document(u) for u in e.documents)
                yield names, aliases, [[(e.notes or "", "")]], [[(docs, "")]]
            self._tick(len(data.entities), _(CAST))

        self._table(
            (_("Entity"), _("Also known as"), _("Notes"), _("Mentioned in")),
            rows(),
            (0.26, 0.28, 0.26, 0.20),
            width,
        )

    def index(self) -> None:
        width = self._section(landscape=True)
        self.doc.add_heading(_(INDEX), level=1)
        if not self.data.documents:
            self.doc.add_paragraph(_("No documents are in the scope of this report."))
            return
        self.doc.add_paragraph(
            _(
                "Each document as stored in the case; SHA-256 is the start of the "
                "fingerprint of its original file (the case verifies it)."
            )
        )

        def rows() -> Iterator[Sequence[Cell]]:
            for doc in self.data.documents:
                yield (
                    [[(str(doc.number), "b")]],
                    [[(doc.title, "")]],
                    [[(document_kind(doc.kind), "")]],
                    [[(doc.date_words or _("Undated"), "")]],
                    [[(doc.source or "", "")]],
                    [[(str(doc.page_count), "")]],
                    [[(doc.grade, "")]],
                    [[(doc.sha256[:12], "")]],
                )
            self._tick(len(self.data.documents), _(INDEX))

        self._table(
            (
                _("No."),
                _("Title"),
                _("Kind"),
                _("Date"),
                _("Source"),
                _("Pages"),
                _("Grade"),
                "SHA-256",
            ),
            rows(),
            (0.055, 0.285, 0.13, 0.12, 0.16, 0.06, 0.06, 0.13),
            width,
        )

    def searches(self) -> None:
        self._section(landscape=False)
        self.doc.add_heading(_(SEARCHES), level=1)
        for s in self.data.searches:
            self.doc.add_heading(s.name, level=2)
            shown = len(s.hits)
            values = {"query": s.query, "n": number(s.total), "shown": number(shown)}
            if shown < s.total:
                line = ngettext(
                    "Query: %(query)s — %(n)s document, the first %(shown)s shown.",
                    "Query: %(query)s — %(n)s documents, the first %(shown)s shown.",
                    s.total,
                )
            else:
                line = ngettext(
                    "Query: %(query)s — %(n)s document.",
                    "Query: %(query)s — %(n)s documents.",
                    s.total,
                )
            self.doc.add_paragraph(line % values)
            for hit in s.hits:
                p = self.doc.add_paragraph(style="Heading 3")
                p.add_run(f"{self.data.cite_document(hit.document_uid)}: {hit.title}")
                for ex in hit.excerpts:
                    q = self.doc.add_paragraph(style="Quote")
                    at = 0
                    for start, end in ex.spans:
                        q.add_run(ex.text[at:start])
                        q.add_run(ex.text[start:end]).bold = True
                        at = end
                    q.add_run(ex.text[at:])
                    q.add_run(f" ({self.data.cite(hit.document_uid, ex.page)})").italic = True
            self._tick(len(s.hits), _(SEARCHES))

    def write(self, path: Path) -> None:
        self.doc.core_properties.title = self.data.title
        self.doc.core_properties.author = self.data.author
        self.doc.styles["Normal"].font.size = Pt(10.5)
        self.doc.styles["No Spacing"].font.size = Pt(9)  # the tables' cells
        self.cover()
        self.chronology()
        if self.options.cast:
            self.cast()
        if self.options.document_index:
            self.index()
        if self.data.searches:
            self.searches()
        self.job.raise_if_cancelled()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        buffer.seek(0)
        with (
            zipfile.ZipFile(buffer) as src,
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
        ):
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "word/document.xml":
                    data = splice(data.decode("utf-8"), self.tables).encode("utf-8")
                dst.writestr(item, data)


class DocxReport:
    """The report exporter (`core.export.base.Exporter`)."""

    kind = "report"

    def export(
        self, data: object, options: ReportOptions, out: Path, job: JobContext
    ) -> ExportResult:
        assert isinstance(data, CaseExport)
        writer = _Writer(data, options, job)
        with atomic_output(out, suffix=".docx") as tmp:
            writer.write(tmp)
        summary = _("Wrote the report to %(path)s: %(contents)s.") % {
            "path": out,
            "contents": contents(len(data.events), len(data.entities), len(data.documents)),
        }
        return ExportResult(out, summary, (out,))
