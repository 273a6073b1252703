"""Job progress in the status bar: what is running, how far, and a Cancel button.
Bulk jobs are not undoable; the tooltip says so, as DESIGN asks."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

from casefile.core.jobs import Progress
from casefile.ui.i18n import translate
from casefile.ui.icons import icon
from casefile.ui.plain import plain_label, plain_tip
from casefile.ui.runner import Job


class JobWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self.waiting: list[Job] = []
        self.label = plain_label()  # names the file being read: document data
        self.label.setMinimumWidth(220)
        self.label.setMaximumWidth(460)
        self.bar = QProgressBar()
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton()
        self.cancel.setIcon(icon("cancel"))
        self.cancel.setText(translate("JobWidget", "Cancel"))
        self.cancel.setToolTip(
            translate(
                "JobWidget", "Stop this job. What is already done is kept; it cannot be undone."
            )
        )
        self.cancel.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def track(self, job: Job) -> None:
        if self.job is not None and self.job.running:
            self.waiting.append(job)
            self._show(self.job.snapshot())
            return
        self._attach(job)

    def _attach(self, job: Job) -> None:
        self.job = job
        job.progress.connect(self._show)
        job.finished.connect(lambda _r: self._next())
        job.failed.connect(lambda _e: self._next())
        self.cancel.setEnabled(True)
        self._show(job.snapshot())
        self.show()

    def _next(self) -> None:
        self.job = None
        self.waiting = [j for j in self.waiting if j.running]
        if self.waiting:
            self._attach(self.waiting.pop(0))
        else:
            self.hide()

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel.setEnabled(False)
            stopping = translate("JobWidget", "{job}: stopping after the current file…")
            self.label.setText(stopping.format(job=self.job.title))

    def _show(self, p: Progress) -> None:
        if self.job is None or self.job.cancelled:
            return
        if p.total:
            self.bar.setRange(0, p.total)
            self.bar.setValue(min(p.done, p.total))
            locale = QLocale()
            head = translate("JobWidget", "{job} {done} of {total}").format(
                job=self.job.title, done=locale.toString(p.done), total=locale.toString(p.total)
            )
        else:
            self.bar.setRange(0, 0)  # busy indicator until the total is known
            head = self.job.title
        if self.waiting:
            head = translate("JobWidget", "{job} (+{n} waiting)").format(
                job=head, n=len(self.waiting)
            )
        item = p.label.rsplit("/", 1)[-1] if p.label and p.label != self.job.title else ""
        metrics = self.label.fontMetrics()
        if item:
            # The job and its count always show in full; the current file gives way.
            room = self.label.maximumWidth() - metrics.horizontalAdvance(head + " · ")
            item = metrics.elidedText(item, Qt.TextElideMode.ElideMiddle, max(room, 0))
        self.label.setText(f"{head} · {item}" if item else head)
        self.label.setToolTip(plain_tip(p.label))
