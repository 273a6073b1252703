"""The PDF court bundle, read back as a court (or a PDF reader) would: page count, the
stamp on every page in order and where it sits, bookmarks, index links, page labels,
volumes, placeholders, resampled images, and nothing left behind by a cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from casefile.core.export.bundle import (
    BundleContent,
    BundleDocument,
    BundleOptions,
    BundleSection,
    DocumentOrder,
    PageStyle,
    Reproduction,
    make_bundle,
)
from casefile.core.jobs import Cancelled, JobContext, silent
from casefile.core.originals import hash_file


def write_pdf(
    path: Path, pages: int, title: str, size: tuple[float, float] = A4, rotate: int = 0
) -> Path:
    """A PDF whose every page says '<title> page N' at its top left."""
    c = Canvas(str(path), pagesize=size)
    for i in range(pages):
        c.drawString(72, size[1] - 72, f"{title} page {i + 1}")
        c.showPage()
    c.save()
    if rotate:
        reader, writer = PdfReader(path), PdfWriter()
        for page in reader.pages:
            page.rotate(rotate)
            writer.add_page(page)
        writer.write(path)
    return path


def stamps(reader: PdfReader) -> list[str]:
    """The text each page carries in the stamp's font, read back from the PDF."""
    out = []
    for page in reader.pages:
        found: list[str] = []

        def visit(
            text: str, _cm: Any, _tm: Any, font: Any, _size: Any, found: list[str] = found
        ) -> None:
            if font and font.get("/BaseFont") == "/Helvetica-Bold" and text.strip():
                found.append(text.strip())

        page.extract_text(visitor_text=visit)
        out.append(" ".join(found))
    return out


@pytest.fixture
def content(tmp_path: Path) -> BundleContent:
    a = write_pdf(tmp_path / "claim.pdf", 3, "Claim form")
    b = write_pdf(tmp_path / "defence.pdf", 2, "Defence", landscape(A4))
    c = write_pdf(tmp_path / "exhibit.pdf", 2, "Exhibit", A4, rotate=90)
    d = write_pdf(tmp_path / "upside.pdf", 1, "Turned", A4, rotate=180)
    return BundleContent(
        "Trial bundle",
        "Forrest v Helix",
        (
            BundleSection(
                "A",
                "Statements of case",
                (
                    # Given out of date order: the bundle orders by date.
                    BundleDocument("d2", "Defence", "1 April 2024", "2024-04-01", pdf=b),
                    BundleDocument("d1", "Claim form", "12 March 2024", "2024-03-12", pdf=a),
                ),
            ),
            BundleSection(
                "B",
                "Evidence",
                (
                    BundleDocument(
                        "d3",
                        "Письмо Форреста",
                        "2 May 2024",
                        "2024-05-02",
                        text_pages=("Уважаемый господин Форрест, " * 100, "Вторая страница"),
                        file_type="eml",
                    ),
                    BundleDocument("d4", "Exhibit DF1", None, None, pdf=c),
                    BundleDocument("d5", "Turned scan", None, None, pdf=d),
                    BundleDocument("d6", "Lost file", None, None, unavailable="It was lost."),
                ),
            ),
        ),
    )


