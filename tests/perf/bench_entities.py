"""Entity benchmarks (issue 12), one JSON object on stdout.

    CASEFILE_CORPUS=/work/shared/corpus .venv/bin/python tests/perf/bench_entities.py \
        [--count 2000] [--aliases 3000] [--skip-import] [--imports 9] [--skip-suggest]

- forms: time to expand the aliases to their surface forms and build the automaton.
- match: one pass per page over the generated corpus (~3 KB mixed ru/en documents), in
  memory: MB/s of text (UTF-8 bytes and code points).
- stored: the same corpus in a case, every document queued and matched through the
  work queue, mentions written (`matching.drain`; 2,000 documents are below
  `shared_drain.START_MIN`, so one process matches them unless a matcher process is up
  already): MB/s of wall time and of this process's CPU, and a matcher process's CPU
  (documents_by_process 0: one process matched everything).
- stored_again: every document queued again and matched (the mentions found again
  stay as they are; a matcher process, if one was started, is kept with the case).
- import_one: importing one ~3 KB text file into that case, with the matching it
  causes, versus the matching's own share (target: matching adds <= 5%): medians of
  `--imports` imports.
- suggest: the suggestion job over the corpus (worker process): MB/s, the worker's
  peak RSS, and this (the calling, "GUI") process's RSS before and after.
Aliases are real capitalised words of the corpus (so they are found) plus two-word
combinations and acronyms (weak). No timed assertions: targets are in the issue
(>= 20 MB/s stored).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _children_cpu() -> float:
    """CPU seconds of this process's children, ended and running (the matcher process
    is kept with the case, so it has not ended when a drain returns)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = r.ru_utime + r.ru_stime
    tick = os.sysconf("SC_CLK_TCK")
    for task in Path("/proc/self/task").iterdir():
        try:
            pids = (task / "children").read_text().split()
        except OSError:
            continue
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _current_rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def make_aliases(
    texts: list[str], count: int, seed: int = 3, dense: bool = True
) -> list[tuple[str, bool]]:
    """(alias, weak): corpus proper names, two-word names, acronyms. `dense` takes the
    most frequent names first ("Secretary", "Labour", "Нехлюдов": ~41 mentions per
    document, a worst case); otherwise names are sampled across the whole frequency
    range, as a case's cast list is (~4 per document)."""
    words: dict[str, int] = {}
    lower: dict[str, int] = {}
    for t in texts:
        for w in re.findall(r"\b[A-ZА-ЯЁ][a-zа-яё]{3,}\b", t):
            words[w] = words.get(w, 0) + 1
        for w in re.findall(r"\b[a-zа-яё]{4,}\b", t):
            lower[w] = lower.get(w, 0) + 1
    # Proper names: capitalised words the corpus (almost) never writes in lower case,
    # as a case's aliases are; "There" or "Court" would match every "there".
    names = {w: n for w, n in words.items() if not lower.get(w.lower())}
    common = [w for w, _ in sorted(names.items(), key=lambda kv: -kv[1])]
    rng = random.Random(seed)
    if not dense:
        common = rng.sample(common[100:], min(len(common) - 100, count // 2))
    out: list[tuple[str, bool]] = [(w, False) for w in common[: count // 2]]
    while len(out) < count * 9 // 10:
        out.append((f"{rng.choice(common)} {rng.choice(common)}", False))
    while len(out) < count:
        n = rng.randrange(2, 5)
        out.append(("".join(chr(65 + rng.randrange(26)) for _ in range(n)), True))
    return out


def _chunks(case: object, size: int = 200) -> Iterator[list[str]]:
    from sqlalchemy import select

    from casefile.core.db.schema import Page

    with case.read_session() as s:  # type: ignore[attr-defined]
        ids = list(s.scalars(select(Page.id).order_by(Page.id)))
        for i in range(0, len(ids), size):
            yield list(s.scalars(select(Page.text).where(Page.id.in_(ids[i : i + size]))))


def _import_one(case: object, tmp: Path, texts: list[str], n: int) -> dict[str, object]:
    """Import one ~3 KB text file `n` times (a new document each time, after one import
    that starts the workers and builds the automaton): the median import and the median
    share of it spent matching (`matching.drain`). One import is ~0.2 s and the machine
    is shared, so a single sample moves by several points."""
    from casefile.core import services
    from casefile.core.entities import matching

    folder = tmp / "one"
    folder.mkdir()
    (folder / "one.txt").write_text(texts[0], encoding="utf-8")
    services.prepare_import()
    services.import_paths(case, [folder])  # type: ignore[arg-type]  # warm
    real = matching.drain
    spent = [0.0]

    def timed(*a, **k):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return real(*a, **k)
        finally:
            spent[0] += time.perf_counter() - t0

    samples: list[tuple[float, float]] = []
    matching.drain = timed  # type: ignore[assignment]
    try:
        for i in range(1, n + 1):
            (folder / "one.txt").write_text(texts[i] + " Ещё один.", encoding="utf-8")
            spent[0] = 0.0
            t = time.perf_counter()
            services.import_paths(case, [folder])  # type: ignore[arg-type]
            samples.append((time.perf_counter() - t, spent[0]))
    finally:
        matching.drain = real  # type: ignore[assignment]
    shares = [100 * m / total for total, m in samples]
    return {
        "imports": n,
        "import_s": round(statistics.median(t for t, _ in samples), 3),
        "matching_s": round(statistics.median(m for _, m in samples), 4),
        "matching_share_pct": round(statistics.median(shares), 2),
        "matching_share_pct_each": [round(x, 1) for x in shares],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--aliases", type=int, default=3000)
    ap.add_argument("--skip-import", action="store_true")
    ap.add_argument("--imports", type=int, default=9, help="single-document imports timed")
    ap.add_argument("--skip-suggest", action="store_true")
    ap.add_argument(
        "--dense", action="store_true", help="the most frequent names as aliases (worst case)"
    )
    args = ap.parse_args()

    from sqlalchemy import select

    from casefile.core import services
    from casefile.core.db import work_queue
    from casefile.core.db.schema import Document
    from casefile.core.entities import batch_match, forms, matching
    from casefile.core.entities.matcher import AliasSpec, Matcher
    from tests.perf.gen_corpus import documents
    from tests.search_fixtures import add_document

    docs = list(documents(args.count))
    texts = [str(d["text"]) for d in docs]
    aliases = make_aliases(texts, args.aliases, dense=args.dense)
    chars = sum(len(t) for t in texts)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    result: dict[str, object] = {
        "documents": len(docs),
        "aliases": len(aliases),
        "alias_set": "dense (most frequent names)" if args.dense else "sampled names",
        "text_mb_utf8": round(mb, 2),
        "text_mchars": round(chars / 1e6, 2),
    }

    forms._morph()  # dictionary load (0.1-0.2 s) is not the expansion's cost
    t = time.perf_counter()
    m = Matcher(AliasSpec(i, i, a, w) for i, (a, w) in enumerate(aliases))
    result["forms"] = {"seconds": round(time.perf_counter() - t, 2), "keys": m.size}

    t = time.perf_counter()
    c = time.process_time()
    hits = sum(len(m.find(x)) for x in texts)
    sec = time.perf_counter() - t
    cpu = time.process_time() - c
    result["match"] = {
        "seconds": round(sec, 3),
        "cpu_seconds": round(cpu, 3),
        "mb_per_s_cpu": round(mb / cpu, 1),
        "mb_per_s": round(mb / sec, 1),
        "mchars_per_s": round(chars / 1e6 / sec, 1),
        "hits": hits,
    }

    with tempfile.TemporaryDirectory() as tmp:
        case = services.create_case(Path(tmp) / "bench")
        for d in docs:
            add_document(case, str(d["title"]), [str(d["text"])], sync=False)
        services.ensure_index(case)
        t = time.perf_counter()
        from casefile.core.entities import store

        with case.session() as s:
            for a, weak in aliases:
                store.create(s, a, "other", weak_aliases=[a] if weak else [])
        result["create_entities_s"] = round(time.perf_counter() - t, 2)
        with case.session() as s:
            work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
        t = time.perf_counter()
        with case.read_session() as s:
            batch_match.matcher(case, s)  # built once per open case (forms cached above)
        result["automaton_build_s"] = round(time.perf_counter() - t, 2)
        t = time.perf_counter()
        c = time.process_time()
        for uid_chunk in _chunks(case):  # reading the stored pages and matching, no writes
            for text in uid_chunk:
                m.find(text)
        sec, cpu = time.perf_counter() - t, time.process_time() - c
        result["stored_read_and_match"] = {
            "seconds": round(sec, 2),
            "mb_per_s": round(mb / sec, 1),
            "mb_per_s_cpu": round(mb / cpu, 1),
        }
        t = time.perf_counter()
        c = time.process_time()
        child = _children_cpu()
        stats = matching.drain(case)
        sec = time.perf_counter() - t
        cpu = time.process_time() - c
        child = _children_cpu() - child
        result["stored"] = {
            "seconds": round(sec, 2),
            "cpu_seconds": round(cpu, 2),
            "mb_per_s_cpu": round(mb / cpu, 1),
            "mb_per_s": round(mb / sec, 1),
            "mentions": int(stats["mentions"]),
            # A queue of shared_drain.START_MIN documents or more is shared with a matcher
            # process started by this drain: its CPU (start-up included), the documents
            # it matched.
            "matcher_process_cpu_seconds": round(child, 2),
            "documents_by_process": int(stats.get("documents_by_process", 0)),
            "mb_per_s_cpu_both": round(mb / (cpu + child), 1),
            "note": "reads pages, matches, replaces and writes mentions, queues the index",
        }
        t = time.perf_counter()
        services.match_pending(case)  # nothing queued: the index of changed documents
        result["index_after_match_s"] = round(time.perf_counter() - t, 2)

        # The same queue again, as after an alias change that concerns every document:
        # the matcher process is already up (it is kept with the case), and the old
        # automatic mentions are replaced.
        with case.session() as s:
            work_queue.enqueue(s, list(s.scalars(select(Document.uid))), kind=work_queue.MATCH)
        t = time.perf_counter()
        c = time.process_time()
        child = _children_cpu()
        again = matching.drain(case)
        sec, cpu = time.perf_counter() - t, time.process_time() - c
        child = _children_cpu() - child
        result["stored_again"] = {
            "seconds": round(sec, 2),
            "cpu_seconds": round(cpu, 2),
            "matcher_process_cpu_seconds": round(child, 2),
            "mb_per_s": round(mb / sec, 1),
            "mentions": int(again["mentions"]),
            "documents_by_process": int(again.get("documents_by_process", 0)),
        }
        services.match_pending(case)

        if not args.skip_import:
            result["import_one"] = _import_one(case, Path(tmp), texts, args.imports)

        if not args.skip_suggest:
            rss_before = _current_rss_mb()
            t = time.perf_counter()
            sug = services.suggest_entities(case)
            sec = time.perf_counter() - t
            result["suggest"] = {
                "seconds": round(sec, 1),
                "mb_per_s": round(mb / sec, 2),
                "suggestions": len(sug.suggestions),
                "worker_peak_rss_mb": sug.worker_peak_rss_mb,
                "caller_rss_before_mb": rss_before,
                "caller_rss_after_mb": _current_rss_mb(),
            }
        case.close()
    result["peak_rss_mb"] = _rss_mb()
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
