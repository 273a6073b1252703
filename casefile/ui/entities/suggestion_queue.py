"""The suggestion review queue: names the case does not know yet, read by a worker
process (natasha never loads in this one: `services.suggest_entities`), as a job with
progress and Cancel in the status bar. Each suggestion shows its documents, the forms
found and, when chosen, a few passages where it stands. Accept (A) makes it an entity,
Accept as Alias (M) adds it to an existing one, Dismiss (D) forgets it for good;
accepting is undoable. The list is ui/entities/suggestion_table.py; the passages shown
under it, ui/entities/suggestion_passages.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from casefile.core import services
from casefile.core.services import EntityInfo, Suggestion, SuggestionSet
from casefile.ui.controller import CaseController
from casefile.ui.entities import commands
from casefile.ui.entities.dialogs import ChooseEntityDialog, kind_box
from casefile.ui.entities.suggestion_passages import describe, examples
from casefile.ui.entities.suggestion_table import SuggestionTable
from casefile.ui.i18n import plural, translate
from casefile.ui.messages import user_message
from casefile.ui.plain import plain_label
from casefile.ui.runner import Job


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
        self.table = SuggestionTable()
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
        self.table.fill(suggestions)
        self._buttons()

    def current(self) -> Suggestion | None:
        return self.table.current()

    def select_name(self, name: str) -> bool:
        return self.table.select_name(name)

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
            if generation == self._generation:
                self.examples.setPlainText(describe(x, found))

        self.controller.read(examples, x, on_done=show)

    # -- accept, dismiss --------------------------------------------------------------
    def _take(self, x: Suggestion) -> int:
        """Take the row off the list; returns where it was (for an undo to put back)."""
        row = self.table.take(x)
        if row >= 0:
            self._buttons()
        return row

    def _drop(self, x: Suggestion) -> None:
        self._take(x)

    def _put_back(self, x: Suggestion, row: int) -> None:
        if self.result is not None and x in self.result.suggestions:
            self.table.insert(max(0, min(row, self.table.rowCount())), x)
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
