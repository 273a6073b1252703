"""Word (.docx): every piece of text in the package, once, in reading order.

We read the OOXML ourselves (zipfile + lxml) instead of python-docx's object model,
because the latter (measured on the corpus) repeats merged table cells once per grid
column, returns a linked header once per section, and skips footnotes, endnotes,
comments, text boxes and equations; and it cannot open Strict OOXML at all. Walking the
XML by element *local name* reads Transitional and Strict alike; walking `w:tc`
elements (not a grid of cells) keeps merged cells single; taking only the first
`mc:Choice` of `mc:AlternateContent` keeps a text box from being read twice via its
VML fallback copy.

Safety: the package is a ZIP, so every part's declared uncompressed size is checked
before it is read (zip bombs), XML is parsed without entities or network, and
relationships with TargetMode="External" are never followed.
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile

from lxml import etree

from casefile.core.i18n import N_
from casefile.core.ingest.docx_walk import BodyWalker, local_name
from casefile.core.ingest.types import Extraction, FileType, Status

MAX_PART_BYTES = 64 * 1024 * 1024  # one XML part, uncompressed
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all parts we read, uncompressed
_PARSER = etree.XMLParser(
    recover=True, resolve_entities=False, no_network=True, huge_tree=False, remove_pis=True
)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# Parts besides the body, in the order their text is appended.
_EXTRA_PARTS = ("footnotes", "endnotes", "comments", "header", "footer")


class DocxError(Exception):
    """A package problem, with the sentence to show the user."""


class _Package:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.names = {info.filename.lstrip("/"): info for info in zf.infolist()}
        self.read_bytes = 0

    def read(self, name: str) -> bytes | None:
        info = self.names.get(name.lstrip("/"))
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES or self.read_bytes + info.file_size > MAX_TOTAL_BYTES:
            raise DocxError(
                N_(
                    "This Word document declares parts far larger than any real document "
                    "(a possible zip bomb), so it was not opened."
                )
            )
        self.read_bytes += info.file_size
        return self.zf.read(info)

    def xml(self, name: str) -> etree._Element | None:
        data = self.read(name)
        if data is None:
            return None
        try:
            root = etree.fromstring(data.lstrip(b"\xef\xbb\xbf"), _PARSER)
        except etree.XMLSyntaxError:
            return None
        return root

    def rels(self, part: str) -> list[tuple[str, str]]:
        """(type suffix, target part name) of a part's internal relationships."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        found: list[tuple[str, str]] = []
        if root is None:
            return found
        for rel in root:
            if local_name(rel) != "Relationship" or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            rtype = (rel.get("Type") or "").rsplit("/", 1)[-1]
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            found.append((rtype, name))
        return found


def _main_part(pkg: _Package) -> str:
    for rtype, target in pkg.rels(""):
        if rtype == "officeDocument" and target in pkg.names:
            return target
    if "word/document.xml" in pkg.names:
        return "word/document.xml"
    raise DocxError(N_("This file is a ZIP package but holds no Word document text part."))


def _core_properties(pkg: _Package, ex: Extraction) -> None:
    target = next((t for r, t in pkg.rels("") if r == "core-properties"), "docProps/core.xml")
    root = pkg.xml(target)
    if root is None:
        return
    for el in root:
        name = local_name(el)
        value = " ".join("".join(el.itertext()).split())
        if not value:
            continue
        if name == "title":
            ex.title = value
        elif name == "creator":
            ex.author = value
        elif name == "created":
            match = _DATE.match(value)
            if match and 1900 <= int(match.group(1)) <= 2100 and match.group(0) != "1601-01-01":
                ex.date = match.group(0)
        elif name == "lastModifiedBy":
            ex.metadata["last_modified_by"] = value


def _part_text(pkg: _Package, name: str) -> str:
    root = pkg.xml(name)
    if root is None:
        return ""
    return BodyWalker().text(root)


def extract_docx(path: str | os.PathLike[str]) -> Extraction:
    try:
        with zipfile.ZipFile(path) as zf:
            pkg = _Package(zf)
            return _extract(pkg)
    except DocxError as exc:
        return Extraction(FileType.DOCX, Status.FAILED, reason=str(exc))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        return Extraction(
            FileType.DOCX,
            Status.FAILED,
            reason=N_(
                "This Word document is damaged (its ZIP package cannot be read), "
                "so its text could not be extracted."
            ),
        )
    except NotImplementedError:
        return Extraction(
            FileType.DOCX,
            Status.FAILED,
            reason=N_("This Word document is compressed with a method Casefile cannot read."),
        )


def _extract(pkg: _Package) -> Extraction:
    main = _main_part(pkg)
    root = pkg.xml(main)
    if root is None:
        raise DocxError(
            N_("This Word document is damaged: its main text part is not readable XML.")
        )
    ex = Extraction(FileType.DOCX, Status.OK)
    if "purl.oclc.org/ooxml" in (root.nsmap.get("w") or "") or any(
        "purl.oclc.org/ooxml" in (ns or "") for ns in root.nsmap.values()
    ):
        ex.metadata["format"] = "Strict Office Open XML"
    sections = [BodyWalker().text(root)]
    seen = {main}
    related = pkg.rels(main)
    for wanted in _EXTRA_PARTS:
        for rtype, target in related:
            if rtype == wanted and target not in seen:  # a shared header is read once
                seen.add(target)
                text = _part_text(pkg, target)
                if text.strip():
                    sections.append(text)
    _core_properties(pkg, ex)
    text = "\n\n".join(s for s in sections if s.strip())
    ex.pages = [re.sub(r"\n{3,}", "\n\n", text).strip("\n")]
    return ex