def test_bundle_pages_stamps_bookmarks_and_links(tmp_path: Path, content: BundleContent) -> None:
    out = tmp_path / "bundle.pdf"
    result = make_bundle(content, BundleOptions(), out, silent())
    reader = PdfReader(out)
    # index 1 + divider A + 3 + 2 + divider B + typeset 2 + 2 + 1 + placeholder 1
    assert len(reader.pages) == result.pages == 14
    assert stamps(reader) == [str(n) for n in range(1, 15)]
    assert reader.page_labels == [str(n) for n in range(1, 15)]

    placed = {p.uid: p for p in result.placed}
    # Date order within a section: the claim (March) before the defence (April).
    assert (placed["d1"].first_page, placed["d1"].last_page) == (3, 5)
    assert (placed["d2"].first_page, placed["d2"].last_page) == (6, 7)
    assert placed["d3"].reproduction is Reproduction.TYPESET
    assert placed["d3"].page_starts == (9, 10)
    assert placed["d3"].cite(2) == "B/10"
    assert placed["d6"].reproduction is Reproduction.PLACEHOLDER
    assert "It was lost." in reader.pages[placed["d6"].first_page - 1].extract_text()
    assert "Уважаемый господин Форрест" in reader.pages[8].extract_text()

    # Bookmarks: every section and document, naming it and its page.
    outline = reader.outline
    flat: list[tuple[str, int]] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                flat.append((item.title, reader.get_destination_page_number(item)))

    walk(outline)
    assert flat == [
        ("Index — p. 1", 0),
        ("A. Statements of case — p. 2", 1),
        ("A1 Claim form, 12 March 2024 — p. 3", 2),
        ("A2 Defence, 1 April 2024 — p. 6", 5),
        ("B. Evidence — p. 8", 7),
        ("B1 Письмо Форреста, 2 May 2024 — p. 9", 8),
        ("B2 Exhibit DF1 — p. 11", 10),
        ("B3 Turned scan — p. 13", 12),
        ("B4 Lost file — p. 14", 13),
    ]

    # Every index row links (XYZ, not Fit) to the page it names.
    index_text = reader.pages[0].extract_text()
    for title in ("Claim form", "Defence", "Письмо Форреста", "Exhibit DF1", "3–5", "9–10"):
        assert title in index_text
    links = [a.get_object() for a in reader.pages[0]["/Annots"]]
    targets = []
    for link in links:
        dest = link["/Dest"]
        assert dest[1] == "/XYZ"
        targets.append(reader.get_page_number(dest[0].get_object()))
    assert targets == [1, 2, 5, 7, 8, 10, 12, 13]
    assert "Claim form page 1" in reader.pages[targets[1]].extract_text()
    assert "Exhibit page 1" in reader.pages[targets[5]].extract_text()

    # Opens at 100 % with the bookmarks shown.
    root = reader.trailer["/Root"]
    assert root["/OpenAction"][1] == "/XYZ" and root["/OpenAction"][4] == 1
    assert root["/PageMode"] == "/UseOutlines"


def _dark(image: Image.Image, box: tuple[float, float, float, float]) -> bool:
    w, h = image.size
    crop = image.convert("L").crop(
        (int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h))
    )
    lo, _hi = crop.getextrema()
    return lo < 128


def test_stamps_sit_bottom_right_and_upright_on_turned_pages(
    tmp_path: Path, content: BundleContent
) -> None:
    out = tmp_path / "bundle.pdf"
    make_bundle(content, BundleOptions(), out, silent())
    pdf = pdfium.PdfDocument(str(out))
    reader = PdfReader(out)
    # A landscape page, a page turned 90° and one turned 180°, as a reader shows them.
    for index, rotate in ((5, 0), (10, 90), (12, 180)):
        assert reader.pages[index].get("/Rotate", 0) == rotate  # the original's rotation kept
        image = pdf[index].render(scale=0.5).to_pil()
        assert _dark(image, (0.85, 0.93, 1.0, 1.0)), f"no stamp bottom right on page {index + 1}"
        assert not _dark(image, (0.0, 0.93, 0.15, 1.0)), f"something bottom left on {index + 1}"
        # The stamp's characters are upright as displayed: drawn turned exactly as much
        # as the page is (pdfium gives the angle in the page's own coordinates).
        text = pdf[index].get_textpage()
        count = text.count_chars()
        angles = [
            round(pdfium_c.FPDFText_GetCharAngle(text.raw, i) * 180 / 3.14159265) % 360
            for i in range(count - len(str(index + 1)), count)
        ]
        # (pdfium measures the angle clockwise, /Rotate turns the page clockwise.)
        assert set(angles) == {(360 - rotate) % 360}
    pdf.close()


def test_section_page_style_and_labels(tmp_path: Path, content: BundleContent) -> None:
    out = tmp_path / "bundle.pdf"
    result = make_bundle(content, BundleOptions(page_style=PageStyle.SECTION), out, silent())
    reader = PdfReader(out)
    expected = ["i", *[f"A{n}" for n in range(1, 7)], *[f"B{n}" for n in range(1, 8)]]
    assert reader.page_labels == expected
    assert stamps(reader) == expected
    placed = {p.uid: p for p in result.placed}
    assert placed["d1"].first_label == "A2"
    assert placed["d3"].cite(2) == "B3"


