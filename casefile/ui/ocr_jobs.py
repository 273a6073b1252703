"""Recognising text (OCR) from the window: on chosen documents, on the whole case, and
by itself in the background for scans waiting after an import or a restart
(docs/architecture.md, OCR).

OCR is background work that can take many minutes, and the case has one writer: any
other job the user starts (an import, a verification) goes first. The OCR job is
stopped between two pages (what is done is kept; the rest stays in the OCR queue) and
started again when that job ends. A missing engine or language pack is said once, in
the status bar, for the automatic runs; a run the user asked for shows the sentence.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from casefile.core import services
from casefile.core.jobs import Progress
from casefile.core.services import Changes
from casefile.ui.controller import CaseController
from casefile.ui.i18n import QT_TRANSLATE_NOOP, plural, translate
from casefile.ui.messages import user_message
from casefile.ui.runner import Job

TITLE = QT_TRANSLATE_NOOP("OcrJobs", "Recognising text")
LIVE_RELOAD_S = 5.0
RESUME_DELAY_MS = 1500  # after opening a case: once the first screen and the index are done


class OcrJobs(QObject):
    """The OCR jobs of one open case."""

    finished = Signal(object)  # the OcrSummary of a run that ended

    def __init__(self, controller: CaseController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.job: Job | None = None
        self._said_unavailable = False
        self.closed = False  # the case is closing: nothing more is started
        self._superseded = False  # a run was stopped for one the user asked for
        controller.jobStarted.connect(self._other_job_started)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    # -- starting ---------------------------------------------------------------------
    def recognise(
        self, uids: Sequence[str] | None = None, *, force: bool = False, asked: bool = True
    ) -> Job | None:
        """Recognise `uids` (None: every document waiting for OCR) as a status-bar job."""
        c = self.controller
        if self.closed:
            return None
        if c.readonly:
            if asked:
                c.failed.emit(
                    translate(
                        "OcrJobs", "This case is open read-only; its text cannot be recognised."
                    )
                )
            return None
        earlier = self.job if self.running else None
        if earlier is not None:
            # The documents asked for now go first; what the earlier run left waits in
            # the queue, and is taken up again when this one ends.
            self._superseded = True
            earlier.cancel()
        job = c.runner.start_job(
            translate("OcrJobs", TITLE),
            services.ocr_documents,
            c.case,
            list(uids) if uids else None,
            force=force,
        )
        self.job = job
        shown = {"done": 0, "at": time.monotonic()}

        def progress(p: Progress) -> None:
            # Lists are read again now and then while OCR runs (as during an import),
            # so statuses change as documents are finished, not only at the end.
            now = time.monotonic()
            if p.done > shown["done"] and now - shown["at"] >= LIVE_RELOAD_S:
                shown.update(done=p.done, at=now)
                c.changed.emit(Changes(more_documents=True))

        job.progress.connect(progress)
        job.finished.connect(lambda summary: self._done(job, summary))
        job.failed.connect(lambda exc: self._failed(job, exc, asked))
        c.jobStarted.emit(job)
        return job

    def resume_soon(self, delay_ms: int = RESUME_DELAY_MS) -> None:
        """Start OCR of what waits (queued scans), a moment from now."""
        QTimer.singleShot(delay_ms, self, self.resume)

    def resume(self) -> None:
        if self.closed or self.running or self.controller.readonly or self._other_jobs():
            return
        self.controller.runner.read(
            services.ocr_waiting, self.controller.case, on_done=self._start_waiting
        )

    def _start_waiting(self, uids: list[str]) -> None:
        if uids and not self.closed and not self.running and not self._other_jobs():
            self.recognise(None, asked=False)

    # -- giving way -------------------------------------------------------------------
    def _other_jobs(self) -> list[Job]:
        return [j for j in self.controller.runner.jobs if j is not self.job and j.running]

    def _other_job_started(self, job: Any) -> None:
        if job is self.job or not isinstance(job, Job):
            return
        job.finished.connect(lambda _r: self._after_other())
        job.failed.connect(lambda _e: self._after_other())
        if self.running and self.job is not None:
            self.job.cancel()  # started again when that job ends (`_after_other`)

    def _after_other(self) -> None:
        # An import has just queued its scans; anything that stopped OCR gives it back.
        if not self._other_jobs():
            self.resume_soon(0)

    # -- ending -----------------------------------------------------------------------
    def _done(self, job: Job, summary: Any) -> None:
        self.controller.changed.emit(summary.changes)
        if job is not self.job:
            return  # a run that gave way to a newer one
        self.job = None
        if self._superseded:
            self._superseded = False
            self.resume_soon(0)
        if summary.skipped and not summary.pages:
            self.controller.message.emit(summary.skipped[0])
        elif not summary.cancelled and summary.pages:
            read = summary.pages - summary.failed
            if summary.failed:
                text = plural("Text recognised on %n page(s); {failed} could not be.", "", read)
            else:
                text = plural("Text recognised on %n page(s).", "", read)
            self.controller.message.emit(text.format(failed=summary.failed))
        self.finished.emit(summary)

    def _failed(self, job: Job, exc: BaseException, asked: bool) -> None:
        if job is self.job:
            self.job = None
        if asked:
            self.controller.failed.emit(user_message(exc))
        elif not self._said_unavailable:
            self._said_unavailable = True
            self.controller.message.emit(user_message(exc))


def jobs_for(controller: CaseController) -> OcrJobs:
    """The OCR jobs of this controller (one per open case, a child of it)."""
    found = controller.findChild(OcrJobs)
    return found if isinstance(found, OcrJobs) else OcrJobs(controller)


def stop_ocr(controller: CaseController) -> None:
    """The case is closing: its OCR job is cancelled (the close does that to every job)
    and nothing new starts on it."""
    found = controller.findChild(OcrJobs)
    if isinstance(found, OcrJobs):
        found.closed = True
        if found.job is not None:
            found.job.cancel()
