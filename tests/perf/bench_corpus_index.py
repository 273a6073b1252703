"""Index size and rebuild time on the shared corpus (real multi-page PDFs, DOCX, mail),
where one index entry per document (format 2) and one per page (format 1) differ most.

    CASEFILE_CORPUS=/work/shared/corpus python -m tests.perf.bench_corpus_index

Prints JSON: documents, pages, index MB after import and after `reindex`, reindex seconds.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path


def _mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 2)


def main() -> None:
    from casefile.core import services

    corpus = Path(os.environ.get("CASEFILE_CORPUS", "../shared/corpus"))
    folders = [corpus / d for d in ("pdf", "docx", "eml", "html", "ru", "txt")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.casefile"
        with services.create_case(path) as case:
            services.import_paths(case, folders)
            services.ensure_index(case)
            docs = services.count_documents(case)
        after_import = _mb(path / "index")
        with services.open_case(path) as case:
            t0 = time.perf_counter()
            services.reindex(case)
            seconds = time.perf_counter() - t0
        print(
            json.dumps(
                {
                    "documents": docs,
                    "index_mb_after_import": after_import,
                    "index_mb_after_reindex": _mb(path / "index"),
                    "reindex_seconds": round(seconds, 2),
                }
            )
        )


if __name__ == "__main__":
    main()
