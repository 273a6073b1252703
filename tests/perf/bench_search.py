"""Search benchmarks, side by side in one run: Casefile (Whoosh) vs Recoll vs SQLite FTS5.

    apt-get update && apt-get install -y recollcmd     # once, for the Recoll column
    .venv/bin/python tests/perf/bench_search.py [--count 2000] [--big 100000]
        [--cache-dir ~/.cache/casefile-bench] [--skip-big] [--rounds N] [--work-dir DIR]

Prints one JSON object:
- index: wall time to get 2,000 generated ~3 KB mixed ru/en text files from disk into a
  searchable index — Casefile (services.import_paths when the importer imports, else the
  same path without extraction: read, insert rows, queue, sync_index in 200-document
  batches), Recoll (`recollindex -c CONF -z`, stemming english+russian), FTS5 (one
  transaction, unicode61 tokenizer, no stemming) — each in its own process, with its
  peak RSS.
- query: p50/p95 latency over a fixed query set (words, inflections, phrases, mixed
  scripts, filters), top 20 documents with snippets (and facets, for Casefile), at
  2,000 documents and at `--big` documents (the big case is cached in --cache-dir).
This 2-core machine's speed drifts by a third from one minute to the next: `--rounds N`
imports N times more, Casefile and Recoll one after the other, and reports the median
ratio. Its file system has no journal, so files deleted in the last minutes make new
files slow to create: `--work-dir` keeps one run's files (delete them later), so that
its cleanup is not charged to the next run's import.
To compare two checkouts, run each from its own folder (`cd` into it, PYTHONPATH to
it): the extraction fork server puts the current folder first on its path and loads the
extractors from there, whatever PYTHONPATH says.
No timed assertions anywhere: targets are in the issue (<= 1.5x Recoll's index time;
p95 <= 50 ms at 100,000 documents; index build peak RSS <= 300 MB).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

QUERIES = [
    "суд",
    "судья",
    "санкции",
    "следователь",
    "Нехлюдов",
    "Маслова",
    "приговор",
    "court",
    "veteran",
    "disability",
    "evidence",
    "appeal",
    "sentence",
    '"the court"',
    '"судебный следователь"',
    "Nekhludov OR Нехлюдов",
    "court приговор",
    "appeal -veteran",
    "(суд OR court) AND evidence",
    "присяжн*",
    "evaluat*",
    "kind:court_filing appeal",
    "date:[2010 TO 2015] суд",
    "lang:ru суд",
    "VisionLabs санкции",
    "claimant",
    "defendant",
    "генерал",
    "тюрьма",
    "criminal",
]


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children (the extraction workers,
    recollindex): on a machine shared with other work, wall time says more about the
    neighbours than about the indexer; CPU time does not."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return round(own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime, 2)


def _reap_workers() -> None:
    """Stop the extraction workers' fork server: the workers are its children, so their
    CPU time reaches RUSAGE_CHILDREN only once it has been waited for (without this,
    `cpu_s` left out all of the extraction)."""
    with contextlib.suppress(Exception):
        from multiprocessing import forkserver

        forkserver._forkserver._stop()  # type: ignore[attr-defined]


def write_files(folder: Path, count: int) -> list[dict[str, object]]:
    from tests.perf.gen_corpus import documents

    folder.mkdir(parents=True, exist_ok=True)
    docs = list(documents(count))
    for d in docs:
        (folder / f"doc{d['i']:06d}.txt").write_text(str(d["text"]), encoding="utf-8")
    (folder / "meta.json").write_text(
        json.dumps([{k: v for k, v in d.items() if k != "text"} for d in docs])
    )
    return docs


# -- indexers (each run in a child process: `python bench_search.py --child NAME DIR OUT`) --
def child_casefile(src: Path, out: Path) -> dict[str, object]:
    from casefile.core import services

    case = services.create_case(out / "bench")
    t0, c0 = time.perf_counter(), time.process_time()
    mode = "import_paths"
    try:
        services.import_paths(case, [src])
    except Exception as exc:  # importer not usable in this checkout: index path alone
        mode = f"direct ({type(exc).__name__})"
        _direct_load(case, src, 200)
    elapsed = time.perf_counter() - t0
    n = services.count_documents(case)
    case.close()
    main_cpu = time.process_time() - c0
    _reap_workers()
    return {
        "seconds": round(elapsed, 2),
        "cpu_s": _cpu_s(),
        # This process alone (import bookkeeping and index writing): on 2 cores the wall
        # time is at least this and at least half of cpu_s.
        "main_cpu_s": round(main_cpu, 2),
        "documents": n,
        "mode": mode,
        "peak_rss_mb": _rss_mb(),
    }


def _direct_load(case: object, src: Path, batch: int) -> None:
    """What the importer does for plain text, minus sniffing/decoding: read the files,
    write 200 documents per transaction with their work items, then sync the index."""
    import hashlib
    import uuid

    from casefile.core import dates
    from casefile.core.db import work_queue
    from casefile.core.db.schema import Document, Page
    from casefile.core.services.sync import sync_index

    files = sorted(src.glob("*.txt"))
    meta = json.loads((src / "meta.json").read_text())
    for b in range(0, len(files), batch):
        with case.session() as s:  # type: ignore[attr-defined]
            uids = []
            for i in range(b, min(b + batch, len(files))):
                raw = files[i].read_bytes()
                m, p = meta[i], dates.parse(str(meta[i]["date"]))
                uid = uuid.uuid4().hex
                uids.append(uid)
                s.add(
                    Document(
                        uid=uid,
                        title=m["title"],
                        kind=m["kind"],
                        date=p.text,
                        date_lower=p.lower,
                        date_upper=p.upper,
                        languages=m["languages"],
                        sha256=hashlib.sha256(raw).hexdigest(),
                        size=len(raw),
                        original_filename=files[i].name,
                        file_type="txt",
                        importer_version="bench",
                        status="ok",
                        page_count=1,
                        pages=[Page(number=1, text=raw.decode("utf-8"))],
                    )
                )
            work_queue.enqueue(s, uids)
        sync_index(case)  # type: ignore[arg-type]


def child_fts5(src: Path, out: Path) -> dict[str, object]:
    t0 = time.perf_counter()
    db = sqlite3.connect(out / "fts.sqlite")
    db.execute(
        "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')"
    )
    with db:
        for f in sorted(src.glob("*.txt")):
            db.execute("INSERT INTO t VALUES (?, ?)", (f.stem, f.read_text(encoding="utf-8")))
    db.close()
    return {"seconds": round(time.perf_counter() - t0, 2), "peak_rss_mb": _rss_mb()}


def recoll(src: Path, out: Path) -> dict[str, object]:
    exe = shutil.which("recollindex")
    if exe is None:
        return {"skipped": "recollindex not installed (apt-get install -y recollcmd)"}
    conf = out / "recoll-conf"
    conf.mkdir()
    (conf / "recoll.conf").write_text(
        f"topdirs = {src}\nindexStemmingLanguages = english russian\nnoaspell = 1\n"
        "skippedNames = meta.json\n"
    )
    # In a fresh process, so RUSAGE_CHILDREN is recollindex's alone.
    proc = subprocess.run(
        [sys.executable, __file__, "--child", "recoll", exe, str(conf)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {**json.loads(proc.stdout.strip().splitlines()[-1]), "conf": str(conf)}


def child_recoll(exe: Path, conf: Path) -> dict[str, object]:
    t0 = time.perf_counter()
    subprocess.run([str(exe), "-c", str(conf), "-z"], check=True, capture_output=True)
    elapsed = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": round(elapsed, 2), "cpu_s": _cpu_s(), "peak_rss_mb": round(rss, 1)}


def _dir_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)


def child_reindex(case_path: Path, _unused: Path) -> dict[str, object]:
    """`casefile reindex` of the 2,000-document case: indexing alone, from the database."""
    from casefile.core import services

    with services.open_case(case_path) as case:
        t0 = time.perf_counter()
        n = services.reindex(case)
        elapsed = time.perf_counter() - t0
    return {
        "seconds": round(elapsed, 2),
        "cpu_s": _cpu_s(),
        "documents": n,
        "docs_per_s": round(n / elapsed),
        "peak_rss_mb": _rss_mb(),
        "index_mb": _dir_mb(case_path / "index"),
    }


def child_import_only(src: Path, out: Path) -> dict[str, object]:
    """The importer alone (no index syncer): how much of Casefile's time is indexing."""
    from casefile.core.search import indexer

    indexer.sync = lambda *_args: None  # services.sync calls it by module attribute
    return child_casefile(src, out)