def test_given_order_is_kept(tmp_path: Path, content: BundleContent) -> None:
    result = make_bundle(
        content, BundleOptions(order=DocumentOrder.GIVEN), tmp_path / "b.pdf", silent()
    )
    assert [p.uid for p in result.placed][:2] == ["d2", "d1"]


def test_volumes_each_with_its_own_index(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "five.pdf", 5, "Five")
    docs = tuple(
        BundleDocument(f"u{i:02d}", f"Witness statement {i}", None, f"2024-01-{i + 1:02d}", pdf=pdf)
        for i in range(24)
    )
    content = BundleContent("Trial bundle", "Case", (BundleSection("A", "Statements", docs),))
    out = tmp_path / "bundle.pdf"
    result = make_bundle(content, BundleOptions(volume_pages=40), out, silent())
    assert result.volumes == len(result.files) >= 3
    assert not out.exists() and result.path == result.files[0]  # Open opens volume 1
    seen: list[str] = []
    for v, path in enumerate(result.files, start=1):
        assert path.name == f"bundle - Volume {v}.pdf"
        reader = PdfReader(path)
        assert len(reader.pages) <= 40
        assert stamps(reader) == [str(n) for n in range(1, len(reader.pages) + 1)]
        index = reader.pages[0].extract_text()
        assert f"Volume {v} of {result.volumes}" in index
        mine = [p for p in result.placed if p.volume == v]
        assert all(p.last_page - p.first_page == 4 for p in mine)  # never cut
        assert all(p.title in index for p in mine)
        others = [p for p in result.placed if p.volume != v]
        assert all(f"{p.title}\n" not in index + "\n" for p in others)
        if v > 1:
            assert "Statements (continued)" in reader.pages[1].extract_text()
            assert mine[0].cite() == f"Vol {v}, A/{mine[0].first_page}"
        seen += [p.uid for p in mine]
    assert seen == [d.uid for d in docs]


def test_unreadable_documents_get_a_page_saying_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good = write_pdf(tmp_path / "good.pdf", 1, "Good")
    locked = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=PdfReader(good))
    writer.encrypt("secret")
    writer.write(locked)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n this is not a PDF body")
    altered = write_pdf(tmp_path / "altered.pdf", 1, "Altered")
    docs = (
        BundleDocument("l", "Locked", pdf=locked),
        BundleDocument("u", "Unlocked", pdf=locked, password="secret"),
        BundleDocument("d", "Damaged", pdf=damaged),
        BundleDocument("a", "Altered", pdf=altered, sha256="0" * 64),
        BundleDocument("g", "Good", pdf=good, sha256=hash_file(good)[0]),
        BundleDocument("e", "Empty", text_pages=("  ",)),
    )
    content = BundleContent("B", "C", (BundleSection("A", "All", docs),))
    result = make_bundle(
        content, BundleOptions(order=DocumentOrder.GIVEN), tmp_path / "b.pdf", silent()
    )
    reader = PdfReader(tmp_path / "b.pdf")
    how = {p.uid: p for p in result.placed}
    texts = {uid: reader.pages[p.first_page - 1].extract_text() for uid, p in how.items()}
    assert how["l"].reproduction is Reproduction.PLACEHOLDER and "password" in texts["l"]
    assert how["u"].reproduction is Reproduction.ORIGINAL and "Good page 1" in texts["u"]
    assert "is damaged (or not really a PDF)" in texts["d"]
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]  # nothing on stderr
    assert "has changed since it was imported" in texts["a"]
    assert how["g"].reproduction is Reproduction.ORIGINAL
    assert "no text" in texts["e"]


def test_images_finer_than_300_dpi_are_resampled(tmp_path: Path) -> None:
    picture = Image.new("L", (2700, 2700), 255)
    for x in range(0, 2700, 10):
        picture.paste(0, (x, 0, x + 3, 2700))
    path = tmp_path / "scan.pdf"
    picture.save(path, "PDF", resolution=675)  # a 4-inch page scanned at 675 dpi
    content = BundleContent(
        "B", "C", (BundleSection("A", "Scans", (BundleDocument("s", "Scan", pdf=path),)),)
    )
    make_bundle(content, BundleOptions(), tmp_path / "b.pdf", silent())
    page = PdfReader(tmp_path / "b.pdf").pages[2]
    image = next(iter(page.images))
    assert max(image.image.size) <= 300 * 4 * 1.03  # 300 dpi over the 4-inch page


