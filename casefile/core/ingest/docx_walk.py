"""Walk WordprocessingML (Transitional or Strict) into plain text, block by block.

Kept apart from the package handling in `extract_docx` so the rules are easy to read:
- a paragraph (`w:p`) is one line; runs give `w:t`, tabs, breaks and equation `m:t`;
- a table is one line per row, cells separated by tabs, read by walking `w:tc`
  elements, so a merged cell (gridSpan, or vMerge "continue" cells that hold no text
  of their own) appears once;
- a text box's paragraphs (`w:txbxContent`) follow the paragraph that anchors them;
- of `mc:AlternateContent` only the first `mc:Choice` is read: the `mc:Fallback` is a
  second copy of the same content for older readers;
- deleted text (`w:delText`), field codes (`w:instrText`) and footnote separators are
  not document text.
"""

from __future__ import annotations

from lxml import etree

_SKIP_BLOCK = {
    "sectPr",
    "tblPr",
    "tblGrid",
    "trPr",
    "tcPr",
    "pPr",
    "bookmarkStart",
    "bookmarkEnd",
    "proofErr",
    "commentRangeStart",
    "commentRangeEnd",
    "Fallback",
}
_SKIP_INLINE = {
    "pPr",
    "rPr",
    "delText",
    "instrText",
    "del",
    "Fallback",
    "fldData",
    "footnoteReference",
    "endnoteReference",
    "commentReference",
    "annotationRef",
}
_SEPARATOR_TYPES = {"separator", "continuationSeparator", "continuationNotice"}
_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)


def local_name(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def _attr(el: etree._Element, name: str) -> str | None:
    for ns in _W_NAMESPACES:
        value: str | None = el.get(f"{{{ns}}}{name}")
        if value is not None:
            return value
    return None


def _first_choice(el: etree._Element) -> etree._Element | None:
    for child in el:
        if local_name(child) == "Choice":
            return child
    for child in el:
        if local_name(child) == "Fallback":
            return child
    return None


class BodyWalker:
    """Collects the text blocks of one part (body, header, footnotes, comments…)."""

    def __init__(self) -> None:
        self.blocks: list[str] = []

    def text(self, root: etree._Element) -> str:
        self.walk_blocks(root, self.blocks)
        return "\n".join(self.blocks)

    def walk_blocks(self, el: etree._Element, out: list[str]) -> None:
        for child in el:
            name = local_name(child)
            if name == "p":
                self.paragraph(child, out)
            elif name == "tbl":
                self.table(child, out)
            elif name == "AlternateContent":
                choice = _first_choice(child)
                if choice is not None:
                    self.walk_blocks(choice, out)
            elif name in ("footnote", "endnote") and _attr(child, "type") in _SEPARATOR_TYPES:
                continue
            elif name and name not in _SKIP_BLOCK:
                self.walk_blocks(child, out)  # body, sdt, customXml, ins, comment, note…
            # (a `w:r` directly in a block container is rare; walk_blocks then finds
            # no paragraph in it and its text is picked up by `paragraph` only inside w:p)

    def paragraph(self, p: etree._Element, out: list[str]) -> None:
        parts: list[str] = []
        boxes: list[str] = []
        self._inline(p, parts, boxes)
        out.append("".join(parts).rstrip())
        out.extend(boxes)

    def _inline(self, el: etree._Element, parts: list[str], boxes: list[str]) -> None:
        for child in el:
            name = local_name(child)
            if name == "t":
                parts.append(child.text or "")
            elif name == "tab" or name == "ptab":
                parts.append("\t")
            elif name in ("br", "cr"):
                parts.append("\n")
            elif name == "noBreakHyphen":
                parts.append("-")
            elif name == "txbxContent":
                self.walk_blocks(child, boxes)
            elif name == "AlternateContent":
                choice = _first_choice(child)
                if choice is not None:
                    self._inline(choice, parts, boxes)
            elif name == "p":  # a paragraph nested in inline content (rare, hostile)
                self.paragraph(child, boxes)
            elif name == "tbl":
                self.table(child, boxes)
            elif name and name not in _SKIP_INLINE:
                self._inline(child, parts, boxes)

    def table(self, tbl: etree._Element, out: list[str]) -> None:
        for row in _children(tbl, "tr"):
            cells: list[str] = []
            for cell in _children(row, "tc"):
                blocks: list[str] = []
                self.walk_blocks(cell, blocks)
                cells.append("\n".join(b.strip() for b in blocks if b.strip()))
            line = "\t".join(cells).rstrip()
            if line.strip():
                out.append(line)


def _children(el: etree._Element, wanted: str) -> list[etree._Element]:
    """Direct children named `wanted`, looking through sdt/customXml wrappers."""
    found: list[etree._Element] = []
    for child in el:
        name = local_name(child)
        if name == wanted:
            found.append(child)
        elif name in ("sdt", "sdtContent", "customXml", "ins"):
            found.extend(_children(child, wanted))
    return found
