"""The suggestion review queue: names the case does not know yet, read by a worker
process (natasha never loads in this one: `services.suggest_entities`), as a job with
progress and Cancel in the status bar. Each suggestion shows its documents, the forms
found and, when chosen, a few passages where it stands. Accept (A) makes it an entity,
Accept as Alias (M) adds it to an existing one, Dismiss (D) forgets it for good;
accepting is undoable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from casefile.core import services
from casefile.core.case import Case
from casefile.core.services import EntityInfo, Suggestion, SuggestionSet
from casefile.ui.controller import CaseController
from casefile.ui.entities import commands, kinds
from casefile.ui.entities.dialogs import ChooseEntityDialog, kind_box
from casefile.ui.i18n import QT_TRANSLATE_NOOP, plural, translate
from casefile.ui.messages import user_message
from casefile.ui.plain import plain_label
from casefile.ui.runner import Job

RULES = {
    "ner": QT_TRANSLATE_NOOP("SuggestionQueue", "language model"),
    "caps": QT_TRANSLATE_NOOP("SuggestionQueue", "capitalised words"),
    "latin": QT_TRANSLATE_NOOP("SuggestionQueue", "Latin name in Russian text"),
    "acronym": QT_TRANSLATE_NOOP("SuggestionQueue", "acronym"),
    "email": QT_TRANSLATE_NOOP("SuggestionQueue", "e-mail header"),
}


def found_by(rules: Sequence[str]) -> str:
    """The rules that found a suggestion, in words."""
    return ", ".join(translate("SuggestionQueue", RULES[r]) if r in RULES else r for r in rules)


EXAMPLES = 3


def examples(case: Case, suggestion: Suggestion) -> list[tuple[str, str]]:
    """(document title, passage) for the first documents holding one of its forms."""
    forms = " OR ".join(f'"{f}"' for f in suggestion.forms[:4]) or f'"{suggestion.name}"'
    try:
        found = services.search(case, forms, exact=True, limit=EXAMPLES, with_facets=False)
    except Exception:
        return []
    out = []
    for hit in found.hits:
        text = " … ".join(s.text for s in hit.snippets[:1]) if hit.snippets else ""
        out.append((str(hit.title), text))
    return out


class SuggestionQueue(QWidget):
    listed = Signal()  # suggestions are on screen (tests wait for it)

    def __init__(
        self,
        controller: CaseController,
        entities: Callable[[], Sequence[EntityInfo]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.entities = entities
        self.result: SuggestionSet | None = None
        self.job: Job | None = None
        self.dialog: ChooseEntityDialog | None = None
        self._generation = 0
        self.find_button = QPushButton(translate("SuggestionQueue", "&Find Suggestions"))
        self.find_button.setToolTip(
            translate(
                "SuggestionQueue",
                "Read every document for names the case does not know yet (in the background).",
            )
        )
        self.find_button.clicked.connect(lambda _c=False: self.run())
        self.status = plain_label(wrap=True)
        self.status.setText(
            translate(
                "SuggestionQueue",
                "Find Suggestions reads every document for people, organisations and places "
                "the case does not know yet.",
            )
        )
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(translate("SuggestionQueue", "Suggestions"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("SuggestionQueue", "Name"),
                translate("SuggestionQueue", "Kind"),
                translate("SuggestionQueue", "Docs"),
                translate("SuggestionQueue", "Forms found"),
            ]
        )
        docs_header = self.table.horizontalHeaderItem(2)
        if docs_header is not None:
            docs_header.setToolTip(translate("SuggestionQueue", "Documents that mention it"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(rows.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.Interactive)
        header.setSectionResizeMode(3, header.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 120)
        self.table.setColumnWidth(2, 44)
        self.table.currentCellChanged.connect(lambda *_a: self._current_changed())
        self.examples = QTextBrowser()
        self.examples.setAccessibleName(translate("SuggestionQueue", "Where it stands"))
        self.examples.setOpenLinks(False)
        self.kind = kind_box("other")
        self.kind.setToolTip(translate("SuggestionQueue", "The kind a new entity gets"))
        self.accept_button = QPushButton(translate("SuggestionQueue", "&Accept"))
        self.alias_button = QPushButton(translate("SuggestionQueue", "Accept as Alias &Of…"))
        self.dismiss_button = QPushButton(translate("SuggestionQueue", "&Dismiss"))
        self.accept_button.setToolTip(
            translate(
                "SuggestionQueue", "A new entity with this name; the forms found become aliases (A)"
            )
        )
        self.alias_button.setToolTip(
            translate("SuggestionQueue", "More aliases for an entity the case has (M)")
        )
        self.dismiss_button.setToolTip(
            translate("SuggestionQueue", "Never suggest this name again (D)")
        )
        self.accept_button.clicked.connect(lambda _c=False: self.accept_current())
        self.alias_button.clicked.connect(lambda _c=False: self.accept_as_alias())
        self.dismiss_button.clicked.connect(lambda _c=False: self.dismiss_current())
        self.table.installEventFilter(self)  # A, M, D: see eventFilter
        top = QHBoxLayout()
        top.addWidget(self.find_button)
        top.addWidget(self.status, 1)
        actions = QGridLayout()  # two rows: the queue stays usable in a narrow window
        actions.addWidget(QLabel(translate("SuggestionQueue", "As:")), 0, 0)
        actions.addWidget(self.kind, 0, 1)
        actions.addWidget(self.accept_button, 0, 2)
        actions.addWidget(self.alias_button, 1, 1)
        actions.addWidget(self.dismiss_button, 1, 2)
        actions.setColumnStretch(3, 1)
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(8)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.examples)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        self._buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A accepts, M accepts as an alias of…, D (or Delete) dismisses: plain keys on
        the list, so reviewing a long queue needs no mouse."""
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            slot = {
                Qt.Key.Key_A: self.accept_current,
                Qt.Key.Key_M: self.accept_as_alias,
                Qt.Key.Key_D: self.dismiss_current,
                Qt.Key.Key_Delete: self.dismiss_current,
            }.get(Qt.Key(event.key()))
            if slot is not None:
                slot()
                return True
        return super().eventFilter(watched, event)

    # -- the job ----------------------------------------------------------------------
    def run(self) -> None:
        if self.job is not None and self.job.running:
            return
        job = self.controller.runner.start_job(
            translate("SuggestionQueue", "Finding entity suggestions"),
            services.suggest_entities,
            self.controller.case,
        )
        self.job = job
        self.find_button.setEnabled(False)
        self.status.setText(
            translate(
                "SuggestionQueue", "Reading the documents for names… (Cancel in the status bar)"
            )
        )
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        self.controller.jobStarted.emit(job)

    def _progress(self, p: Any) -> None:
        if p.total:
            self.status.setText(
                translate(
                    "SuggestionQueue", "Reading the documents for names: {done} of {total}…"
                ).format(done=p.done, total=p.total)
            )

    def _failed(self, exc: BaseException) -> None:
        self.find_button.setEnabled(True)
        self.status.setText(user_message(exc))

    def _finished(self, result: SuggestionSet) -> None:
        self.find_button.setEnabled(True)
        self.result = result
        n = len(result.suggestions)
        text = translate("SuggestionQueue", "{suggestions} {from_documents}").format(
            suggestions=plural("%n suggestion(s)", "", n),
            from_documents=plural("from %n document(s)", "", result.documents_read),
        )
        if not result.complete:
            text += translate(
                "SuggestionQueue", " (stopped early: Find Suggestions again carries on from there)"
            )
        kept = result.documents_cached
        if kept:
            text += plural("; %n unchanged since the last run were not read again", "", kept)
        self.status.setText(text + ".")
        self._fill(result.suggestions)
        self.listed.emit()

    def _fill(self, suggestions: Sequence[Suggestion]) -> None:
        self.table.setRowCount(0)
        for x in suggestions:
            self._insert(self.table.rowCount(), x)
        if self.table.rowCount():
            self.table.selectRow(0)
        self._buttons()

    def _insert(self, row: int, x: Suggestion) -> None:
        self.table.insertRow(row)
        name = QTableWidgetItem(x.name)
        name.setData(Qt.ItemDataRole.UserRole, x)
        name.setToolTip(
            translate("SuggestionQueue", "Found by: {rules}").format(rules=found_by(x.rules))
        )
        kind = QTableWidgetItem(kinds.swatch(x.kind), kinds.label(x.kind))
        docs = QTableWidgetItem(str(x.documents))
        docs.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        forms = QTableWidgetItem(", ".join(x.forms))
        for col, item in enumerate((name, kind, docs, forms)):
            self.table.setItem(row, col, item)

    def current(self) -> Suggestion | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_name(self, name: str) -> bool:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == name:
                self.table.selectRow(row)
                return True
        return False

    def _buttons(self) -> None:
        ok = self.current() is not None and not self.controller.readonly
        for b in (self.accept_button, self.alias_button, self.dismiss_button):
            b.setEnabled(ok)

    def _current_changed(self) -> None:
        self._buttons()
        x = self.current()
        self.examples.clear()
        if x is None:
            return
        self.kind.setCurrentIndex(max(0, self.kind.findData(x.kind)))
        self._generation += 1
        generation = self._generation

        def show(found: list[tuple[str, str]]) -> None:
            if generation != self._generation:
                return
            lines = [
                translate("SuggestionQueue", "Found by: {rules}.").format(rules=found_by(x.rules))
            ]
            if x.like is not None:
                lines.insert(
                    0,
                    translate(
                        "SuggestionQueue",
                        "Sounds like {name}, which the case knows: "
                        "Accept as Alias Of… (M) adds it there.",
                    ).format(name=x.like[1]),
                )
            lines += [f"\n{title}\n    {text}" for title, text in found]
            self.examples.setPlainText("\n".join(lines))

        self.controller.read(examples, x, on_done=show)

    # -- accept, dismiss --------------------------------------------------------------
    def _take(self, x: Suggestion) -> int:
        """Take the row off the list; returns where it was (for an undo to put back)."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == x:
                self.table.removeRow(row)
                self.table.selectRow(min(row, self.table.rowCount() - 1))
                self._buttons()
                return row
        return -1

    def _drop(self, x: Suggestion) -> None:
        self._take(x)

    def _put_back(self, x: Suggestion, row: int) -> None:
        if self.result is not None and x in self.result.suggestions:
            self._insert(max(0, min(row, self.table.rowCount())), x)
            self._buttons()

    def _accept(self, x: Suggestion, into: EntityInfo | None) -> None:
        assert self.result is not None
        row = self._take(x)
        command = commands.AcceptSuggestion(
            self.controller,
            self.result,
            x.name,
            kind=None if into else self.kind.currentData(),
            into=into.uid if into else None,
        )
        command.on_undone = lambda: self._put_back(x, row)
        command.on_done = lambda _r: self._drop(x)  # a redo takes it off again
        commands.push(self.controller, command)

    def accept_current(self) -> None:
        x = self.current()
        if x is not None and not self.controller.readonly:
            self._accept(x, None)

    def accept_as_alias(self) -> None:
        x = self.current()
        if x is None or self.controller.readonly:
            return
        dialog = ChooseEntityDialog(
            translate("SuggestionQueue", "Accept as Alias Of"),
            translate(
                "SuggestionQueue", "Add “{name}” and the forms found ({forms}) as aliases of:"
            ).format(name=x.name, forms=", ".join(x.forms[:5])),
            self.entities(),
            self,
            ok_text=translate("SuggestionQueue", "Add Aliases"),
        )
        if x.like is not None:
            dialog.picker.setText(x.like[1])  # "Амазон": the case knows "Amazon"
        self.dialog = dialog

        def chosen() -> None:
            e = dialog.chosen()
            if e is not None:
                self._accept(x, e)

        dialog.accepted.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def dismiss_current(self) -> None:
        x = self.current()
        if x is None or self.result is None or self.controller.readonly:
            return
        self._take(x)
        self.controller.runner.edit(
            services.dismiss_suggestion,
            self.controller.case,
            self.result,
            x.name,
            on_done=lambda _r: self.controller.message.emit(
                translate("SuggestionQueue", "“{name}” will not be suggested again.").format(
                    name=x.name
                )
            ),
            on_error=lambda e: self.controller.failed.emit(user_message(e)),
        )
