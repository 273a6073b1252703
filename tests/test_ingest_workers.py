"""Worker isolation: a file that hangs, crashes or eats memory fails alone, with a reason,
and the pool goes on serving the other files."""

from __future__ import annotations

import ctypes
import os
import socket
import time
from collections import Counter
from pathlib import Path

import pytest

from casefile.core.ingest.extract import extract_file
from casefile.core.ingest.types import Extraction, Status
from casefile.core.ingest.workers import ExtractionPool
from tests.corpus import corpus_dir, nonspace


def hostile_extractor(path: str, password: str | None, name: str | None) -> Extraction:
    """Test-only extractor: misbehaves according to the file's name (runs in a worker)."""
    stem = Path(path).stem
    if stem == "hang":
        time.sleep(900)
    elif stem == "crash":
        os._exit(3)
    elif stem == "segv":
        ctypes.string_at(0)
    elif stem == "bomb":
        hog = [bytearray(64 * 1024 * 1024) for _ in range(1000)]  # 64 GB, far over the cap
        del hog
    elif stem == "net":
        socket.create_connection(("example.org", 80), timeout=1)
    return extract_file(path, password, name)


def _files(tmp_path: Path, *stems: str) -> dict[str, str]:
    paths = {}
    for stem in stems:
        path = tmp_path / f"{stem}.txt"
        path.write_text(f"Плохой файл {stem}? No: an ordinary note about {stem}.\n" * 20)
        paths[stem] = str(path)
    return paths


def test_hang_crash_and_memory_bomb_fail_alone(tmp_path: Path) -> None:
    files = _files(tmp_path, "hang", "crash", "segv", "bomb", "ok1", "ok2", "ok3")
    started = time.monotonic()
    with ExtractionPool(
        max_workers=2, timeout_s=5, memory_mb=300, extractor=hostile_extractor
    ) as pool:
        # The fork server's start (it loads the extractors) is not the files' time: on a
        # busy machine it alone could outlast the limit and turn the bomb into a timeout.
        assert pool.submit(files["ok2"]).result(timeout=120).status == Status.OK
        futures = {stem: pool.submit(path) for stem, path in files.items()}
        results = {stem: fut.result(timeout=60) for stem, fut in futures.items()}
        # The pool still serves new work after all that.
        again = pool.submit(files["ok1"]).result(timeout=30)
    # The hang sleeps 900 s: finishing far sooner proves it was cut off. (The bound is
    # loose on purpose: spawning workers on a loaded 2-core machine takes a while.)
    assert time.monotonic() - started < 240
    assert results["hang"].status == Status.FAILED
    assert results["hang"].reason == (
        "Extraction was stopped after 5 s: the file may be hostile or damaged. "
        "The original is kept."
    )
    for stem in ("crash", "segv"):
        assert results[stem].status == Status.FAILED
        assert "stopped unexpectedly" in (results[stem].reason or "")
    assert results["bomb"].status == Status.FAILED
    assert "memory" in (results["bomb"].reason or "")
    for stem in ("ok1", "ok2", "ok3"):
        assert results[stem].status == Status.OK and stem in results[stem].pages[0]
    assert again.status == Status.OK


def test_workers_refuse_the_network(tmp_path: Path) -> None:
    files = _files(tmp_path, "net")
    with ExtractionPool(max_workers=1, extractor=hostile_extractor) as pool:
        ex = pool.submit(files["net"]).result(timeout=30)
    assert ex.status == Status.FAILED and ex.reason and "Error" not in ex.reason


def test_cancel_pending_and_inline_mode(tmp_path: Path) -> None:
    files = _files(tmp_path, "hang", "ok1")
    pool = ExtractionPool(max_workers=1, timeout_s=60, extractor=hostile_extractor)
    try:
        hang = pool.submit(files["hang"])
        queued = pool.submit(files["ok1"])
        time.sleep(0.5)
        pool.cancel_pending()
        assert hang.cancelled() and queued.cancelled()
    finally:
        started = time.monotonic()
        pool.close()
        assert time.monotonic() - started < 10
    with ExtractionPool(inline=True) as inline:
        assert inline.submit(files["ok1"]).result().status == Status.OK


