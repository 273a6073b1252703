"""Search results: documents with snippets and matching pages, facet filters to click
(kind, year, language, tag), sort by relevance or date, Save search. Choosing a result
opens the viewer at its first matching page with the hits highlighted.

The search itself runs on a reader thread; a newer query supersedes an older one.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.core.vocabulary import SearchSort
from casefile.ui import labels
from casefile.ui.controller import CaseController
from casefile.ui.hit_delegate import RichDelegate
from casefile.ui.i18n import translate
from casefile.ui.icons import icon
from casefile.ui.search_facets import FACET_ROLE, fill_chips, fill_facet_tree, find_facet_item
from casefile.ui.search_results import (
    SORTS,
    hit_html,
    query_with_facets,
    run_search,
    search_api,
)
from casefile.ui.search_summary import summary_text

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchPanel(QWidget):
    """What the screen shows is what the query named: a new search empties the list and
    the facets until its results arrive, a failed one leaves them empty."""

    currentChanged = Signal()  # the chosen result changed (or there is none)

    def __init__(self, controller: CaseController, view: Any) -> None:
        super().__init__()
        self.controller = controller
        self.view = view
        self.available = search_api() is not None
        self.query = ""
        self.facets: dict[str, str] = {}
        self.results: QListWidget
        self.last: Any = None  # the service's SearchResults
        self._generation = 0
        # Paging as the user scrolls (`_more_if_near_end`): pages fetched, one in flight,
        # and whether the last page brought nothing new.
        self._pages, self._loading_more, self._no_more = 0, False, False
        self._keep_uid: str | None = None  # the result being read when a search starts
        self.searching = False

        self.summary = QLabel()
        # Two counts (documents, pages with hits) may not fit beside the sort controls in
        # a narrow pane, in Russian above all: they wrap rather than widen the pane.
        self.summary.setWordWrap(True)
        self.sort = QComboBox()
        for key in SORTS:
            self.sort.addItem(labels.SEARCH_SORT_LABELS[key], str(key))
        self.sort.setAccessibleName(translate("SearchPanel", "Sort results"))
        self.sort.activated.connect(lambda _i: self.refresh())
        # Off by default: a Latin word also finds its Cyrillic spellings and back.
        self.translit = QCheckBox(translate("SearchPanel", "Also match transliterations"))
        self.translit.setToolTip(
            translate("SearchPanel", "Chekhov also finds Чехов, Gazprom Газпром, and back")
        )
        self.translit.toggled.connect(lambda _on: self.refresh() if self.query else None)
        self._translit_asked = False  # the option of the search on screen
        self.save_button = QPushButton(
            icon("saved-search"), translate("SearchPanel", "Save search…")
        )
        self.save_button.clicked.connect(self.save_current)
        self.chips = QHBoxLayout()
        self.chips.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(translate("SearchPanel", "Sort:")))
        top.addWidget(self.sort)
        top.addWidget(self.save_button)

        self.facet_tree = QTreeWidget()
        self.facet_tree.setHeaderHidden(True)
        self.facet_tree.setAccessibleName(translate("SearchPanel", "Facets"))
        self.facet_tree.itemClicked.connect(self._facet_clicked)
        self.facet_tree.itemActivated.connect(self._facet_clicked)
        self.results = QListWidget()
        self.results.setAccessibleName(translate("SearchPanel", "Search results"))
        self.results.setItemDelegate(RichDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.currentItemChanged.connect(lambda _cur, _prev: self.currentChanged.emit())
        self.results.verticalScrollBar().valueChanged.connect(lambda _v: self._more_if_near_end())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.facet_tree)
        split.addWidget(self.results)
        self.facet_tree.setMinimumWidth(110)
        self.results.setMinimumWidth(220)
        split.setSizes([150, 450])
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        options = QHBoxLayout()  # a row of its own, so the list pane can stay narrow
        options.addWidget(self.translit)
        options.addStretch(1)
        layout.addLayout(options)
        layout.addLayout(self.chips)
        layout.addWidget(split, 1)

    # -- running ----------------------------------------------------------------------------
    def run(self, query: str, facets: dict[str, str] | None = None) -> None:
        self.query = query.strip()
        self.facets = dict(facets or {})
        if not self.query and not self.facets:
            self.clear()
            self.view.show_filter({})
            return
        if not self.available:  # until the search services exist: titles only
            self.view.show_filter({"title_contains": self.query})
            return
        self.refresh()
        self.view.show_search()

    def run_saved(self, saved: Any) -> None:
        """A saved search: its query (facets as clauses), sort order and translit."""
        index = self.sort.findData(getattr(saved, "sort", SearchSort.RELEVANCE.value))
        if index >= 0:
            self.sort.setCurrentIndex(index)
        with QSignalBlocker(self.translit):  # one search, with the saved option
            self.translit.setChecked(bool(getattr(saved, "translit", False)))
        self.run(getattr(saved, "query", ""))

    def clear(self) -> None:
        """No query: no results, no facets, nothing being searched."""
        self._generation += 1
        self.query, self.facets, self.last, self.searching = "", {}, None, False
        self.summary.clear()
        self._empty()
        self._fill_chips()

    def _empty(self) -> None:
        self.results.clear()
        self.facet_tree.clear()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        self.searching = True
        self.summary.setText(translate("SearchPanel", "Searching…"))
        # The old query's results, facets and highlights would be a lie from now on.
        self._keep_uid = self.view.current_uid if self.view.in_search else None
        self._translit_asked = self.translit.isChecked()
        self._empty()
        self.view.viewer.set_query("")
        if self.controller.after_index(lambda: self._submit(generation)):
            self.summary.setText(
                translate("SearchPanel", "Waiting for the search index to be ready…")
            )

    def _submit(self, generation: int) -> None:
        """Run the search on a reader thread, unless a newer one has replaced it."""
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # closed while the index was being rebuilt, or superseded
        self.summary.setText(translate("SearchPanel", "Searching…"))

        def done(results: Any) -> None:
            if generation == self._generation:
                self.searching = False
                self._show(results)

        def failed(exc: Any) -> None:
            if generation == self._generation:
                self.searching = False
                self.last = None
                self.summary.setText(str(exc))
                self._empty()

        self.controller.runner.read(
            run_search,
            self.controller.case,
            self.query,
            dict(self.facets),
            self.sort.currentData(),
            1,
            self._translit_asked,
            on_done=done,
            on_error=failed,
        )

    def _more_if_near_end(self) -> None:
        """The next page of results once the list is scrolled near its end (or does not
        fill its view), until every match is shown."""
        last = self.last
        if last is None or self.searching or self._loading_more:
            return
        if self.results.count() >= last.total or self._no_more:
            return
        bar = self.results.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() < bar.maximum() - bar.pageStep():
            return
        self._loading_more = True
        generation, page = self._generation, self._pages + 1

        def done(results: Any) -> None:
            if generation != self._generation or not shiboken6.isValid(self):
                return
            self._loading_more = False
            self._pages = page
            shown = {self._hit_at(i).uid for i in range(self.results.count())}
            fresh = [h for h in results.hits if h.uid not in shown]
            self._no_more = not fresh
            self._add_hits(fresh)
            self._more_if_near_end()

        def failed(_exc: Any) -> None:
            if generation == self._generation:
                self._loading_more, self._no_more = False, True

        self.controller.runner.read(
            run_search,
            self.controller.case,
            self.query,
            dict(self.facets),
            self.sort.currentData(),
            page,
            self._translit_asked,
            on_done=done,
            on_error=failed,
        )

    def _add_hits(self, hits: Any) -> None:
        self.results.blockSignals(True)
        for hit in hits:
            item = QListWidgetItem(hit_html(hit))
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        self.results.blockSignals(False)

    def _show(self, results: Any) -> None:
        self.last = results
        self._pages, self._loading_more, self._no_more = 1, False, False
        self.summary.setText(summary_text(results.total, results))
        # Beyond a few thousand matching pages the core counts a sample: say so.
        self.summary.setToolTip(
            translate(
                "SearchPanel",
                "An estimate from a sample of the matches; narrow the search for an exact count.",
            )
            if getattr(results, "total_is_estimate", False)
            else ""
        )
        self.results.blockSignals(True)
        self.results.clear()
        self.results.blockSignals(False)
        self._add_hits(results.hits)
        self._fill_facets(results)
        self._fill_chips()
        # The document being read stays chosen (highlighted for the new query) if the
        # new search found it too; otherwise no result is chosen and the viewer clears.
        row = next((i for i, h in enumerate(results.hits) if h.uid == self._keep_uid), None)
        if row is not None:
            self.results.setCurrentRow(row)
        else:
            self.currentChanged.emit()
        self._more_if_near_end()

    def _fill_facets(self, results: Any) -> None:
        fill_facet_tree(self.facet_tree, results.facets, self.facets)

    def _fill_chips(self) -> None:
        fill_chips(self.chips, self.facets, self.remove_facet)

    # -- facets -----------------------------------------------------------------------------
    def _facet_clicked(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        data = item.data(0, FACET_ROLE)
        if not data:
            return
        name, value = data
        if self.facets.get(name) == value:
            self.remove_facet(name)
        else:
            self.facets[name] = value
            self.refresh()

    def remove_facet(self, name: str) -> None:
        self.facets.pop(name, None)
        self.refresh()

    def facet_item(self, name: str, value: str) -> QTreeWidgetItem | None:
        return find_facet_item(self.facet_tree, name, value)

    # -- the chosen result ------------------------------------------------------------------
    def current_hit(self) -> Any:
        item = self.results.currentItem()
        return item.data(HIT_ROLE) if item is not None else None

    def current_uids(self) -> list[str]:
        hit = self.current_hit()
        return [hit.uid] if hit is not None else []

    def hit_for(self, uid: str) -> Any:
        hits = (self._hit_at(i) for i in range(self.results.count()))
        return next((h for h in hits if h is not None and h.uid == uid), None)

    def remove_uids(self, uids: frozenset[str]) -> None:
        """Deleted documents leave the results; the next result is chosen instead, and
        the search runs again so its count and facets stop counting them."""
        rows = [i for i in range(self.results.count()) if self._hit_at(i).uid in uids]
        for i in reversed(rows):
            self.results.takeItem(i)
        if rows and (self.query or self.facets):
            self.refresh()

    def _hit_at(self, row: int) -> Any:
        item = self.results.item(row)
        return item.data(HIT_ROLE) if item is not None else None

    def open_hit(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        hit = item.data(HIT_ROLE)
        pages = [p for p in hit.pages if p > 0]
        exact = bool(getattr(self.last, "exact", False))
        first = pages[0] if pages else 1
        self.view.open_document(hit.uid, first, self.query, pages, exact, self._translit_asked)

    # -- saving -----------------------------------------------------------------------------
    def saved_query(self) -> str:
        """What Save stores: the typed query with the clicked facets as clauses."""
        return query_with_facets(self.query, self.facets)

    def save_current(self) -> None:
        api = search_api()
        if api is None or not hasattr(api, "save_search") or not (self.query or self.facets):
            self.controller.message.emit(
                translate("SearchPanel", "Run a search first, then save it.")
            )
            return
        try:
            full = self.saved_query()
        except ValueError as exc:
            self.controller.failed.emit(str(exc))
            return
        name, ok = QInputDialog.getText(
            self,
            translate("SearchPanel", "Save search"),
            translate("SearchPanel", "Name:"),
            text=full[:60],
        )
        if ok and name.strip():
            self.save_as(name.strip())

    def save_as(self, name: str) -> None:
        # Once saved, what is shown has that name: the navigator highlights it.
        self.controller.save_search(
            name,
            self.saved_query(),
            self.sort.currentData(),
            on_saved=lambda: self.view.navigator.mark_saved(name),
            translit=self._translit_asked,  # the option of the results on screen
        )
