"""Peak memory of the main process while one large file is imported and indexed.

Issue 8 item 8: a 200 MB single-line text file peaked at 3.7 GB in the main process, a
DOCX with 60 MB of text at 1.1 GB. Target: <= 500 MB for any single input within the
import size limit. Each input is imported (with indexing) in a fresh child process,
whose own peak RSS (ru_maxrss, which only grows) is reported after the import, after a
rebuild of the index (--reindex) and after one search matching every page (that last
figure is the search's memory, not the import's); the extraction workers are measured
apart (`largest_worker_mb`, best effort: they are the fork server's children).

Prints one JSON object. Not part of the test suite:
    .venv/bin/python tests/perf/bench_memory.py [--text-mb 200] [--docx-mb 60] [--reindex]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WORDS = (
    "Облачный провайдер Helix Cloud мог продавать сервисы распознавания лиц компании "
    "OkoVision, которая находится под санкциями. The Claimant says the Respondent sold "
    "cloud face-recognition services to a sanctioned company through a front company. "
)


def write_single_line_text(path: Path, megabytes: int) -> None:
    """`megabytes` of mixed Russian/English words on one line (no newline at all)."""
    block = (WORDS * 200).encode("utf-8")
    with open(path, "wb") as fh:
        written = 0
        n = 0
        while written < megabytes * 1024 * 1024:
            chunk = f"[{n}] ".encode() + block
            fh.write(chunk)
            written += len(chunk)
            n += 1


def write_big_docx(path: Path, megabytes: int) -> None:
    """A DOCX whose body holds about `megabytes` of text in ~10 KB paragraphs."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    para = WORDS.replace("&", "&amp;") * 40
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0"?><w:document {ns}><w:body>'.encode())
            written = 0
            n = 0
            while written < megabytes * 1024 * 1024:
                chunk = f"<w:p><w:r><w:t>[{n}] {para}</w:t></w:r></w:p>".encode()
                fh.write(chunk)
                written += len(chunk)
                n += 1
            fh.write(b"</w:body></w:document>")


CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from casefile.core import services
case_dir, source, reindex = Path(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
case = services.create_case(case_dir)
t0 = time.perf_counter()
summary = services.import_paths(case, [source], timeout_s=3600)
elapsed = time.perf_counter() - t0
import casefile
out = {"code": str(Path(casefile.__file__).parent.parent), "import_s": round(elapsed, 1),
       "status": [o.status for o in summary.outcomes],
       "reason": [o.reason for o in summary.outcomes]}
uid = summary.outcomes[0].document_uid
out["pages"] = services.get_document(case, uid).page_count if uid else 0
def peak():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
out["main_peak_import_mb"] = peak()  # import and indexing
if reindex:
    t0 = time.perf_counter()
    services.reindex(case)
    out["reindex_s"] = round(time.perf_counter() - t0, 1)
    out["main_peak_after_reindex_mb"] = peak()
# A search whose every page matches (the search's own memory, not the import's).
found = services.search(case, "OkoVision", limit=5)
out["search_total"], out["search_total_is_estimate"] = found.total, found.total_is_estimate
out["main_peak_after_search_mb"] = peak()
case.close()
out["largest_worker_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
print(json.dumps(out))
"""


def measure(label: str, source: Path, reindex: bool, code_root: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory(dir=source.parent) as tmp:
        t0 = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD,
                str(code_root),
                str(Path(tmp) / "bench"),
                str(source),
                "1" if reindex else "0",
            ],
            capture_output=True,
            text=True,
            cwd=code_root,  # the fork server's workers must load the same tree
            env={**os.environ, "PYTHONPATH": str(code_root)},
        )
        wall = time.perf_counter() - t0
    if proc.returncode != 0:
        return {"input": label, "error": proc.stderr[-2000:]}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return {
        "input": label,
        "size_mb": round(source.stat().st_size / 2**20, 1),
        "wall_s": round(wall, 1),
        **result,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--text-mb", type=int, default=200)
    ap.add_argument("--docx-mb", type=int, default=60)
    ap.add_argument("--reindex", action="store_true", help="also rebuild the index")
    ap.add_argument("--code", default=str(ROOT), help="the Casefile tree to measure")
    ap.add_argument("--work", default=None, help="folder for the generated inputs")
    args = ap.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="casefile-mem-"))
    work.mkdir(parents=True, exist_ok=True)
    runs = []
    if args.text_mb:
        text = work / f"single-line-{args.text_mb}mb.txt"
        if not text.exists():
            write_single_line_text(text, args.text_mb)
        runs.append(measure("single-line text", text, args.reindex, Path(args.code)))
    if args.docx_mb:
        docx = work / f"long-{args.docx_mb}mb.docx"
        if not docx.exists():
            write_big_docx(docx, args.docx_mb)
        runs.append(measure("docx", docx, args.reindex, Path(args.code)))
    print(
        json.dumps(
            {
                "benchmark": "memory of one large input",
                "target_main_process_mb": 500,
                "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                "runs": runs,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
