"""Chronology services at scale: 5,000 events with citations, the calls a Chronology
view makes for its first paint and a re-sort.

    .venv/bin/python tests/perf/bench_chronology.py [--events 5000]

Prints one JSON object: time to add the events (one transaction), list_events (all,
with flags), a filtered list (entity, date range, flag). The view's own targets (issue
13: first paint <= 200 ms, re-sort <= 100 ms) need list_events well under 200 ms. No
timed assertions.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=5000)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()

    from casefile.core import dates, services
    from casefile.core.db.schema import Document, Event, EventCitation, EventEntity, Page
    from casefile.core.services import chronology

    rng = random.Random(13)
    forms = ["{y}", "{y}-{m:02d}", "{y}-{m:02d}-{d:02d}", "{y}-{m:02d}~", "{y}/{y2}"]
    with tempfile.TemporaryDirectory() as tmp:
        case = services.create_case(Path(tmp) / "Bench")
        t0 = time.perf_counter()
        with case.session() as s:
            docs = []
            for i in range(50):
                d = Document(
                    uid=uuid.uuid4().hex, title=f"Doc {i}", sha256=f"{i:064d}", size=1,
                    original_filename=f"d{i}.txt", file_type="text", importer_version="b",
                    status="ok", page_count=1, reliability_source="ABCDEF"[i % 6],
                )  # fmt: skip
                d.pages = [Page(number=1, text="quoted words here " * 20)]
                docs.append(d)
            s.add_all(docs)
            s.flush()
            for i in range(args.events):
                y = rng.randrange(1995, 2025)
                text = rng.choice(forms).format(
                    y=y, m=rng.randrange(1, 13), d=rng.randrange(1, 29), y2=y + 2
                )
                p = dates.parse(text)
                ev = Event(
                    uid=uuid.uuid4().hex, title=f"Event {i}", date=p.text, date_lower=p.lower,
                    date_upper=p.upper, sort_key=p.sort_key,
                )  # fmt: skip
                ev.entities = [EventEntity(name=f"Entity {rng.randrange(200)}")]
                doc = rng.choice(docs)
                ev.citations = [
                    EventCitation(
                        document_id=doc.id,
                        document_uid=doc.uid,
                        page=1,
                        quote="quoted words",
                        start=0,
                        end=12,
                        lost=False,
                        grade=rng.randrange(1, 7),
                    )
                    for _ in range(rng.randrange(0, 3))
                ]
                s.add(ev)
        add = time.perf_counter() - t0
        if "--profile" in sys.argv[1:]:
            import cProfile
            import pstats

            cProfile.runctx("chronology.list_events(case)", globals(), locals(), "/tmp/chr.prof")
            pstats.Stats("/tmp/chr.prof").sort_stats("cumtime").print_stats(25)
        timings = {}
        for name, kwargs in [
            ("list_all", {}),
            ("list_all_again", {}),
            ("by_entity", {"entity": "Entity 7"}),
            ("date_range", {"date_from": "2010", "date_to": "2012-06"}),
            ("flag_single_source", {"flag": "single_source"}),
        ]:
            t0 = time.perf_counter()
            n = len(chronology.list_events(case, **kwargs))
            timings[name] = {"ms": round((time.perf_counter() - t0) * 1000, 1), "events": n}
        case.close()
    print(json.dumps({"events": args.events, "insert_s": round(add, 2), **timings}, indent=2))


if __name__ == "__main__":
    main()
