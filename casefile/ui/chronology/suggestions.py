"""The date suggestion queue: dates found in the documents' text, each with its sentence,
for the user to accept (an event with the sentence cited, undoable) or dismiss
(remembered, never suggested again).

Finding them is a cancellable job on the reader pool whose reading runs in a worker
process (services.chronology_suggest: natasha never loads in the window's process); the
queue fills batch by batch while it runs, with progress here and in the status bar.
"""

from __future__ import annotations

import uuid
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.core.jobs import Cancelled
from casefile.core.services import chronology_suggest
from casefile.core.services.chronology_dto import CitationInfo, DateSuggestionInfo, EventInfo
from casefile.ui.chronology.commands import PutEventCommand
from casefile.ui.controller import CaseController
from casefile.ui.i18n import plural, translate
from casefile.ui.messages import user_message
from casefile.ui.runner import Job

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1


def event_from_suggestion(sg: DateSuggestionInfo) -> EventInfo:
    """The event an accepted suggestion makes: its date, the sentence as title (cut to
    a line) and as the citation, found on its page near the date."""
    sentence = " ".join(sg.sentence.split())
    title = sentence if len(sentence) <= 120 else sentence[:117] + "…"
    cite = CitationInfo(
        id=0,
        document_uid=sg.document_uid,
        document_title=sg.document_title,
        page=sg.page,
        quote=sg.sentence,
        start=sg.start,  # where to look: the sentence is around the date
        end=None,
        lost=False,
        grade=None,
        source_grade=None,
    )
    return EventInfo(
        uid=uuid.uuid4().hex,
        date=sg.date,
        date_words=sg.date_words,
        precision=sg.precision,
        date_lower=None,
        date_upper=None,
        sort_key=None,
        title=title,
        description=None,
        tags=(),
        entities=(),
        citations=(cite,),
        flags=(),
    )