def test_many_small_text_files(tmp_path: Path) -> None:
    """Throughput smoke test (the benchmark proper lives in tests/perf)."""
    paths = []
    for i in range(300):
        path = tmp_path / f"note{i}.txt"
        path.write_text(f"Заметка {i}: Forrest met the vendor in Cyprus.\n", encoding="utf-8")
        paths.append(str(path))
    with ExtractionPool() as pool:
        results = [f.result() for f in [pool.submit(p) for p in paths]]
    assert all(r.status == Status.OK for r in results)


@pytest.mark.corpus
@pytest.mark.slow
def test_every_corpus_file_gives_text_or_a_reason() -> None:
    corpus = corpus_dir()
    files = [p for p in corpus.rglob("*") if p.is_file() and p.name != "SOURCES.md"]
    files.sort(key=lambda p: -p.stat().st_size)  # the slow big ones start first
    counts: Counter[str] = Counter()
    with ExtractionPool(timeout_s=60) as pool:
        futures = [(p, pool.submit(str(p), name=p.name)) for p in files]
        for path, future in futures:
            ex = future.result()
            assert isinstance(ex, Extraction), path
            counts[ex.status] += 1
            rel = path.relative_to(corpus)
            if ex.status == Status.OK:
                assert any(nonspace(page) for page in ex.pages), rel
            else:
                assert ex.reason and "Error" not in ex.reason and "Traceback" not in ex.reason, rel
    print("per-status counts over the corpus:", dict(counts))
    assert sum(counts.values()) == len(files)
    assert counts[Status.OK] >= 115


def test_a_bad_file_in_a_batch_fails_alone(tmp_path: Path) -> None:
    """Small files travel in batches; a crash or hang inside one batch must still cost
    only the culprit: the batch is retried file by file."""
    files = _files(tmp_path, "ok1", "crash", "ok2", "hang", "ok3")
    jobs = [(path, None, None) for path in files.values()]
    with ExtractionPool(max_workers=2, timeout_s=3, extractor=hostile_extractor) as pool:
        futures = pool.submit_batch(jobs)
        results = dict(zip(files, (f.result(timeout=60) for f in futures), strict=True))
    for stem in ("ok1", "ok2", "ok3"):
        assert results[stem].status == Status.OK and stem in results[stem].pages[0]
    assert "stopped unexpectedly" in (results["crash"].reason or "")
    assert "stopped after 3 s" in (results["hang"].reason or "")


def niceness_extractor(path: str, password: str | None, name: str | None) -> Extraction:
    """Test-only extractor: reports the worker's own nice value as the text."""
    result = extract_file(path, password, name)
    return Extraction(
        file_type=result.file_type,
        status=result.status,
        pages=[str(os.getpriority(os.PRIO_PROCESS, 0))],
    )


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="nice values are POSIX")
def test_workers_run_below_the_window_they_serve(tmp_path: Path) -> None:
    # Extraction at full priority took the CPU from the GUI's event loop on 2 cores.
    path = _files(tmp_path, "note")["note"]
    with ExtractionPool(max_workers=1, extractor=niceness_extractor) as pool:
        result = pool.submit(path).result(timeout=60)
    assert int(result.pages[0]) == max(10, os.getpriority(os.PRIO_PROCESS, 0))


def test_workers_make_the_rows_guesses_as_the_importer_would(tmp_path: Path) -> None:
    """The dateline and kind are guessed in the worker (ingest/guesses.py), from the
    extraction as the importer receives it, long texts' spooled pages included."""
    from casefile.core.ingest import workers
    from casefile.core.ingest.extract import extract_file
    from casefile.core.ingest.guesses import text_guesses

    notes = {
        "filing.txt": "7 июня 2024 г.\nИстец обратился в районный суд с иском.",
        "letter.txt": "London, 3 March 2021\n\nDear Sir, the claimant replies.",
        "plain.txt": "Nothing to date here, only words.",
        "long.txt": "June 7, 2024\nAnnual report. " + "word " * 400_000,
    }
    for name, text in notes.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    spool_dir = tmp_path / "spool"
    spool_dir.mkdir()
    jobs = [(str(tmp_path / name), None, name) for name in notes]
    done = workers._run_batch(extract_file, jobs, str(spool_dir))
    assert any(ex.spool for ex in done)  # the long one travels as a spool
    made = [ex.guesses for ex in done]
    for ex in done:
        ex.guesses = None
    assert made == [text_guesses(ex) for ex in done]
    assert made[0] == ("2024-06-07", "court_filing")
    assert made[2] == (None, "other")
    assert made[3] is not None and made[3][0] == "2024-06-07"
