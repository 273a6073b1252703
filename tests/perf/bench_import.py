"""Import throughput: the shared corpus, and 2,000 generated ~3 KB mixed-language texts.

Prints one JSON object. Not part of the test suite (no timed assertions anywhere):
    .venv/bin/python tests/perf/bench_import.py [--corpus PATH] [--count 2000] [--with-index]

Target (issue #2): 2,000 text documents imported, before search indexing, in under 3 s
on the 2-core machine, peak RSS under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from casefile.core import services
from casefile.core.search import indexer
from tests.helpers import write_text_files


def _peak_rss_mb() -> dict[str, float]:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "main_process_mb": round(self_kb / 1024, 1),
        "largest_worker_mb": round(kids_kb / 1024, 1),
    }


def _measure(label: str, paths: list[Path], with_index: bool) -> dict[str, object]:
    saved = indexer.sync
    if not with_index:
        indexer.sync = lambda *_args: None  # services.sync calls it by module attribute
    try:
        with tempfile.TemporaryDirectory() as tmp:
            case = services.create_case(Path(tmp) / "bench")
            size = sum(p.stat().st_size for p in _files(paths))
            t0 = time.perf_counter()
            summary = services.import_paths(case, paths)
            elapsed = time.perf_counter() - t0
            count = services.count_documents(case)
            statuses = services.status_counts(case)
            case.close()
    finally:
        indexer.sync = saved
    return {
        "set": label,
        "with_index": with_index,
        "files": len(summary.outcomes),
        "documents": count,
        "failed": summary.failed,
        "statuses": statuses,
        "seconds": round(elapsed, 3),
        "docs_per_s": round(count / elapsed, 1),
        "mb_per_s": round(size / 2**20 / elapsed, 2),
    }


def _files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else out.append(p)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    default_corpus = os.environ.get("CASEFILE_CORPUS") or str(
        Path(__file__).resolve().parents[3] / "shared" / "corpus"
    )
    ap.add_argument("--corpus", default=default_corpus)
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--with-index", action="store_true", help="also measure with indexing")
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated"
        write_text_files(generated, args.count, size=3000)
        results.append(_measure(f"generated-{args.count}x3KB", [generated], with_index=False))
        if args.with_index:
            results.append(_measure(f"generated-{args.count}x3KB", [generated], with_index=True))
    corpus = Path(args.corpus)
    if corpus.is_dir():
        results.append(_measure("shared-corpus", [corpus], with_index=False))
    print(
        json.dumps(
            {
                "benchmark": "import",
                "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                "results": results,
                "peak_rss": _peak_rss_mb(),
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