def run_child(name: str, src: Path, out: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", name, str(src), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode:
        return {"error": proc.stderr.strip().splitlines()[-1:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- queries ---------------------------------------------------------------------------
@contextlib.contextmanager
def _work_folder(path: str | None) -> Iterator[str]:
    if path is None:
        with tempfile.TemporaryDirectory() as tmp:
            yield tmp
        return
    Path(path).mkdir(parents=True)
    yield path


def interleaved_rounds(
    src: Path, tmp: Path, rounds: int, first: dict[str, object]
) -> dict[str, object]:
    """More Casefile and Recoll imports, one after the other, so that both see the same
    minutes of this machine; the first round is the one already run (`first`)."""
    pairs: list[tuple[float, float, float, float]] = []
    with contextlib.suppress(KeyError, TypeError, ValueError):
        cf, rc = first["casefile"], first["recoll"]
        pairs.append(
            (float(cf["seconds"]), float(rc["seconds"]), float(cf["cpu_s"]), float(rc["cpu_s"]))
        )  # type: ignore[index]
    for n in range(1, rounds):
        out = tmp / f"round{n}"
        (out / "casefile").mkdir(parents=True)
        cf = run_child("casefile", src, out / "casefile")
        rc = recoll(src, out)
        if "seconds" not in cf or "seconds" not in rc:
            return {"error": [cf, rc]}
        pairs.append(
            (float(cf["seconds"]), float(rc["seconds"]), float(cf["cpu_s"]), float(rc["cpu_s"]))
        )  # type: ignore[arg-type]
    ratios = [c / r for c, r, _, _ in pairs]
    cpu_ratios = [c / r for _, _, c, r in pairs]
    return {
        "casefile_s": [p[0] for p in pairs],
        "recoll_s": [p[1] for p in pairs],
        "casefile_cpu_s": [p[2] for p in pairs],
        "recoll_cpu_s": [p[3] for p in pairs],
        "casefile_vs_recoll": [round(r, 2) for r in ratios],
        "casefile_vs_recoll_median": round(statistics.median(ratios), 2),
        "casefile_vs_recoll_cpu_median": round(statistics.median(cpu_ratios), 2),
    }


def _pcts(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {
        "p50_ms": round(statistics.median(times) * 1000, 1),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)] * 1000, 1),
        "max_ms": round(times[-1] * 1000, 1),
    }


def query_casefile(case_path: Path, rounds: int = 3) -> dict[str, object]:
    from casefile.core import services

    with services.open_case(case_path) as case:
        t0 = time.perf_counter()
        services.search(case, "суд")  # first query decodes the per-segment rows
        first = time.perf_counter() - t0
        times, nofacet, hits = [], [], {}
        for _ in range(rounds):
            for q in QUERIES:
                t = time.perf_counter()
                r = services.search(case, q, limit=20)
                times.append(time.perf_counter() - t)
                hits[q] = r.total
                t = time.perf_counter()
                services.search(case, q, limit=20, with_facets=False)
                nofacet.append(time.perf_counter() - t)
    return {
        "with_snippets_and_facets": _pcts(times),
        "without_facets": _pcts(nofacet),
        "first_query_ms": round(first * 1000, 1),
        "totals": hits,
    }


def query_fts5(db_path: Path, rounds: int = 3) -> dict[str, object]:
    db = sqlite3.connect(db_path)
    times = []
    for _ in range(rounds):
        for q in QUERIES:
            words = [
                w.strip('"()*-')
                for w in q.split()
                if w not in ("AND", "OR", "NOT") and ":" not in w
            ]
            fq = (
                " OR ".join(f'"{w}"' for w in words if w)
                if " OR " in q
                else " ".join(f'"{w}"' for w in words if w)
            )
            t = time.perf_counter()
            try:
                db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fq,)).fetchone()
                db.execute(
                    "SELECT rowid, snippet(t, 1, '[', ']', '…', 24) FROM t "
                    "WHERE t MATCH ? ORDER BY rank LIMIT 20",
                    (fq,),
                ).fetchall()
            except sqlite3.OperationalError:
                pass
            times.append(time.perf_counter() - t)
    return {"with_snippets": _pcts(times)}


