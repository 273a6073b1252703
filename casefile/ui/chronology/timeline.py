"""The timeline strip above the chronology table: every dated event on a time axis, as
precise as its date. A day is a mark; a month, a season, a year or an interval is a bar
over the days it covers; an approximate date is drawn soft (light, with a dashed edge),
an uncertain one hatched; an open end fades out at the edge. The wheel zooms (from
centuries to days) around the pointer, dragging pans, a click selects the event.

Painting stays cheap at 5,000 events: positions (day numbers and lanes) are computed once
per outline, and a paint looks only at the events that can be visible (a bisection over
the start days; the few long intervals are kept apart and always checked), then draws
each style with one drawRects call. tests/perf/bench_chronology_ui.py measures it.
"""

from __future__ import annotations

import bisect
import heapq
from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from casefile.core import i18n as core_i18n
from casefile.ui.i18n import translate

LANES = 6
LANE_H = 11
AXIS_H = 18
MIN_SPAN_DAYS = 10.0
MAX_SPAN_DAYS = 366.0 * 400
LONG_DAYS = 800  # intervals longer than this are checked at every paint
BAR = QColor("#3d6fb6")
SOFT = QColor("#9db7dc")
SELECTED = QColor("#e8590c")


class Item(NamedTuple):
    uid: str
    lo: float  # first day (ordinal)
    hi: float  # the day after the last
    lane: int
    point: bool  # a single day
    approximate: bool
    uncertain: bool
    open_start: bool
    open_end: bool


