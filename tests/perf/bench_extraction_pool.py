"""Extraction throughput on many tiny text files (the import benchmark's worst case).

Prints JSON: seconds and files/s for the default pool (small text extracted in the
calling thread), for the same pool forced through worker processes, and the one-off
cost of loading the language model. Run: .venv/bin/python tests/perf/bench_extraction_pool.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from casefile.core.ingest.languages import _model
from casefile.core.ingest.workers import ExtractionPool


def main(count: int = 2000) -> None:
    folder = Path(tempfile.mkdtemp(prefix="casefile-bench-"))
    paths = []
    for i in range(count):
        path = folder / f"note{i:05}.txt"
        path.write_text(
            f"Заметка {i}: облачный провайдер мог продавать сервисы распознавания лиц. "
            f"The claimant says the respondent sold the services (item {i}).\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    figures: dict[str, float] = {"files": count}
    started = time.perf_counter()
    _model()
    figures["language_model_load_s"] = round(time.perf_counter() - started, 3)
    for label, options in (("default", {}), ("all_in_workers", {"inline_text_bytes": 0})):
        started = time.perf_counter()
        with ExtractionPool(**options) as pool:  # type: ignore[arg-type]
            results = [f.result() for f in [pool.submit(p) for p in paths]]
        seconds = time.perf_counter() - started
        assert all(r.status == "ok" for r in results)
        figures[f"{label}_s"] = round(seconds, 3)
        figures[f"{label}_files_per_s"] = round(count / seconds)
    print(json.dumps(figures))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
