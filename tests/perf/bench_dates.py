"""Date suggestion throughput over the generated corpus (tests/perf/gen_corpus.py).

    .venv/bin/python tests/perf/bench_dates.py [--count 2000] [--workers 1]

Prints one JSON object: MB/s (UTF-8 bytes of text) in this process, through a worker
pool started for the call (worker_pool: spawn and natasha's load included) and through
one already started (started_pool: what a session's SuggestPool gives), and the
suggestions by rule. Target (issue 13): >= 1 MB/s. No timed assertions.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()

    import gen_corpus

    from casefile.core.chronology import suggest_dates as sd
    from casefile.core.chronology.suggest_pool import SuggestPool, suggest_many

    docs = list(gen_corpus.documents(args.count))
    texts = [(str(d["text"]), str(d["date"])) for d in docs]
    size_mb = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6

    t0 = time.perf_counter()
    sd._extractor()
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = [sd.suggest_dates(t, r) for t, r in texts]
    inline = time.perf_counter() - t0

    t0 = time.perf_counter()
    pooled = suggest_many(texts, workers=args.workers)
    pool = time.perf_counter() - t0
    assert [len(x) for x in pooled] == [len(x) for x in found]

    with SuggestPool(args.workers) as warm_pool:
        t0 = time.perf_counter()
        warm_pool.warm()
        start = time.perf_counter() - t0
        t0 = time.perf_counter()
        warm_pool.suggest(texts)
        warm = time.perf_counter() - t0

    n = sum(len(x) for x in found)
    print(
        json.dumps(
            {
                "documents": len(texts),
                "text_mb": round(size_mb, 2),
                "natasha_load_s": round(load, 2),
                "inline_s": round(inline, 2),
                "inline_mb_per_s": round(size_mb / inline, 2),
                "worker_pool_s": round(pool, 2),
                "worker_pool_mb_per_s": round(size_mb / pool, 2),
                "worker_start_s": round(start, 2),
                "started_pool_s": round(warm, 2),
                "started_pool_mb_per_s": round(size_mb / warm, 2),
                "workers": args.workers,
                "suggestions": n,
                "by_rule": {
                    r: sum(1 for x in found for s in x if s.rule == r)
                    for r in ("ru", "ru-relative", "en", "en-relative", "iso", "season")
                },
                "target_mb_per_s": 1.0,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
