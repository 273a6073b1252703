"""The document table's model: lazy, so a 100,000-document case scrolls smoothly.

It keeps only the ordered ids in memory (`services.document_uids`, fetched off the UI
thread) and fetches rows in blocks of 64 (`services.summaries_for`, one indexed query of
a few milliseconds) when the view first asks for them; an LRU cache bounds memory.
Sorting asks the database for the new order of ids instead of sorting rows in Python.

Painting never queries the database: a row not yet fetched paints empty, its block is
fetched on the reader pool, and the row fills in when it arrives. Fetched on the UI
thread, the same query took 60-100 ms per screen (once 5 s) while an import or an index
rebuild kept the interpreter busy, because every step of a SQLite fetch hands the
interpreter lock back and waits to get it again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from casefile.core import services
from casefile.core.i18n import translate_recorded
from casefile.core.services import Changes, DocumentSummary
from casefile.ui import labels
from casefile.ui.controller import CaseController
from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate
from casefile.ui.icons import icon, kind_icon
from casefile.ui.messages import user_message

COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", QT_TRANSLATE_NOOP("DocumentTableModel", "Title")),
    ("kind", QT_TRANSLATE_NOOP("DocumentTableModel", "Kind")),
    ("date", QT_TRANSLATE_NOOP("DocumentTableModel", "Date")),
    ("source", QT_TRANSLATE_NOOP("DocumentTableModel", "Source")),
    ("pages", QT_TRANSLATE_NOOP("DocumentTableModel", "Pages")),
    ("status", QT_TRANSLATE_NOOP("DocumentTableModel", "Status")),
)
BLOCK = 64
FIRST_SCREEN = 128
CACHE_ROWS = 4096
UID_ROLE = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    loaded = Signal(int)  # the number of rows after a (re)load

    def __init__(self, controller: CaseController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._uids: list[str] = []
        self._rows: dict[str, int] | None = None  # uid -> row, built on demand
        self._cache: OrderedDict[str, DocumentSummary] = OrderedDict()
        self._sort = "date"
        self._descending = False
        self._filters: dict[str, Any] = {}
        self._generation = 0
        self._fetching: set[int] = set()  # first rows of blocks being fetched for painting
        self.loading = False
        controller.changed.connect(self._on_changed)

    # -- loading ----------------------------------------------------------------------
    @property
    def filters(self) -> dict[str, Any]:
        return dict(self._filters)

    def view_key(self) -> tuple[str, bool, tuple[tuple[str, Any], ...]]:
        """Which list this is (order and filters): the same key, the same list."""
        return (self._sort, self._descending, tuple(sorted(self._filters.items())))

    def set_filters(self, **filters: Any) -> None:
        self._filters = {k: v for k, v in filters.items() if v}
        self.reload()

    def reload(self) -> None:
        """Fetch the ordered ids in the background; the old rows stay until they arrive.

        Two steps, so a huge case shows its first screen at once: the first rows come
        from one small query (and fill the cache); only then is the full id list asked
        for (0.1 s of work for 100,000 documents, which would otherwise compete with the
        first screen for the interpreter) and appended below them without a reset when
        its beginning matches.
        """
        self._generation += 1
        generation = self._generation
        self._fetching.clear()  # fetches of the old order are dropped when they arrive
        self.loading = True
        query = {"sort": self._sort, "descending": self._descending, **self._filters}

        def first(rows: list[DocumentSummary]) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._uids = [r.uid for r in rows]
            self._rows = None
            self._cache.clear()
            self._cache.update((r.uid, r) for r in rows)
            self.endResetModel()
            if len(rows) < FIRST_SCREEN:
                full(self._uids)  # that was every row
            else:
                self.controller.read(services.document_uids, on_done=full, **query)

        def full(uids: list[str]) -> None:
            if generation != self._generation:
                return  # a newer reload superseded this one
            n = len(self._uids)
            if n and uids[:n] == self._uids and len(uids) > n:
                self.beginInsertRows(QModelIndex(), n, len(uids) - 1)
                self._uids = uids
                self._rows = None
                self.endInsertRows()
            elif uids != self._uids:
                self.beginResetModel()
                self._uids = uids
                self._rows = None
                self._cache.clear()
                self.endResetModel()
            self.loading = False
            self.loaded.emit(len(uids))

        self.controller.read(services.list_documents, limit=FIRST_SCREEN, on_done=first, **query)

    def _on_changed(self, changes: Changes) -> None:
        """Documents came or went, or an edit may have moved one out of the filter the
        table shows: read the ids again. Otherwise repaint the edited rows."""
        if changes.membership or (self._filters and changes.edited):
            self.reload()
            return
        for detail in changes.edited:
            self.refresh_uid(detail.uid)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key, descending = COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and self._generation:
            return  # the view re-announcing the same order (e.g. restoring its header)
        self._sort, self._descending = key, descending
        if self._generation:  # before the first load only remember it: see ensure_loaded
            self.reload()

    def ensure_loaded(self) -> None:
        if not self._generation:
            self.reload()

    # -- rows on demand -----------------------------------------------------------------
    def cached_summary(self, row: int) -> DocumentSummary | None:
        """The row if it is at hand, without reading anything."""
        uid = self.uid_at(row)
        return self._cache.get(uid) if uid is not None else None

    def summary(self, row: int) -> DocumentSummary | None:
        """The row, read now if need be: a blocking read for tests and the screenshot
        script only. The window never calls it; painting uses `painted_summary`."""
        if not 0 <= row < len(self._uids):
            return None
        uid = self._uids[row]
        hit = self._cache.get(uid)
        if hit is not None:
            self._cache.move_to_end(uid)
            return hit
        start = row - row % BLOCK
        block = [u for u in self._uids[start : start + BLOCK] if u not in self._cache]
        fetched = services.summaries_for(self.controller.case, block)
        self._cache.update(fetched)
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(uid)

    def painted_summary(self, row: int) -> DocumentSummary | None:
        """The row if it is at hand; otherwise None, and its block is on its way (see
        the module docstring)."""
        if not 0 <= row < len(self._uids):
            return None
        hit = self._cache.get(self._uids[row])
        if hit is None:
            self._fetch_block(row - row % BLOCK)
        return hit

    def _fetch_block(self, start: int) -> None:
        if start in self._fetching:
            return
        self._fetching.add(start)
        generation = self._generation
        block = [u for u in self._uids[start : start + BLOCK] if u not in self._cache]

        def arrived(fetched: dict[str, DocumentSummary]) -> None:
            if generation != self._generation:
                return  # the rows were reloaded meanwhile
            self._fetching.discard(start)
            self._cache.update(fetched)
            while len(self._cache) > CACHE_ROWS:
                self._cache.popitem(last=False)
            last = min(start + BLOCK, len(self._uids)) - 1
            if last >= start:
                self.dataChanged.emit(self.index(start, 0), self.index(last, len(COLUMNS) - 1))

        def failed(exc: BaseException) -> None:
            self._fetching.discard(start)
            self.controller.failed.emit(user_message(exc))

        self.controller.runner.read(
            services.summaries_for, self.controller.case, block, on_done=arrived, on_error=failed
        )

    def uid_at(self, row: int) -> str | None:
        return self._uids[row] if 0 <= row < len(self._uids) else None

    def row_of(self, uid: str) -> int | None:
        if self._rows is None:
            self._rows = {u: i for i, u in enumerate(self._uids)}
        return self._rows.get(uid)

    @property
    def uids(self) -> Sequence[str]:
        return self._uids

    def refresh_uid(self, uid: str) -> None:
        self._cache.pop(uid, None)
        row = self.row_of(uid)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._uids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("DocumentTableModel", COLUMNS[section][1])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == UID_ROLE:
            return self.uid_at(index.row())
        if role not in _ROLES:
            return None
        doc = self.painted_summary(index.row())
        return None if doc is None else _value(doc, COLUMNS[index.column()][0], role)

    def multiData(self, index: ModelIndex, span: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a delegate asks for, in one call: the view asks seven roles per
        cell, and each separate `data()` call from C++ has to take the interpreter lock,
        which costs up to a millisecond apiece while background work holds it."""
        if not index.isValid():
            return
        doc = self.painted_summary(index.row())
        key = COLUMNS[index.column()][0]
        # Qt passes a span, which iterates over its slots (PySide6's stubs omit __iter__).
        slots = cast("Iterable[QModelRoleData]", span)
        for slot in slots:  # every slot is set or cleared: the view reuses the span
            role = slot.role()
            if role == UID_ROLE:
                value = self.uid_at(index.row())
            elif doc is not None and role in _ROLES:
                value = _value(doc, key, role)
            else:
                value = None
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


