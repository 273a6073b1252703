"""The Chronology view with 5,000 events: first paint, re-sort, timeline zoom and pan.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/perf/bench_chronology_ui.py [--events 5000]

Prints one JSON object (targets of issue 13: first paint <= 200 ms, re-sort <= 100 ms,
no timeline stall over 50 ms). First paint: from asking the view to show its events to
the first screen of rows painted; re-sort: from a header sort to the new first screen
painted; zoom: each wheel step's synchronous repaint, from the whole range to days and
back, and drags across the strip. No timed assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _fill(case: object, n: int) -> None:
    from casefile.core import dates
    from casefile.core.db.schema import Document, Event, EventCitation, EventEntity, Page

    rng = random.Random(13)
    forms = ["{y}", "{y}-{m:02d}", "{y}-{m:02d}-{d:02d}", "{y}-{m:02d}~", "{y}/{y2}", "{y}?"]
    with case.session() as s:  # type: ignore[attr-defined]
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
        for i in range(n):
            y = rng.randrange(1995, 2025)
            text = rng.choice(forms).format(
                y=y, m=rng.randrange(1, 13), d=rng.randrange(1, 29), y2=y + 2
            )
            p = dates.parse(text)
            ev = Event(
                uid=uuid.uuid4().hex, title=f"Event {i} " + rng.choice("ABCDEFGH") * 3,
                date=p.text, date_lower=p.lower, date_upper=p.upper, sort_key=p.sort_key,
            )  # fmt: skip
            ev.entities = [EventEntity(name=f"Entity {rng.randrange(200)}")]
            for _ in range(rng.randrange(0, 3)):
                doc = rng.choice(docs)
                ev.citations.append(
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
                )
            s.add(ev)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=5000)
    args = ap.parse_args()

    from PySide6.QtCore import QEventLoop, QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from casefile.core import services
    from casefile.ui.app import make_app
    from casefile.ui.chronology.view import ChronologyView
    from casefile.ui.controller import CaseController
    from casefile.ui.runner import Runner, quieter_garbage_collection

    app = make_app(dark=False)
    assert isinstance(app, QApplication)

    def wait_event() -> None:
        """Sleep until the next event (a result coming back): a busy loop here would
        take the interpreter from the reader thread and time itself."""
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    with tempfile.TemporaryDirectory() as tmp:
        case = services.create_case(Path(tmp) / "Bench")
        _fill(case, args.events)
        runner = Runner()
        controller = CaseController(case, runner)
        view = ChronologyView(controller)
        view.resize(1100, 800)
        view.show()
        wait_event()

        def shown(timeout: float = 60) -> None:
            """Until the whole outline is in and drawn (rows read ahead in the
            background are not waited for: see `idle`)."""
            end = time.perf_counter() + timeout
            while view.model.loading:
                wait_event()
                if time.perf_counter() > end:
                    raise SystemExit("timed out")
            view.table.viewport().repaint()
            view.timeline.repaint()

        def idle() -> None:
            while not runner.idle:
                wait_event()

        t0, c0 = time.perf_counter(), time.process_time()
        view.activate()
        while not view.model.rowCount():
            wait_event()
        view.table.viewport().repaint()
        first_paint = (time.perf_counter() - t0) * 1000
        first_paint_cpu = (time.process_time() - c0) * 1000
        shown()
        whole_outline = (time.perf_counter() - t0) * 1000
        idle()  # the rows read ahead, before the sorts are timed
        assert view.model.rowCount() == args.events

        sorts = []
        outlines = []
        sort_cpu: list[float] = []
        resets: list[int] = []
        view.model.modelReset.connect(lambda: resets.append(1))
        for col, order in [(1, 0), (0, 1), (2, 0), (3, 1), (4, 0), (0, 0)] * 2:
            resets.clear()
            t0, c0 = time.perf_counter(), time.process_time()
            view.table.sortByColumn(col, Qt.SortOrder(order))
            while not resets:
                wait_event()  # until the new first screen is in
            view.table.viewport().repaint()
            sorts.append((time.perf_counter() - t0) * 1000)
            sort_cpu.append((time.process_time() - c0) * 1000)
            shown()
            outlines.append((time.perf_counter() - t0) * 1000)
            idle()
        resort = {
            "median_ms": round(statistics.median(sorts), 1),
            "median_cpu_ms": round(statistics.median(sort_cpu), 1),
            "max_ms": round(max(sorts), 1),
            "whole_outline_median_ms": round(statistics.median(outlines), 1),
        }

        quieter_garbage_collection()  # as the window does once a case is on screen
        tl = view.timeline
        tl.fit()
        steps = []
        for delta in [120] * 40 + [-120] * 40:  # whole range to days, and back
            ev = QWheelEvent(
                QPointF(tl.width() * 0.37, 40), QPointF(tl.mapToGlobal(QPoint(400, 40))),
                QPoint(0, 0), QPoint(0, delta), Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
            )  # fmt: skip
            t0 = time.perf_counter()
            QApplication.sendEvent(tl, ev)
            tl.repaint()
            steps.append((time.perf_counter() - t0) * 1000)
            if os.environ.get("BENCH_VERBOSE"):
                print(round(steps[-1], 1), round(tl.span), file=sys.stderr)
        pans = []
        tl.zoom(8)
        for _ in range(60):
            t0 = time.perf_counter()
            tl.pan(-25)
            tl.repaint()
            pans.append((time.perf_counter() - t0) * 1000)
        tl.fit()
        t0 = time.perf_counter()
        tl.repaint()
        whole = (time.perf_counter() - t0) * 1000
        view.close()
        runner.shutdown()
        case.close()
    print(
        json.dumps(
            {
                "events": args.events,
                "first_paint_ms": round(first_paint, 1),
                "first_paint_cpu_ms": round(first_paint_cpu, 1),
                "whole_outline_and_timeline_ms": round(whole_outline, 1),
                "resort": resort,
                "timeline_zoom_worst_ms": round(max(steps), 1),
                "timeline_zoom_median_ms": round(statistics.median(steps), 1),
                "timeline_pan_worst_ms": round(max(pans), 1),
                "timeline_all_events_paint_ms": round(whole, 1),
                "load_average_1min": round(os.getloadavg()[0], 2),
                "cpu_count": os.cpu_count(),
                "targets": {"first_paint_ms": 200, "resort_ms": 100, "stall_ms": 50},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