def _ordinal(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def build_items(marks: list[Any]) -> list[Item]:
    """Positions for every dated event (undated ones have no place on an axis), sorted
    by first day, each in the first lane free at its start."""
    dated = [m for m in marks if m.date and (m.lower or m.upper)]
    if not dated:
        return []
    known = [_ordinal(x) for m in dated for x in (m.lower, m.upper) if x]
    first, last = min(known), max(known) + 1
    raw = []
    for m in dated:
        lo = _ordinal(m.lower) if m.lower else first
        hi = _ordinal(m.upper) + 1 if m.upper else max(last, lo + 1)
        text = m.date
        raw.append((lo, hi, m.uid, text))
    raw.sort()
    free: list[tuple[float, int]] = [(float("-inf"), lane) for lane in range(LANES)]
    heapq.heapify(free)
    items = []
    for n, (lo, hi, uid, text) in enumerate(raw):
        end, lane = heapq.heappop(free)
        if end > lo:  # every lane busy here: share one, round robin
            heapq.heappush(free, (end, lane))
            lane = n % LANES
        else:
            heapq.heappush(free, (max(hi, lo + 1), lane))
        parts = text.split("/")
        items.append(
            Item(
                uid=uid,
                lo=float(lo),
                hi=float(hi),
                lane=lane,
                point="/" not in text and hi - lo <= 1,
                approximate=any(p.endswith(("~", "%")) for p in parts),
                uncertain=any(p.endswith(("?", "%")) for p in parts),
                open_start=parts[0] in ("", ".."),
                open_end=len(parts) > 1 and parts[1] in ("", ".."),
            )
        )
    return items


class Timeline(QWidget):
    eventClicked = Signal(str)  # uid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("Timeline", "Timeline"))
        self.setMinimumHeight(AXIS_H + LANES * (LANE_H + 2) + 10)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(False)
        self.items: list[Item] = []
        self._starts: list[float] = []
        self._long: list[Item] = []
        self.t0 = float(date(2000, 1, 1).toordinal())
        self.span = 366.0 * 30
        self.selected: str | None = None
        self._drag: tuple[float, float] | None = None  # press x, t0 then
        self._moved = False
        self._hits: list[tuple[float, float, int, str]] = []
        self.axis_locale = QLocale()
        self.set_language(core_i18n.language())

    def set_language(self, lang: str) -> None:
        """Month names on the axis in this language ("en", "ru"), as the table's dates."""
        russian = lang.lower().startswith("ru")
        self.axis_locale = QLocale(
            QLocale.Language.Russian if russian else QLocale.Language.English
        )
        self.update()

    def month(self, month: int, day: bool = False) -> str:
        """A month's short name on the axis: after a day number ("7 июн.") or alone
        ("июнь 2024")."""
        short = QLocale.FormatType.ShortFormat
        if day:
            return self.axis_locale.monthName(month, short)
        return self.axis_locale.standaloneMonthName(month, short)

    # -- data ---------------------------------------------------------------------------
    def set_marks(self, marks: list[Any]) -> None:
        self.set_items(build_items(marks))

    def set_items(self, items: list[Item]) -> None:
        """Items built by `build_items` (on a reader thread: see ui/chronology/model.py)."""
        self.items = items
        self._starts = [i.lo for i in self.items]
        self._long = [i for i in self.items if i.hi - i.lo > LONG_DAYS]
        self.fit()

    def fit(self) -> None:
        """Show every event, with a little room either side."""
        if not self.items:
            self.update()
            return
        lo = min(i.lo for i in self.items)
        hi = max(i.hi for i in self.items)
        span = max(MIN_SPAN_DAYS, (hi - lo) * 1.08)
        self.span = min(span, MAX_SPAN_DAYS)
        self.t0 = lo - (self.span - (hi - lo)) / 2
        self.update()

    def select(self, uid: str | None) -> None:
        """Mark the event chosen in the table, and bring it into view if it is not."""
        self.selected = uid
        item = next((i for i in self.items if i.uid == uid), None) if uid else None
        if item is not None and (item.hi < self.t0 or item.lo > self.t0 + self.span):
            self.t0 = (item.lo + item.hi) / 2 - self.span / 2
        self.update()

    # -- geometry -----------------------------------------------------------------------
    def _x(self, day: float) -> float:
        return (day - self.t0) * self.width() / self.span

    def _day(self, x: float) -> float:
        return self.t0 + x * self.span / max(1, self.width())

    def visible(self) -> list[Item]:
        """The events that can be on screen now (see the module docstring)."""
        t1 = self.t0 + self.span
        lo_i = bisect.bisect_left(self._starts, self.t0 - LONG_DAYS)
        hi_i = bisect.bisect_right(self._starts, t1)
        shown = [i for i in self.items[lo_i:hi_i] if i.hi >= self.t0]
        seen = {id(i) for i in shown}
        shown += [i for i in self._long if id(i) not in seen and i.lo <= t1 and i.hi >= self.t0]
        return shown

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        self._paint_axis(p)
        if not self.items:
            p.setPen(pal.placeholderText().color())
            p.drawText(
                self.rect().adjusted(0, AXIS_H, 0, 0),
                Qt.AlignmentFlag.AlignCenter,
                translate(
                    "Timeline", "Dated events appear here. Wheel: zoom · drag: move · click: select"
                ),
            )
            return
        # Neighbours of one lane and style that touch on screen are drawn as one rect:
        # zoomed out, thousands of events become a few hundred rects.
        styles: list[list[QRectF]] = [[], [], [], [], [], []]  # solid/soft/hatched x bar/point
        runs: dict[tuple[int, int], list[float]] = {}
        fades: list[tuple[float, float, int, bool]] = []
        hits: list[tuple[float, float, int, str]] = []
        chosen: Item | None = None
        width = float(self.width())
        k = width / self.span
        t0 = self.t0

        def flush(key: tuple[int, int], run: list[float]) -> None:
            lane, style = key
            y = AXIS_H + 4 + lane * (LANE_H + 2)
            x0, x1 = max(run[0], -2.0), min(run[1], width + 2.0)
            if style >= 3:
                styles[style].append(QRectF(x0, y, x1 - x0, LANE_H))
            else:
                styles[style].append(QRectF(x0, y + 2, x1 - x0, LANE_H - 4))

        for it in self.visible():
            x0, x1 = (it.lo - t0) * k, (it.hi - t0) * k
            style = 2 if it.uncertain else 1 if it.approximate else 0
            if it.point or x1 - x0 < 3:
                x0, x1 = (x0 + x1) / 2 - 2, (x0 + x1) / 2 + 2
                style += 3
            key = (it.lane, style)
            run = runs.get(key)
            if run is not None and run[0] <= x0 <= run[1] + 1:
                run[1] = max(run[1], x1)
            else:
                if run is not None:
                    flush(key, run)
                runs[key] = [x0, x1]
            if (it.open_start or it.open_end) and len(fades) < 200:
                fades.append((x0, x1, it.lane, it.open_end))
            hits.append((x0, x1, it.lane, it.uid))
            if it.uid == self.selected:
                chosen = it
        for key, run in runs.items():
            flush(key, run)
        brushes = [
            (QBrush(BAR), Qt.PenStyle.NoPen),
            (QBrush(SOFT), QPen(BAR, 1, Qt.PenStyle.DashLine)),
            (QBrush(BAR, Qt.BrushStyle.BDiagPattern), QPen(BAR, 1, Qt.PenStyle.DotLine)),
        ]
        for i, rects in enumerate(styles):
            if rects:
                brush, pen = brushes[i % 3]
                p.setBrush(brush)
                p.setPen(pen)
                p.drawRects(rects)
        p.setPen(Qt.PenStyle.NoPen)
        base = pal.base().color()
        for x0, x1, lane, at_end in fades:  # an open end fades out
            w = min(24.0, max(0.0, x1 - x0))
            y = AXIS_H + 4 + lane * (LANE_H + 2) + 2
            edge = QRectF(x1 - w if at_end else x0, y, w, LANE_H - 4)
            p.fillRect(edge, QBrush(base, Qt.BrushStyle.Dense4Pattern))
        if chosen is not None:
            r = self._rect(chosen)
            p.setBrush(SELECTED)
            p.setPen(QPen(SELECTED.darker(130), 1))
            p.drawRect(r.adjusted(-1, -1, 1, 1))
        self._hits = hits
        p.end()

    def _paint_axis(self, p: QPainter) -> None:
        pal = self.palette()
        p.setPen(pal.mid().color())
        p.drawLine(0, AXIS_H, self.width(), AXIS_H)
        p.setPen(pal.text().color())
        t1 = self.t0 + self.span
        px_per_day = self.width() / self.span
        first = date.fromordinal(max(1, int(self.t0)))
        last = date.fromordinal(min(date.max.toordinal(), int(t1) + 1))
        ticks: list[tuple[date, str]] = []
        # Labels never overlap: each step is the smallest that leaves ~55 px per label.
        if px_per_day >= 4:
            step = next((n for n in (1, 2, 7, 14) if px_per_day * n >= 55), 14)
            d = first
            while step >= 7 and d.weekday() != 0:
                d = date.fromordinal(d.toordinal() + 1)  # weeks start on Mondays
            while d <= last and len(ticks) < 120:
                label = f"{d.day} {self.month(d.month, day=True)}"
                ticks.append((d, label + (f" {d.year}" if (d.month, d.day) == (1, 1) else "")))
                d = date.fromordinal(d.toordinal() + step)
        elif px_per_day * 31 >= 45:
            months = next((n for n in (1, 3, 6) if px_per_day * 30.5 * n >= 55), 6)
            y, m = first.year, first.month - (first.month - 1) % months
            while (y, m) <= (last.year, last.month) and len(ticks) < 80:
                label = f"{self.month(m)} {y}" if m == 1 or not ticks else self.month(m)
                ticks.append((date(y, m, 1), label))
                m += months
                if m > 12:
                    y, m = y + 1, m - 12
        else:
            step = next((s for s in (1, 2, 5, 10, 20, 50, 100) if px_per_day * 365 * s >= 60), 200)
            year = first.year - first.year % step
            while year <= last.year and len(ticks) < 80:
                if year >= 1:
                    ticks.append((date(year, 1, 1), str(year)))
                year += step
        fm = p.fontMetrics()
        for d, label in ticks:
            x = self._x(d.toordinal())
            p.setPen(pal.mid().color())
            p.drawLine(QPointF(x, AXIS_H - 4), QPointF(x, self.height()))
            p.setPen(pal.text().color())
            p.drawText(QPointF(x + 3, fm.ascent() + 1), label)

    # -- zoom, pan, click ---------------------------------------------------------------
    def zoom(self, factor: float, at_x: float | None = None) -> None:
        """Zoom by `factor` (>1 closer) keeping the day under `at_x` in place."""
        x = self.width() / 2 if at_x is None else at_x
        anchor = self._day(x)
        span = min(MAX_SPAN_DAYS, max(MIN_SPAN_DAYS, self.span / factor))
        self.t0 = anchor - x * span / max(1, self.width())
        self.span = span
        self.update()

    def pan(self, dx: float) -> None:
        self.t0 -= dx * self.span / max(1, self.width())
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120 or event.angleDelta().x() / 120
        if steps:
            self.zoom(1.25**steps, event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = (event.position().x(), self.t0)
            self._moved = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            x0, t0 = self._drag
            dx = event.position().x() - x0
            if abs(dx) > 3:
                self._moved = True
            if self._moved:
                self.t0 = t0 - dx * self.span / max(1, self.width())
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        moved, self._drag = self._moved, None
        self.unsetCursor()
        if not moved and event.button() == Qt.MouseButton.LeftButton:
            uid = self.uid_at(event.position())
            if uid is not None:
                self.selected = uid
                self.update()
                self.eventClicked.emit(uid)

    def _rect(self, it: Item) -> QRectF:
        x0, x1 = self._x(it.lo), self._x(it.hi)
        y = AXIS_H + 4 + it.lane * (LANE_H + 2)
        if it.point or x1 - x0 < 3:
            return QRectF((x0 + x1) / 2 - 2, y, 4, LANE_H)
        x0, x1 = max(x0, -2.0), min(x1, self.width() + 2.0)
        return QRectF(x0, y + 2, x1 - x0, LANE_H - 4)

    def uid_at(self, pos: QPointF) -> str | None:
        """The event drawn at `pos` (a little slack around thin marks)."""
        lane = int((pos.y() - AXIS_H - 4) // (LANE_H + 2))
        for x0, x1, it_lane, uid in reversed(self._hits):
            if it_lane == lane and x0 - 2 <= pos.x() <= x1 + 2:
                return uid
        return None

    def point_of(self, uid: str) -> QPointF | None:
        """Where the event is drawn now (for tests that click it)."""
        for x0, x1, lane, u in self._hits:
            if u == uid:
                return QPointF((x0 + x1) / 2, AXIS_H + 4 + lane * (LANE_H + 2) + LANE_H / 2)
        return None