def _value(doc: DocumentSummary, key: str, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return _display(doc, key)
    if role == Qt.ItemDataRole.TextAlignmentRole:
        if key == "pages":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
    if role == Qt.ItemDataRole.DecorationRole:
        if key == "title":
            return kind_icon(doc.kind)
        if key == "status" and doc.status in labels.STATUS_ICONS:
            return icon(labels.STATUS_ICONS[doc.status])
        return None
    if role == Qt.ItemDataRole.ToolTipRole:
        if key == "status" and doc.status != "ok":
            # The reason is recorded in English; shown in the interface language.
            reason = translate_recorded(doc.status_reason)
            return "\n".join(x for x in (labels.status_label(doc.status), reason) if x)
        if key == "kind":
            return labels.kind_label(doc.kind)
        if key == "title":
            return f"{doc.title}\n{doc.original_filename}"
    return None


def _display(doc: DocumentSummary, key: str) -> str:
    if key == "title":
        return doc.title
    if key == "kind":
        return labels.kind_short(doc.kind)
    if key == "date":
        return doc.date or ""
    if key == "source":
        return doc.source or ""
    if key == "pages":
        return QLocale().toString(doc.page_count) if doc.page_count else ""
    if key == "status":
        return "" if doc.status == "ok" else labels.status_short(doc.status)
    return ""