class SuggestionQueue(QWidget):
    found = Signal(object)  # list[DateSuggestionInfo], from the job's thread (queued)
    passageRequested = Signal(str, int, int, int)

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.lang: Callable[[], str] = lambda: "en"
        self.job: Job | None = None
        self.find_button = QPushButton(
            translate("DateSuggestionQueue", "Find Dates in the Documents")
        )
        self.find_button.setToolTip(
            translate(
                "DateSuggestionQueue",
                "Read every document for dates (in a separate process; the window stays free)",
            )
        )
        self.find_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(translate("DateSuggestionQueue", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel("")
        self.list = QListWidget()
        self.list.setAccessibleName(translate("DateSuggestionQueue", "Date suggestions"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(lambda *_a: self._update())
        self.list.itemDoubleClicked.connect(lambda _i: self.show_passage())
        self.accept_button = QPushButton(translate("DateSuggestionQueue", "Accept"))
        self.accept_button.setToolTip(
            translate("DateSuggestionQueue", "Add the event with this sentence cited (undoable)")
        )
        self.accept_button.clicked.connect(self.accept_current)
        self.dismiss_button = QPushButton(translate("DateSuggestionQueue", "Dismiss"))
        self.dismiss_button.setToolTip(
            translate("DateSuggestionQueue", "Never suggest this date from this passage again")
        )
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.show_button = QPushButton(translate("DateSuggestionQueue", "Show Passage"))
        self.show_button.clicked.connect(self.show_passage)
        top = QHBoxLayout()
        top.addWidget(self.find_button)
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        top.addWidget(self.status, 1)
        bottom = QHBoxLayout()
        for b in (self.accept_button, self.dismiss_button, self.show_button):
            bottom.addWidget(b)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)
        self.found.connect(self._add)
        self._update()

    # -- the job --------------------------------------------------------------------------
    def start(self) -> None:
        if self.job is not None and self.job.running:
            return
        self.list.clear()
        job = self.controller.runner.start_job(
            translate("DateSuggestionQueue", "Finding dates"),
            chronology_suggest.suggest_event_dates_job,
            self.controller.case,
            reads_only=True,
            lang=self.lang(),
            on_found=self.found.emit,
        )
        self.job = job
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        self.controller.jobStarted.emit(job)
        self.find_button.hide()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText("")

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(translate("DateSuggestionQueue", "Stopping…"))

    def _progress(self, p: object) -> None:
        done, total = getattr(p, "done", 0), getattr(p, "total", None)
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            locale = QLocale()  # the interface's: "1,234" in English, "1 234" in Russian
            self.progress.setFormat(
                translate("DateSuggestionQueue", "Page {done} of {total}").format(
                    done=locale.toString(done), total=locale.toString(total)
                )
            )

    def _ended(self, text: str) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.find_button.show()
        self.find_button.setText(translate("DateSuggestionQueue", "Find Dates Again"))
        self.status.setText(text)
        self._update()

    def _finished(self, found: list[DateSuggestionInfo]) -> None:
        n = self.list.count()
        self._ended(
            plural("%n date(s) to review.", "", n)
            if n
            else translate("DateSuggestionQueue", "No new dates found.")
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._ended(plural("Stopped; %n found so far are listed.", "", self.list.count()))
        else:
            self._ended("")
            self.controller.failed.emit(user_message(exc))

    # -- the queue ------------------------------------------------------------------------
    def _add(self, suggestions: list[DateSuggestionInfo]) -> None:
        for sg in suggestions:
            self.list.addItem(_item(sg))
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def current(self) -> DateSuggestionInfo | None:
        item = self.list.currentItem()
        value = item.data(SUGGESTION_ROLE) if item is not None else None
        return value if isinstance(value, DateSuggestionInfo) else None

    def _take_current(self) -> None:
        row = self.list.currentRow()
        self.list.takeItem(row)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._update()

    def accept_current(self) -> None:
        sg = self.current()
        if sg is None or self.controller.readonly:
            return
        self.controller.undo_stack.push(AcceptSuggestionCommand(self, sg, self.list.currentRow()))

    def dismiss_current(self) -> None:
        sg = self.current()
        if sg is None or self.controller.readonly:
            return
        self.controller.runner.edit(
            chronology_suggest.dismiss_suggestion,
            self.controller.case,
            sg,
            on_error=lambda e: self.controller.failed.emit(user_message(e)),
        )
        self._take_current()

    def remove_suggestion(self, sg: DateSuggestionInfo) -> None:
        """Take `sg` out of the list (accepted), the next one becoming current."""
        for row in range(self.list.count()):
            if self.list.item(row).data(SUGGESTION_ROLE) == sg:
                current = self.list.currentRow()
                self.list.takeItem(row)
                if self.list.count():
                    self.list.setCurrentRow(min(current, self.list.count() - 1))
                break
        self._update()

    def restore_suggestion(self, sg: DateSuggestionInfo, row: int) -> None:
        """Put `sg` back where it was (its acceptance was undone) and select it, unless
        the list already holds it (found again meanwhile)."""
        if not any(self.list.item(r).data(SUGGESTION_ROLE) == sg for r in range(self.list.count())):
            self.list.insertItem(min(max(row, 0), self.list.count()), _item(sg))
        for r in range(self.list.count()):
            if self.list.item(r).data(SUGGESTION_ROLE) == sg:
                self.list.setCurrentRow(r)
        self._update()

    def show_passage(self) -> None:
        sg = self.current()
        if sg is not None:
            self.passageRequested.emit(sg.document_uid, sg.page, sg.start, sg.end)

    def _update(self) -> None:
        has = self.current() is not None
        writable = not self.controller.readonly
        self.accept_button.setEnabled(has and writable)
        self.dismiss_button.setEnabled(has and writable)
        self.show_button.setEnabled(has)


class AcceptSuggestionCommand(PutEventCommand):
    """Accepting a date suggestion: the event is added and the suggestion leaves the
    queue; undo deletes the event and puts the suggestion back in its place, so the
    user can take another decision without finding the dates again."""

    def __init__(self, queue: SuggestionQueue, sg: DateSuggestionInfo, row: int) -> None:
        super().__init__(
            queue.controller,
            None,
            event_from_suggestion(sg),
            translate("DateSuggestionQueue", "Accept the date {date} as an event").format(
                date=sg.date_words
            ),
        )
        # The queue may be gone when the command is undone (a closed case's view).
        self._queue = weakref.ref(queue)
        self.sg, self.row = sg, row

    def _alive(self) -> SuggestionQueue | None:
        queue = self._queue()
        return queue if queue is not None and shiboken6.isValid(queue) else None

    def redo(self) -> None:
        super().redo()
        if queue := self._alive():
            queue.remove_suggestion(self.sg)

    def undo(self) -> None:
        super().undo()
        if queue := self._alive():
            queue.restore_suggestion(self.sg, self.row)


def _item(sg: DateSuggestionInfo) -> QListWidgetItem:
    item = QListWidgetItem(_text(sg))
    item.setData(SUGGESTION_ROLE, sg)
    item.setToolTip(sg.sentence)
    return item


def _text(sg: DateSuggestionInfo) -> str:
    sentence = " ".join(sg.sentence.split())
    if len(sentence) > 300:
        sentence = sentence[:299] + "…"
    where = translate("DateSuggestionQueue", "{title}, p. {page}").format(
        title=sg.document_title, page=sg.page
    )
    return f"{sg.date_words}  ·  {where}\n{sentence}"


__all__ = ["SuggestionQueue", "event_from_suggestion"]  # i18n: not shown
