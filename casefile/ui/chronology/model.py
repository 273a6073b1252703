"""The chronology table's model: lazy, like the document table's (ui/document_model.py).

One read on the reader pool brings the ordered outline of every event the filters keep
(uid and date bounds: the row order, and what the timeline draws) together with the
first screen of full rows; other rows come in blocks when the view first paints them.
Sorting asks the database for a new order (services.chronology_view sorts in SQL by
the stored sort key), never sorts rows in Python. Nothing here reads on the UI thread.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from casefile.core import i18n as core_i18n
from casefile.core import labels as words
from casefile.core.date_words import in_words
from casefile.core.services import Changes
from casefile.core.services import chronology_view as cv
from casefile.ui.chronology.timeline import Item, build_items
from casefile.ui.controller import CaseController
from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate
from casefile.ui.icons import icon
from casefile.ui.messages import user_message

COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", QT_TRANSLATE_NOOP("EventTableModel", "Date")),
    ("title", QT_TRANSLATE_NOOP("EventTableModel", "Event")),
    ("entities", QT_TRANSLATE_NOOP("EventTableModel", "Entities")),
    ("sources", QT_TRANSLATE_NOOP("EventTableModel", "Sources")),
    ("grade", QT_TRANSLATE_NOOP("EventTableModel", "Grade")),
    ("flags", QT_TRANSLATE_NOOP("EventTableModel", "Flags")),
)
BLOCK = 64
FIRST_SCREEN = 40  # a tall window shows ~30 rows
CACHE_ROWS = 20_000  # every row of a big chronology: ~10 MB for 20,000
PREFETCH = 500  # rows per background read once the outline is in
UID_ROLE = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex

# The flags, and what each says: short in the cell, whole in the tooltip; the words are
# the core's (`casefile.core.labels`), shared with the export options, the CLI and the
# report.
FLAG_WORDS = words.EVENT_FLAGS


def flag_words(flag: str) -> tuple[str, str]:
    """A flag's word for the cell and its reason for the tooltip, in the interface
    language."""
    return words.event_flag_short(flag), words.event_flag_help(flag)


def _first(
    case: Any,
    filters: cv.EventFilters,
    sort: str,
    descending: bool,
    lang: str,
    known: frozenset[str] = frozenset(),
) -> tuple[list[cv.EventMark], dict[str, cv.EventRow]]:
    """The first screen: its rows in order (LIMIT), read in full unless `known`."""
    marks = cv.event_outline(case, filters, sort=sort, descending=descending, limit=FIRST_SCREEN)
    missing = [m.uid for m in marks if m.uid not in known]
    return marks, cv.event_rows(case, missing, lang) if missing else {}


def _full(
    case: Any, filters: cv.EventFilters, sort: str, descending: bool
) -> tuple[list[cv.EventMark], list[Item]]:
    """Every row's place, and the timeline's positions (built here, off the UI thread)."""
    marks = cv.event_outline(case, filters, sort=sort, descending=descending)
    return marks, build_items(marks)


class EventTableModel(QAbstractTableModel):
    loaded = Signal(int)  # rows after a (re)load
    outlineChanged = Signal(object)  # list[timeline.Item], for the timeline

    def __init__(self, controller: CaseController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.marks: list[cv.EventMark] = []
        self._rows: dict[str, int] | None = None
        self._cache: OrderedDict[str, cv.EventRow] = OrderedDict()
        self._sort = "date"
        self._descending = False
        self.filters = cv.EventFilters()
        self.lang = core_i18n.language()  # dates in words: the interface's, until switched
        self._generation = 0
        self._fetching: set[int] = set()
        self.loading = False
        controller.changed.connect(self._on_changed)

    # -- loading ----------------------------------------------------------------------
    @property
    def started(self) -> bool:
        return self._generation > 0

    def set_filters(self, filters: cv.EventFilters) -> None:
        self.filters = filters
        self.reload(keep_rows=True)  # the same events, fewer of them

    def set_language(self, lang: str) -> None:
        """Dates in words in this language ("en", "ru"): no read, only a repaint."""
        self.lang = lang
        if self.marks:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.marks) - 1, 0))

    def reload(self, keep_rows: bool = False) -> None:
        """Read the order again; `keep_rows` when only the order or the filters
        changed, not the events: rows already read are not read again (a re-sort is
        then one small query), and once the outline is in, the remaining rows are read
        in the background (`_prefetch`)."""
        self._generation += 1
        generation = self._generation
        self._fetching.clear()
        self.loading = True

        query = (self.controller.case, self.filters, self._sort, self._descending)

        def first(result: tuple[list[cv.EventMark], dict[str, cv.EventRow]]) -> None:
            """Two steps, as the document table: the first screen from a small query
            is painted at once; the whole outline (5,000 marks and the timeline's
            positions) follows and is appended below it without a reset."""
            if generation != self._generation:
                return  # a newer order or filter superseded this one
            marks, rows = result
            self.beginResetModel()
            self.marks = marks
            self._rows = None
            if not keep_rows:
                self._cache.clear()
            self._cache.update(rows)
            self.endResetModel()
            if len(marks) < FIRST_SCREEN:
                full((marks, build_items(marks)))
            else:
                self.controller.runner.read(_full, *query, on_done=full, on_error=failed)

        def full(result: tuple[list[cv.EventMark], list[Item]]) -> None:
            if generation != self._generation:
                return
            marks, items = result
            n = len(self.marks)
            if n and [m.uid for m in marks[:n]] == [m.uid for m in self.marks] and len(marks) > n:
                self.beginInsertRows(QModelIndex(), n, len(marks) - 1)
                self.marks = marks
                self._rows = None
                self.endInsertRows()
            elif marks != self.marks:
                self.beginResetModel()
                self.marks = marks
                self._rows = None
                self.endResetModel()
            self.loading = False
            self.outlineChanged.emit(items)
            self.loaded.emit(len(marks))
            self._prefetch(generation)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
                self.controller.failed.emit(user_message(exc))

        known = frozenset(self._cache) if keep_rows else frozenset()
        self.controller.runner.read(
            _first, *query, self.lang, known, on_done=first, on_error=failed
        )

    def _prefetch(self, generation: int) -> None:
        """Read the rows not yet read, a block at a time (one read in flight), so
        later re-sorts and scrolling find them at hand."""
        if generation != self._generation:
            return
        missing = [m.uid for m in self.marks if m.uid not in self._cache][:PREFETCH]
        if not missing or len(self._cache) + len(missing) > CACHE_ROWS:
            return

        def arrived(rows: dict[str, cv.EventRow]) -> None:
            if generation == self._generation:
                self._cache.update(rows)
                self._prefetch(generation)

        self.controller.runner.read(
            cv.event_rows,
            self.controller.case,
            missing,
            self.lang,
            on_done=arrived,
            on_error=lambda _e: None,
        )

    def _on_changed(self, changes: Changes) -> None:
        """Events changed, or documents (their titles, grades and numbers are what the
        citations show): read again, if the view was ever shown."""
        if self.started and (changes.events or changes.membership or changes.edited):
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key, descending = COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and self.started:
            return
        self._sort, self._descending = key, descending
        if self.started:
            self.reload(keep_rows=True)

    # -- rows on demand -----------------------------------------------------------------
    def cached_row(self, row: int) -> cv.EventRow | None:
        uid = self.uid_at(row)
        return self._cache.get(uid) if uid is not None else None

    def painted_row(self, row: int) -> cv.EventRow | None:
        uid = self.uid_at(row)
        if uid is None:
            return None
        hit = self._cache.get(uid)
        if hit is None:
            self._fetch_block(row - row % BLOCK)
        return hit

    def _fetch_block(self, start: int) -> None:
        if start in self._fetching:
            return
        self._fetching.add(start)
        generation = self._generation
        block = [m.uid for m in self.marks[start : start + BLOCK] if m.uid not in self._cache]

        def arrived(fetched: dict[str, cv.EventRow]) -> None:
            if generation != self._generation:
                return
            self._fetching.discard(start)
            self._cache.update(fetched)
            while len(self._cache) > CACHE_ROWS:
                self._cache.popitem(last=False)
            last = min(start + BLOCK, len(self.marks)) - 1
            if last >= start:
                self.dataChanged.emit(self.index(start, 0), self.index(last, len(COLUMNS) - 1))

        def failed(exc: BaseException) -> None:
            self._fetching.discard(start)
            self.controller.failed.emit(user_message(exc))

        self.controller.runner.read(
            cv.event_rows,
            self.controller.case,
            block,
            self.lang,
            on_done=arrived,
            on_error=failed,
        )

    def uid_at(self, row: int) -> str | None:
        return self.marks[row].uid if 0 <= row < len(self.marks) else None

    def row_of(self, uid: str) -> int | None:
        if self._rows is None:
            self._rows = {m.uid: i for i, m in enumerate(self.marks)}
        return self._rows.get(uid)

    @property
    def uids(self) -> Sequence[str]:
        return [m.uid for m in self.marks]

    # -- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.marks)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("EventTableModel", COLUMNS[section][1])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == UID_ROLE:
            return self.uid_at(index.row())
        if role not in _ROLES:
            return None
        row = self.painted_row(index.row())
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                mark = self.marks[index.row()]
                return in_words(mark.date, self.lang)  # known before the row arrives
            return None
        return _value(row, COLUMNS[index.column()][0], role, self.lang)


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


def _value(row: cv.EventRow, key: str, role: int, lang: str) -> Any:
    info = row.info
    if role == Qt.ItemDataRole.DisplayRole:
        if key == "date":
            return in_words(info.date, lang)
        if key == "title":
            return info.title
        if key == "entities":
            return ", ".join(e.name for e in info.entities)
        if key == "sources":
            return "; ".join(row.sources)
        if key == "grade":
            return " ".join(row.grades)
        if key == "flags":
            return " · ".join(flag_words(f)[0] for f in info.flags if f in FLAG_WORDS)
        return None
    if role == Qt.ItemDataRole.DecorationRole:
        if key == "flags" and info.flags:
            return icon("warning")
        return None
    # Tooltips say what the cell cannot: the flag's reason, the full citation.
    if key == "flags" and info.flags:
        return "\n".join(flag_words(f)[1] for f in info.flags if f in FLAG_WORDS)
    if key == "sources" and info.citations:
        line = translate("EventTableModel", "{source}: {title} — “{quote}”")
        return "\n".join(
            line.format(
                source=s,
                title=c.document_title or translate("EventTableModel", "a document deleted since"),
                quote=_short(c.quote),
            )
            for s, c in zip(row.sources, info.citations, strict=True)
        )
    if key == "grade" and info.citations:
        return translate(
            "EventTableModel",
            "Source reliability A–F (of the document) and information credibility 1–6 "
            "(of the citation), per citation",
        )
    if key == "date" and info.date:
        return f"{in_words(info.date, lang)} ({info.date})"
    if key == "title" and info.description:
        return info.description
    return None


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
