"""OCR benchmarks (issue 16); prints one JSON object. Not part of the test suite.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/perf/bench_ocr.py [--pages 8]
        [--skip-ui]

1. Seconds per A4 page at the chosen resolution (300 dpi), rus+eng, one engine in this
   process after it is loaded: rasterising (pdfium) and recognition separately.
2. Pages per minute with both workers: `services.ocr_documents` on an image-only PDF of
   `--pages` dense A4 pages (Russian and English prose in DejaVu Sans), with the peak
   resident memory of any worker process (sampled every 50 ms).
3. The window's longest stall while the OCR job runs in the background (a 5 ms QTimer
   records how late each tick fires, as in bench_ui.py; target: none over 50 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

RU = (
    "Арбитражный суд рассмотрел заявление о признании сделки недействительной и "
    "установил, что поставка оборудования для распознавания лиц была оплачена через "
    "третьи страны в обход санкционных ограничений."
)
EN = (
    "The tribunal found that the supplier had shipped facial recognition equipment "
    "through intermediaries in third countries, in breach of the sanctions regime."
)


def a4_page(number: int) -> Any:
    """A dense A4 page at 300 dpi: ~40 lines of Russian and English prose, 11 pt."""
    import textwrap

    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 46)
    image = Image.new("L", (2480, 3508), 255)
    pen = ImageDraw.Draw(image)
    y = 200
    lines: list[str] = [f"Страница {number} / Page {number}"]
    for i in range(8):
        lines += [*textwrap.wrap(RU if i % 2 == 0 else EN, 80), ""]
    for line in lines:
        pen.text((200, y), line, font=font, fill=0)
        y += 72
    return image


def write_pdf(path: Path, pages: int) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for n in range(1, pages + 1):
        pdf.drawImage(ImageReader(a4_page(n)), 0, 0, A4[0], A4[1])
        pdf.showPage()
    pdf.save()
    return path


def bench_single(pdf: Path) -> dict[str, object]:
    from casefile.core.ocr.engine import recognise
    from casefile.core.ocr.raster import render_pdf_page
    from casefile.core.services.ocr import check_ocr

    data = check_ocr()
    t = time.perf_counter()
    image = render_pdf_page(str(pdf), 1)
    recognise(image, 1, data.folder, data.langs)  # loads the engine
    first = time.perf_counter() - t
    render, ocr, conf = [], [], []
    for n in (1, 2, 3):
        t = time.perf_counter()
        image = render_pdf_page(str(pdf), n)
        t1 = time.perf_counter()
        result = recognise(image, n, data.folder, data.langs)
        render.append(t1 - t)
        ocr.append(time.perf_counter() - t1)
        conf.append(result.confidence or 0.0)
    return {
        "dpi": image.dpi,
        "image_px": f"{image.image.width}x{image.image.height}",
        "first_page_with_engine_load_s": round(first, 2),
        "render_s_per_page": round(sum(render) / len(render), 3),
        "ocr_s_per_page": round(sum(ocr) / len(ocr), 2),
        "seconds_per_a4_page": round((sum(render) + sum(ocr)) / len(ocr), 2),
        "mean_confidence": round(sum(conf) / len(conf), 1),
        "language_data": data.files,
    }


def _worker_rss(stop: threading.Event, peak: list[int]) -> None:
    import psutil

    me = psutil.Process()
    while not stop.wait(0.05):
        for child in me.children(recursive=True):
            try:
                name = " ".join(child.cmdline())
                if "forkserver" in name and child.ppid() == me.pid:
                    continue  # the fork server itself does no OCR
                peak[0] = max(peak[0], child.memory_info().rss)
            except psutil.Error:
                continue


def bench_pool(pdf: Path, work: Path) -> dict[str, object]:
    from casefile.core import services

    case = services.create_case(work / "pool")
    services.import_paths(case, [pdf])
    peak = [0]
    stop = threading.Event()
    sampler = threading.Thread(target=_worker_rss, args=(stop, peak), daemon=True)
    sampler.start()
    t = time.perf_counter()
    summary = services.ocr_documents(case, workers=2)
    elapsed = time.perf_counter() - t
    stop.set()
    sampler.join()
    hits = services.search(case, "распознавание").total
    case.close()
    return {
        "pages": summary.pages,
        "seconds": round(elapsed, 1),
        "pages_per_minute_two_workers": round(summary.pages / elapsed * 60, 1),
        "worker_peak_rss_mb": round(peak[0] / 2**20),
        "search_finds_document": hits == 1,
    }


def bench_ui(pdf: Path, work: Path) -> dict[str, object]:
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

    from casefile.core import services
    from casefile.ui.app import make_app
    from casefile.ui.main_window import MainWindow
    from casefile.ui.ocr_jobs import jobs_for
    from casefile.ui.settings import Settings

    app = make_app(dark=False)
    case_path = work / "ui.casefile"
    with services.create_case(case_path) as case:
        services.import_paths(case, [pdf])
    win = MainWindow(Settings(QSettings(str(work / "s.ini"), QSettings.Format.IniFormat)))
    win.resize(1360, 820)
    win.show()
    win.open_case(str(case_path))
    while win.case_view is None or win.case_view.model.loading or not win.runner.idle:
        app.processEvents()
    assert win.controller is not None
    ocr = jobs_for(win.controller)
    ocr.resume_soon = lambda *_a, **_k: None  # started below, under the clock
    interval = 5
    clock = QElapsedTimer()
    stalls: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        stalls.append(max(0.0, now - last[0] - interval))
        last[0] = now

    timer = QTimer()
    timer.setInterval(interval)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    t = time.perf_counter()
    job = ocr.recognise(None)
    assert job is not None
    while job.running:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - t
    settle = time.perf_counter() + 1.0
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    win.close()
    ordered = sorted(stalls)
    return {
        "ocr_seconds": round(elapsed, 1),
        "pages": job.result.pages,
        "ticks": len(stalls),
        "largest_stall_ms": round(max(stalls, default=0.0), 1),
        "p99_stall_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 1) if ordered else 0.0,
        "stalls_over_50ms": sum(1 for s in stalls if s > 50),
        "target": "no stall over 50 ms",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--skip-ui", action="store_true")
    args = parser.parse_args()
    out: dict[str, object] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdf = write_pdf(work / "scan.pdf", args.pages)
        out["single_page"] = bench_single(pdf)
        out["two_workers"] = bench_pool(pdf, work)
        if not args.skip_ui:
            out["ui_while_ocr"] = bench_ui(pdf, work)
    out["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