def test_ocr_text_is_laid_on_scanned_pages(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    c = Canvas(str(path), pagesize=A4)
    c.rect(100, 100, 300, 300, fill=1)  # an image-like page with no text
    c.showPage()
    c.save()
    doc = BundleDocument("s", "Scan", pdf=path, ocr_pages={1: "Распознанный текст Helix"})
    content = BundleContent("B", "C", (BundleSection("A", "Scans", (doc,)),))
    make_bundle(content, BundleOptions(), tmp_path / "b.pdf", silent())
    assert "Распознанный текст Helix" in PdfReader(tmp_path / "b.pdf").pages[2].extract_text()


def test_cancel_leaves_nothing(tmp_path: Path, content: BundleContent) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    job = JobContext(on_progress=lambda p: job.cancel() if p.done >= 2 else None)
    with pytest.raises(Cancelled):
        make_bundle(content, BundleOptions(), out_dir / "bundle.pdf", job)
    assert list(out_dir.iterdir()) == []


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares a size and holds no pixels (a picture bomb's header)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_pictures_are_shown_on_pages_of_their_own(tmp_path: Path) -> None:
    wide = tmp_path / "wide.png"
    Image.new("RGB", (1200, 600), "navy").save(wide)
    tall = tmp_path / "scan.jpg"
    Image.new("L", (4000, 6000), 200).save(tall, quality=50)  # ~ 560 dpi on A4
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_png_header(100_000, 100_000))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not a jpeg")
    docs = (
        BundleDocument("w", "Wide photo", image=wide, ocr_pages={1: "Надпись на фото"}),
        BundleDocument("t", "Tall scan", image=tall),
        BundleDocument("b", "Bomb", image=bomb),
        BundleDocument("x", "Broken", image=broken),
    )
    content = BundleContent("B", "C", (BundleSection("A", "Pictures", docs),))
    result = make_bundle(
        content, BundleOptions(order=DocumentOrder.GIVEN), tmp_path / "b.pdf", silent()
    )
    reader = PdfReader(tmp_path / "b.pdf")
    how = {p.uid: p for p in result.placed}
    assert how["w"].reproduction is Reproduction.ORIGINAL
    wide_page = reader.pages[how["w"].first_page - 1]
    assert wide_page.mediabox.width > wide_page.mediabox.height  # turned its way
    assert "Надпись на фото" in wide_page.extract_text()
    tall_page = reader.pages[how["t"].first_page - 1]
    (image,) = list(tall_page.images)
    assert image.image.height <= 300 * 11.7  # no finer than 300 dpi on A4
    assert "too large" in reader.pages[how["b"].first_page - 1].extract_text()
    assert "damaged" in reader.pages[how["x"].first_page - 1].extract_text()
    assert stamps(reader) == [str(n) for n in range(1, len(reader.pages) + 1)]


def test_a_long_index_spans_pages_and_every_row_links(tmp_path: Path) -> None:
    one = write_pdf(tmp_path / "one.pdf", 1, "Exhibit")
    docs = tuple(
        BundleDocument(
            f"e{i:03d}",
            f"Exhibit {i} " + "with a long descriptive title " * (i % 3),
            f"{i} May 2024",
            f"2024-05-{i % 28 + 1:02d}",
            pdf=one,
        )
        for i in range(90)
    )
    content = BundleContent("B", "C", (BundleSection("E", "Exhibits", docs),))
    result = make_bundle(
        content, BundleOptions(order=DocumentOrder.GIVEN), tmp_path / "b.pdf", silent()
    )
    reader = PdfReader(tmp_path / "b.pdf")
    index_pages = result.placed[0].first_page - 2  # before the divider and the first exhibit
    assert index_pages >= 3
    targets = []
    for page in reader.pages[:index_pages]:
        for annot in page["/Annots"]:
            targets.append(reader.get_page_number(annot.get_object()["/Dest"][0].get_object()))
    assert targets == [index_pages] + [p.first_page - 1 for p in result.placed]
    assert stamps(reader) == [str(n) for n in range(1, len(reader.pages) + 1)]