def query_recoll(conf: str, rounds: int = 1) -> dict[str, object]:
    exe = shutil.which("recollq")
    if exe is None:
        return {"skipped": "recollq not installed"}
    times = []
    for q in QUERIES[:10]:
        t = time.perf_counter()
        subprocess.run([exe, "-c", conf, "-n", "20", "-A", q], capture_output=True)
        times.append(time.perf_counter() - t)
    return {"note": "recollq process per query (includes start-up)", **_pcts(times)}


def build_big(cache: Path, count: int) -> tuple[Path, dict[str, object]]:
    """A case of `count` generated documents, cached: rows inserted directly (the
    importer is not what is measured here), then `reindex` in a child process."""
    case_path = cache / f"big-{count}.casefile"
    info_path = cache / f"big-{count}.json"
    if case_path.exists() and info_path.exists():
        return case_path, {**json.loads(info_path.read_text()), "cached": True}
    shutil.rmtree(case_path, ignore_errors=True)
    cache.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [sys.executable, __file__, "--child", "big", str(count), str(case_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode:
        raise SystemExit(proc.stderr)
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    info_path.write_text(json.dumps(info))
    return case_path, info


def child_big(count: int, case_path: Path) -> dict[str, object]:
    from sqlalchemy import insert

    from casefile.core import dates, services
    from casefile.core.db.schema import Document, Page
    from tests.perf.gen_corpus import documents

    # Rows go in with plain inserts (no sync runs); then one rebuild is measured.
    case = services.create_case(case_path)
    batch_d, batch_p = [], []
    next_id = 1
    for d in documents(count, seed=11):
        p = dates.parse(str(d["date"]))
        batch_d.append(
            dict(
                id=next_id,
                uid=f"{next_id:032x}",
                title=d["title"],
                kind=d["kind"],
                date=p.text,
                date_lower=p.lower,
                date_upper=p.upper,
                languages=d["languages"],
                sha256=f"{next_id:064x}",
                size=3000,
                original_filename="gen.txt",
                file_type="txt",
                importer_version="bench",
                status="ok",
                page_count=1,
                revision=1,
                indexed_revision=0,
            )
        )
        batch_p.append(dict(document_id=next_id, number=1, text=d["text"]))
        next_id += 1
        if len(batch_d) == 5000:
            with case.session() as s:
                s.execute(insert(Document), batch_d)
                s.execute(insert(Page), batch_p)
            batch_d, batch_p = [], []
    if batch_d:
        with case.session() as s:
            s.execute(insert(Document), batch_d)
            s.execute(insert(Page), batch_p)
    rss_before = _rss_mb()
    t0 = time.perf_counter()
    services.reindex(case)
    elapsed = time.perf_counter() - t0
    case.close()
    size = sum(f.stat().st_size for f in (case_path / "index").iterdir())
    return {
        "documents": count,
        "rebuild_seconds": round(elapsed, 1),
        "docs_per_s": round(count / elapsed),
        "peak_rss_mb": _rss_mb(),
        "rss_before_rebuild_mb": rss_before,
        "index_mb": round(size / 2**20),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--big", type=int, default=100_000)
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--cache-dir", default=str(Path.home() / ".cache" / "casefile-bench"))
    ap.add_argument("--child", nargs=3)
    ap.add_argument(
        "--work-dir",
        help="build everything in this new folder and leave it there: on a file system "
        "without a journal, files deleted in the last minutes make every new file slower "
        "to create (ext4 skips recently freed inodes), which would charge one run's "
        "cleanup to the next one's import; delete the folders when the runs are over",
    )
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="import+index runs of Casefile and Recoll, interleaved; the median ratio is "
        "reported too (this 2-core machine's speed drifts by a third between minutes)",
    )
    args = ap.parse_args()
    if args.child:
        name, a, b = args.child
        if name == "big":
            print(json.dumps(child_big(int(a), Path(b))))
        else:
            fn = {
                "casefile": child_casefile,
                "fts5": child_fts5,
                "recoll": child_recoll,
                "import_only": child_import_only,
                "reindex": child_reindex,
            }[name]
            print(json.dumps(fn(Path(a), Path(b))))
        return
    result: dict[str, object] = {"machine": {"cpus": os.cpu_count()}}
    with _work_folder(args.work_dir) as tmp:
        src = Path(tmp) / "files"
        write_files(src, args.count)
        mb = sum(f.stat().st_size for f in src.glob("*.txt")) / 2**20
        index: dict[str, object] = {"documents": args.count, "mb": round(mb, 1)}
        for name in ("casefile", "import_only", "fts5"):
            out = Path(tmp) / name
            out.mkdir()
            index[name] = run_child(name, src, out)
        rc = recoll(src, Path(tmp))
        index["recoll"] = rc
        with contextlib.suppress(KeyError, TypeError, ValueError):
            index["casefile_vs_recoll"] = round(
                float(index["casefile"]["seconds"]) / float(rc["seconds"]), 2
            )  # type: ignore[index]
            index["casefile_vs_recoll_cpu"] = round(
                float(index["casefile"]["cpu_s"]) / float(rc["cpu_s"]), 2
            )  # type: ignore[index]
        if args.rounds > 1:
            index["rounds"] = interleaved_rounds(src, Path(tmp), args.rounds, index)
        index["load_average"] = os.getloadavg()
        case_path = Path(tmp) / "casefile" / "bench.casefile"
        index["index_mb"] = {
            "casefile": _dir_mb(case_path / "index"),
            "recoll": _dir_mb(Path(str(rc["conf"])) / "xapiandb") if "conf" in rc else None,
        }
        index["rebuild"] = run_child("reindex", case_path, Path(tmp))
        result["index"] = index
        result["query_2k"] = {
            "casefile": query_casefile(Path(tmp) / "casefile" / "bench.casefile"),
            "fts5": query_fts5(Path(tmp) / "fts5" / "fts.sqlite"),
            "recoll": query_recoll(str(rc["conf"])) if "conf" in rc else rc,
        }
    if not args.skip_big:
        big_path, info = build_big(Path(args.cache_dir).expanduser(), args.big)
        result["build_big"] = info
        result["query_big"] = {"casefile": query_casefile(big_path)}
        fts = Path(args.cache_dir).expanduser() / f"big-{args.big}-fts.sqlite"
        if not fts.exists():
            db = sqlite3.connect(fts)
            db.execute(
                "CREATE VIRTUAL TABLE t USING fts5(title, body, "
                "tokenize='unicode61 remove_diacritics 2')"
            )
            src_db = sqlite3.connect(big_path / "case.sqlite")
            with db:
                db.executemany(
                    "INSERT INTO t VALUES (?, ?)",
                    src_db.execute(
                        "SELECT d.title, p.text FROM document d JOIN page p ON p.document_id=d.id"
                    ),
                )
            db.close()
        result["query_big"]["fts5"] = query_fts5(fts)  # type: ignore[index]
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
