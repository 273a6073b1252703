"""WordprocessingML written as text, for the report's large tables and its fields.

python-docx builds a table row by row through its object model, and that is quadratic:
`table.add_row().cells` took 1.4 s for 2,000 rows of three cells, `table.cell(i, j)` in
a loop 53 s for 500 rows. A table written here as one XML string and parsed once takes
a fraction of that (0.17 s for the same 2,000 rows: docs/architecture.md, "Measured
facts the code relies on"); the report of 5,000 events must be written in under 5 s.

A cell is a list of paragraphs, a paragraph a list of runs, a run `(text, style)`
where style is "" (plain), "b" (bold), "i" (italic) or "bi". Text is escaped, and the
characters XML 1.0 cannot hold (C0 controls but tab and newline, lone surrogates,
U+FFFE/U+FFFF) are dropped: a document's text is untrusted and may hold them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

Run = tuple[str, str]
Paragraph = Sequence[Run]
Cell = Sequence[Paragraph]

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _INVALID.sub("", text)


def _run(text: str, style: str) -> str:
    props = ""
    if style:
        props = (
            "<w:rPr>"
            + ("<w:b/>" if "b" in style else "")
            + ("<w:i/>" if "i" in style else "")
            + "</w:rPr>"
        )
    text = clean(text)
    if "\n" not in text and "\t" not in text and "\r" not in text:  # the common case
        return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    parts = []
    for i, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if i:
            parts.append("<w:br/>")
        if line:
            chunks = line.split("\t")
            for j, chunk in enumerate(chunks):
                if j:
                    parts.append("<w:tab/>")
                if chunk:
                    parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r>{props}{''.join(parts)}</w:r>"


def paragraph_xml(runs: Paragraph, style_id: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>' if style_id else ""
    return f"<w:p>{ppr}{''.join(_run(t, s) for t, s in runs if t)}</w:p>"


def _cell(paragraphs: Cell, width: int, style_id: str, shade: str = "") -> str:
    fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>' if shade else ""
    body = "".join(paragraph_xml(p, style_id) for p in paragraphs) or paragraph_xml((), style_id)
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{fill}</w:tcPr>{body}</w:tc>'


def table_xml(
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    widths: Sequence[int],
    *,
    table_style: str,
    cell_style: str = "",
) -> str:
    """One `w:tbl` element as text: a header row repeated on every page, then `rows`
    (each a cell per column), column widths in twentieths of a point."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = "".join(
        _cell(((((h, "b"),)),), w, cell_style, "D9D9D9")
        for h, w in zip(headers, widths, strict=True)
    )
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{table_style}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{head}</w:tr>"
    ]
    for row in rows:
        out.append(
            "<w:tr>"
            + "".join(_cell(c, w, cell_style) for c, w in zip(row, widths, strict=True))
            + "</w:tr>"
        )
    out.append("</w:tbl>")
    return "".join(out)


def field_runs_xml(instruction: str, placeholder: Sequence[str]) -> str:
    """A complex field (TOC, PAGE) whose cached result is `placeholder` lines, shown
    until the reader updates fields (Word asks on opening: see `updateFields`)."""
    cached = "<w:r><w:br/></w:r>".join(
        f'<w:r><w:t xml:space="preserve">{escape(clean(line))}</w:t></w:r>' for line in placeholder
    )
    return (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{cached}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def splice(document_xml: str, tables: dict[str, str]) -> str:
    """Put each table in place of the paragraph that holds its marker text (the report
    saves markers, then splices the tables into the saved `word/document.xml`: no
    parsing of the large tables at all)."""
    out, at = [], 0
    for marker, xml in tables.items():
        found = document_xml.find(marker, at)
        if found < 0:
            raise ValueError(f"table marker {marker} missing")
        start = max(document_xml.rfind("<w:p>", at, found), document_xml.rfind("<w:p ", at, found))
        end = document_xml.find("</w:p>", found) + len("</w:p>")
        out.append(document_xml[at:start])
        out.append(xml)
        at = end
    out.append(document_xml[at:])
    return "".join(out)
