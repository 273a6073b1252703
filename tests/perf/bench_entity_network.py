"""The entity network view at a few hundred entities (issue 12), one JSON object.

    .venv/bin/python tests/perf/bench_entity_network.py [--entities 400] [--relations 600]

Builds a case of N entities with random relations (and one document per 20 entities
naming them, so co-mentions exist), then times, offscreen:
- read: `services.entity_graph` (with co-mentions);
- layout: networkx's force layout of the connected groups, packed;
- draw: building the QGraphicsScene (nodes, names, edges);
- paint: one full paint of the view (grab).
No timed assertions; the view should stay usable (layout well under a few seconds,
draw and paint under ~100 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entities", type=int, default=400)
    ap.add_argument("--relations", type=int, default=600)
    args = ap.parse_args()

    from casefile.core import services
    from casefile.core.db import work_queue
    from tests.search_fixtures import add_document

    rng = random.Random(7)
    out: dict[str, object] = {"entities": args.entities, "relations": args.relations}
    with tempfile.TemporaryDirectory() as tmp:
        case = services.create_case(Path(tmp) / "Net")
        names = [f"Entity{i:04d} Person{i:04d}" for i in range(args.entities)]
        t = time.perf_counter()
        uids = [
            services.create_entity(case, n, rng.choice(["person", "organisation", "place"])).uid
            for n in names
        ]
        out["create_s"] = round(time.perf_counter() - t, 2)
        docs = [
            add_document(case, f"doc {i}", [" ".join(names[i : i + 20]) + "."], sync=False)
            for i in range(0, args.entities, 20)
        ]
        with case.session() as s:  # as the importer queues them: matched once, below
            work_queue.enqueue(s, docs, kind=work_queue.MATCH)
        services.match_pending(case)
        for _ in range(args.relations):
            a, b = rng.sample(uids, 2)
            services.add_relation(case, a, b, rng.choice(["owns", "employs", "supplied"]))

        from PySide6.QtWidgets import QApplication

        from casefile.ui.entities import network

        app = QApplication.instance() or QApplication([])
        t = time.perf_counter()
        graph = services.entity_graph(case, co_mentions=True, limit=network.NODE_LIMIT)
        out["read_ms"] = round((time.perf_counter() - t) * 1000, 1)
        t = time.perf_counter()
        graph, pos = network.graph_and_layout(case, True)
        out["read_and_layout_s"] = round(time.perf_counter() - t, 2)
        out["nodes"], out["edges"] = len(graph.nodes), len(graph.edges)

        class _Controller:  # what NetworkView needs of the case controller, no runner
            readonly = False

        view = network.NetworkView(_Controller())  # type: ignore[arg-type]
        view.resize(900, 700)
        view.show()
        t = time.perf_counter()
        view._draw(graph, pos)
        app.processEvents()
        out["draw_ms"] = round((time.perf_counter() - t) * 1000, 1)
        t = time.perf_counter()
        view.view.viewport().grab()
        out["paint_ms"] = round((time.perf_counter() - t) * 1000, 1)
        case.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
