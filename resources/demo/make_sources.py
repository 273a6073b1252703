"""Regenerate the demo PDF and DOCX from the texts below (run once; outputs are committed).

The PDF is written by hand with the standard Helvetica font (plain ASCII text), so it
needs no font files and extracts cleanly; the DOCX is written with python-docx.
Usage: python resources/demo/make_sources.py
"""

from __future__ import annotations

import textwrap
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).parent

CLAIM_PAGES = [
    """EMPLOYMENT TRIBUNALS
Claim summary prepared for the case file

Claimant: Daniel Forrest
Respondent: Helix Cloud Services Ltd
Claim number: 2207731/2024 (London Central)
Date received: 6 June 2024

1. The Claimant was employed by the Respondent as a senior billing analyst from
March 2019 until his dismissal on 15 March 2024.

2. In November 2023 the Claimant noticed that a customer account in the name of
Tarn Data Solutions Ltd, registered in Cyprus, paid for large volumes of
face-recognition API calls and GPU capacity. Support tickets on the account were
written in Russian and signed by engineers whose e-mail domain belonged to
OkoVision LLC.

3. The Claimant knew that OkoVision LLC had been designated under sanctions on
14 February 2023.""",
    """4. On 4 December 2023 the Claimant reported his concerns in writing to the
Respondent's head of compliance, stating that the Respondent may be selling
cloud face-recognition services to a sanctioned company through a front.
This was a protected disclosure.

5. On 9 January 2024 the Claimant repeated the disclosure to the Respondent's
general counsel and asked that the account be suspended. The account was not
suspended.

6. From January 2024 the Claimant was excluded from billing meetings, his access
to customer records was withdrawn, and he was given an unjustified final
written warning on 20 February 2024.

7. The Respondent dismissed the Claimant on 15 March 2024, stating redundancy.
No other member of the billing team was made redundant.""",
    """CLAIMS
(a) Automatically unfair dismissal for making protected disclosures
    (Employment Rights Act 1996, section 103A).
(b) Detriment on the ground of protected disclosures (section 47B).

REMEDY SOUGHT
A declaration, compensation for loss of earnings and injury to feelings,
and a recommendation that the Respondent review its sanctions screening.

The Respondent's response is due on 4 July 2024. The Respondent has indicated
that it denies the claims and that the Tarn Data Solutions account was closed
in April 2024.

All names in this document are invented for the Casefile demo case.""",
]

SUBMISSION = {
    "title": "Written evidence submitted by Open Supply Watch (SEN0042)",
    "intro": (
        "Open Supply Watch is a small non-profit that traces how dual-use technology "
        "reaches sanctioned end users. We submit this evidence to the Foreign Affairs "
        "Committee's inquiry into the enforcement of sanctions on technology exports."
    ),
    "paragraphs": [
        "1. Cloud computing services are not goods that cross a border, and front "
        "companies can buy them with a card in minutes. Screening by cloud providers is "
        "therefore the main line of defence.",
        "2. In our research we identified a pattern in which face-recognition vendors "
        "designated in February 2023 continued to train and run their models on Western "
        "cloud infrastructure through resellers registered in Cyprus and the United Arab "
        "Emirates.",
        "3. One such reseller, Tarn Data Solutions Ltd, was incorporated in January 2023, "
        "three weeks before OkoVision LLC was designated. Its only listed director also "
        "directs a company that previously distributed OkoVision cameras.",
        "4. We recommend that the Government publish guidance that cloud services, "
        "including machine-learning APIs, are economic resources for the purposes of "
        "sanctions, and that providers verify the beneficial owners of high-volume "
        "customers.",
    ],
    "table": [
        ("Date", "Event"),
        ("January 2023", "Tarn Data Solutions Ltd incorporated in Cyprus"),
        ("14 February 2023", "OkoVision LLC designated"),
        ("Spring 2023", "Tarn Data Solutions opens an account with Helix Cloud"),
        ("April 2024", "Account reportedly closed"),
    ],
    "footnote": "Company registry extracts are on file with Open Supply Watch.",
    "closing": "May 2024. All names in this submission are invented for the Casefile demo case.",
}


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_claim_pdf(path: Path) -> None:
    objects: list[bytes] = []

    def add(obj: bytes) -> int:
        objects.append(obj)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    page_ids = []
    for number, body in enumerate(CLAIM_PAGES, start=1):
        lines = []
        for para in body.split("\n"):
            lines.extend(textwrap.wrap(para, 88) or [""])
        ops = ["BT", "/F1 11 Tf", "14 TL", "56 780 Td"]
        ops += [f"({_pdf_escape(line)}) Tj T*" for line in lines]
        ops += ["ET", "BT", "/F1 9 Tf", f"280 40 Td (Page {number} of {len(CLAIM_PAGES)}) Tj", "ET"]
        stream = "\n".join(ops).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_obj, font, content)
            )
        )
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    info = add(
        b"<< /Title (Forrest v Helix Cloud Services Ltd - claim summary) "
        b"/Author (Case team) /Producer (Casefile demo) /CreationDate (D:20240606120000Z) >>"
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    path.write_bytes(bytes(out))


def write_submission_docx(path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.core_properties.title = SUBMISSION["title"]
    doc.core_properties.author = "Open Supply Watch"
    doc.core_properties.created = datetime(2024, 5, 21, 9, 30)
    doc.add_heading(SUBMISSION["title"], level=1)
    doc.add_paragraph(SUBMISSION["intro"])
    for para in SUBMISSION["paragraphs"]:
        doc.add_paragraph(para)
    rows = SUBMISSION["table"]
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for r, (a, b) in enumerate(rows):
        table.cell(r, 0).text = a
        table.cell(r, 1).text = b
    # A real footnote needs a footnotes part python-docx does not create; a bracketed
    # note keeps the demo honest and simple.
    note = doc.add_paragraph("[1] " + SUBMISSION["footnote"])
    note.runs[0].italic = True
    doc.add_paragraph(SUBMISSION["closing"])
    # Fixed timestamps so regenerating gives the same metadata.
    doc.core_properties.modified = datetime(2024, 5, 21, 9, 30)
    doc.save(str(path))


if __name__ == "__main__":
    write_claim_pdf(HERE / "forrest-v-helix-claim-summary.pdf")
    write_submission_docx(HERE / "open-supply-watch-written-evidence.docx")
    print("written")
