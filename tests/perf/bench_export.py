"""Exports at scale: a DOCX report and the CSV tables of a case of 5,000 events.

    .venv/bin/python tests/perf/bench_export.py [--events 5000] [--docs 300]

Builds a case in a temporary folder (documents with pages, entities, events with one
to three citations each, Russian and English words), then times
`services.exports.run_export` for the report (issue 14: <= 5 s for 5,000 events) and
for the CSV tables, and prints one JSON object. No timed assertions.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def build(case: object, events: int, ndocs: int) -> None:
    """The case, written with bulk Core inserts (ORM objects for 5,000 events with their
    citations took over a minute here)."""
    from sqlalchemy import insert, select

    from casefile.core import dates
    from casefile.core.db.schema import Document, Event, EventCitation, EventEntity, Page

    parse = functools.lru_cache(maxsize=None)(dates.parse)  # edtf: ~40 ms a range
    rng = random.Random(14)
    forms = ["{y}", "{y}-{m:02d}", "{y}-{m:02d}-{d:02d}", "{y}-{m:02d}~", "{y}/{y2}"]
    with case.session() as s:  # type: ignore[attr-defined]
        s.execute(
            insert(Document),
            [
                {
                    "uid": uuid.uuid4().hex, "title": f"Документ {i} — filing",
                    "sha256": f"{i:064x}", "size": 1000, "original_filename": f"d{i}.txt",
                    "file_type": "text", "importer_version": "bench", "status": "ok",
                    "page_count": 3, "kind": "court_filing",
                    "date": f"20{10 + i % 14}-0{1 + i % 9}",
                    "date_lower": f"20{10 + i % 14}-0{1 + i % 9}-01", "source": "Эхо Севера",
                    "reliability_source": "ABCDEF"[i % 6], "reliability_info": 1 + i % 6,
                }
                for i in range(ndocs)
            ],
        )  # fmt: skip
        docs = list(s.execute(select(Document.id, Document.uid)))
        s.execute(
            insert(Page),
            [
                {"document_id": d, "number": n, "text": "Компания Helix Cloud продаёт доступ " * 30}
                for d, _u in docs
                for n in (1, 2, 3)
            ],
        )  # fmt: skip
        rows = []
        for i in range(events):
            y = rng.randrange(1995, 2025)
            p = parse(
                rng.choice(forms).format(
                    y=y, m=rng.randrange(1, 13), d=rng.randrange(1, 29), y2=y + 2
                )
            )
            rows.append(
                {
                    "uid": uuid.uuid4().hex, "title": f"Событие {i}: Helix Cloud signs a contract",
                    "description": "Описание события, with a longer English sentence. " * 2,
                    "date": p.text, "date_lower": p.lower, "date_upper": p.upper,
                    "sort_key": p.sort_key,
                }
            )  # fmt: skip
        s.execute(insert(Event), rows)
        ids = list(s.scalars(select(Event.id)))
        s.execute(
            insert(EventEntity),
            [{"event_id": e, "name": f"Entity {rng.randrange(200)}"} for e in ids],
        )
        cites = []
        for e in ids:
            for _ in range(rng.randrange(1, 4)):
                d, u = rng.choice(docs)
                cites.append(
                    {
                        "event_id": e, "document_id": d, "document_uid": u,
                        "page": rng.randrange(1, 4),
                        "quote": "Компания Helix Cloud продаёт доступ",
                        "start": 0, "end": 37, "lost": False, "grade": rng.randrange(1, 7),
                    }
                )  # fmt: skip
        s.execute(insert(EventCitation), cites)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=5000)
    ap.add_argument("--docs", type=int, default=300)
    args = ap.parse_args()

    from casefile.core import services
    from casefile.core.services import exports

    with tempfile.TemporaryDirectory() as tmp:
        case = services.create_case(Path(tmp) / "Bench")
        t0 = time.perf_counter()
        build(case, args.events, args.docs)
        built = time.perf_counter() - t0
        out: dict[str, object] = {"events": args.events, "documents": args.docs}
        out["build_s"] = round(built, 2)
        for kind, options, dest in (
            ("report", exports.ReportOptions(), Path(tmp) / "report.docx"),
            ("csv", exports.CsvOptions(), Path(tmp) / "csv"),
        ):
            t0 = time.perf_counter()
            result = exports.run_export(case, kind, options, dest)
            took = time.perf_counter() - t0
            size = sum(p.stat().st_size for p in result.files)
            out[kind] = {"s": round(took, 2), "bytes": size}
        case.close()
    out["report_target_s"] = 5.0
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
