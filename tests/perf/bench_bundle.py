"""The PDF court bundle and the case archive, timed (issue 14's benchmarks).

    PYTHONPATH=. CASEFILE_CORPUS=/work/shared/corpus python -m tests.perf.bench_bundle

1. A ~1,000-page bundle of a case (PDFs of text pages, scanned-like PDFs with an image
   per page, e-mail-like texts typeset): seconds and peak RSS of the process that makes
   it (a fresh child process, so the figure is the bundle's alone). Target: ≤ 30 s,
   ≤ 500 MB.
2. The corpus case archived and imported again, against copying the case folder's
   files in the same run. Target: each ≤ 2× the copy. The index rebuild after an import
   is reported separately (the index is derived and never travels in an archive).

Prints one JSON object.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

CHILD = """
import json, resource, sys, time
from casefile.core import services
from casefile.core.services.bundles import make_bundle
with services.open_case(sys.argv[1]) as case:
    t0 = time.perf_counter()
    result = make_bundle(case, sys.argv[2], title="Benchmark bundle")
    seconds = time.perf_counter() - t0
print(json.dumps({"pages": result.pages, "documents": len(result.placed), "seconds":
    round(seconds, 2), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    / 1024, 1), "bytes": sum(f.stat().st_size for f in result.files)}))
"""


def _sources(folder: Path) -> None:
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    folder.mkdir(parents=True)
    words = (
        "The Claimant says the Respondent sold cloud face-recognition services to a "
        "sanctioned company. Истец утверждает, что ответчик продавал услуги. "
    ) * 3
    for d in range(40):  # 800 text pages
        c = Canvas(str(folder / f"filing-{d:02d}.pdf"), pagesize=A4)
        for p in range(20):
            t = c.beginText(60, 780)
            for line in range(45):
                t.textLine(f"{d}.{p}.{line} {words[:90]}")
            c.drawText(t)
            c.showPage()
        c.save()
    scan = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    for y in range(100, 2300, 40):
        scan.paste(0, (150, y, 1500, y + 12))
    buf = io.BytesIO()
    scan.save(buf, format="JPEG", quality=70)
    for d in range(10):  # 100 scanned-like pages
        c = Canvas(str(folder / f"scan-{d:02d}.pdf"), pagesize=A4)
        for p in range(10):
            c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, *A4)
            c.drawString(30, 30, f"scan {d} page {p}")
            c.showPage()
        c.save()
    for d in range(20):  # e-mail-like texts, typeset
        (folder / f"note-{d:02d}.txt").write_text(
            f"Note {d}\n\n" + "\n".join(words for _ in range(60)), encoding="utf-8"
        )


def bundle_figures(root: Path) -> dict[str, object]:
    from casefile.core import services

    _sources(root / "in")
    with services.create_case(root / "Bench") as case:
        services.import_paths(case, [root / "in"])
        path = case.path
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.getcwd(), *sys.path]))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(root / "bundle.pdf")],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    figures: dict[str, object] = json.loads(out.stdout)
    figures["target"] = "<= 30 s, <= 500 MB"
    return figures


def _median_seconds(run: Callable[[int], object], times: int = 5) -> float:
    """The median of `times` runs (this machine is shared and noisy)."""
    seconds = []
    for n in range(times):
        t0 = time.perf_counter()
        run(n)
        seconds.append(time.perf_counter() - t0)
    return statistics.median(seconds)


def archive_figures(root: Path, corpus: Path) -> dict[str, object]:
    from casefile.core import services
    from casefile.core.export.archive_import import unpack
    from casefile.core.jobs import silent
    from casefile.core.services.archive import export_archive, import_archive

    folders = [corpus / d for d in ("pdf", "docx", "eml", "html", "ru", "txt")]
    with services.create_case(root / "Corpus") as case:
        services.import_paths(case, [f for f in folders if f.is_dir()])
        services.ensure_index(case)
        documents = services.count_documents(case)
        path = case.path
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    copy = _median_seconds(lambda n: shutil.copytree(path, root / f"copy-{n}.casefile"))
    with services.open_case(path) as case:
        export = _median_seconds(lambda n: export_archive(case, None, root / f"c{n}.casezip"))
    archive = root / "c0.casezip"
    unpacked = _median_seconds(lambda n: unpack(archive, root / f"Imported{n}", silent()))
    t0 = time.perf_counter()
    import_archive(archive, root / "Indexed")
    with_index = time.perf_counter() - t0
    return {
        "documents": documents,
        "case_mb": round(size / 2**20, 1),
        "archive_mb": round(archive.stat().st_size / 2**20, 1),
        "copy_seconds": round(copy, 3),
        "export_seconds": round(export, 3),
        "import_seconds": round(unpacked, 3),
        "export_vs_copy": round(export / copy, 2),
        "import_vs_copy": round(unpacked / copy, 2),
        "import_with_index_rebuild_seconds": round(with_index, 2),
        "target": "export and import each <= 2x copy (medians of 5 runs)",
    }


def main() -> None:
    corpus = Path(os.environ.get("CASEFILE_CORPUS", "../shared/corpus"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        figures = {"bundle": bundle_figures(root / "b")}
        if corpus.is_dir():
            figures["archive"] = archive_figures(root / "a", corpus)
        print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
