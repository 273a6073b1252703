"""PDF page text: pypdf's plain and layout modes against PDFium, on the corpus's PDFs.

Issue 11 item 4: words split by kerning ("Assuranc e", dmca.pdf) and glued across table
cells ("ASSISTANTENGLERT", senate-expenditures.pdf). For each way of reading the text it
reports pages/s, whether the known words come out right, and the pages that lost most of
their characters against pypdf's plain mode (the old extractor). `extract_pdf` is the
shipped path (PDFium, pypdf where PDFium reads nothing).

Prints one JSON object. Not part of the test suite:
    CASEFILE_CORPUS=/work/shared/corpus .venv/bin/python tests/perf/bench_pdf_text.py
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# (file, words a reader sees on the page, the typesetting artefact that hid them)
KNOWN = [
    ("dmca.pdf", "Assurance", "Assuranc e"),
    ("senate-expenditures.pdf", "ENGLERT, PAYTON A", "ASSISTANTENGLERT"),
    ("senate-expenditures.pdf", "STAFF ASSISTANT", "ASSISTANTENGLERT"),
]


def _pypdf(mode: str) -> Any:
    from pypdf import PdfReader

    def read(path: Path) -> list[str]:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        out = []
        for page in reader.pages:
            try:
                out.append(page.extract_text(extraction_mode=mode) or "")
            except Exception:
                out.append("")
        return out

    return read


def _shipped(path: Path) -> list[str]:
    from casefile.core.ingest.extract_pdf import extract_pdf

    return list(extract_pdf(path).pages)


def main() -> None:
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    corpus = Path(os.environ.get("CASEFILE_CORPUS", ROOT.parent / "shared" / "corpus"))
    files = sorted((corpus / "pdf").glob("*.pdf"))
    ways = {"pypdf_plain": _pypdf("plain"), "pypdf_layout": _pypdf("layout"), "shipped": _shipped}
    texts: dict[str, dict[str, list[str]]] = {}
    report: dict[str, Any] = {"files": len(files), "load_average": os.getloadavg()[0]}
    for name, read in ways.items():
        texts[name] = {}
        started = time.perf_counter()
        for f in files:
            try:
                texts[name][f.name] = read(f)
            except Exception:
                texts[name][f.name] = []
        seconds = time.perf_counter() - started
        pages = sum(len(p) for p in texts[name].values())
        known = {
            f"{file}: {words}": (
                words in " ".join(texts[name].get(file, [])),
                artefact in "".join(texts[name].get(file, [])),
            )
            for file, words, artefact in KNOWN
        }
        lost = []
        for file, plain in texts["pypdf_plain"].items():
            got = texts[name].get(file, [])
            for n, (a, b) in enumerate(zip(plain, got, strict=False), 1):
                na, nb = len("".join(a.split())), len("".join(b.split()))
                if na > 200 and nb < na * 0.8:
                    lost.append(f"{file} p{n}: {nb}/{na}")
        report[name] = {
            "pages": pages,
            "seconds": round(seconds, 2),
            "pages_per_s": round(pages / seconds, 1) if seconds else None,
            "known_words_found": sum(found for found, _a in known.values()),
            "artefacts_left": sum(art for _f, art in known.values()),
            "known": {k: {"found": f, "artefact": a} for k, (f, a) in known.items()},
            "pages_losing_over_20pct_of_characters": lost,
        }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
