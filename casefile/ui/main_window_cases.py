"""Opening, creating and closing cases: an object the main window is composed of, which
says what happened by signal and leaves showing it to the window. Every case is opened
or created on the writer thread, where the core services are imported on first use, so
the window has painted long before (see main_window)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from casefile.ui.i18n import plural, translate
from casefile.ui.runner import Job, Runner

if TYPE_CHECKING:
    from casefile.ui.controller import CaseController


def archive_target(archive: Path) -> Path:
    """Where a case archive is unpacked: beside it, named after it, with " (2)"… when a
    folder of that name is already there."""
    stem = archive.name.removesuffix(".casezip") or translate("CaseLifecycle", "Case")
    candidate = archive.with_name(f"{stem}.casefile")
    n = 2
    while candidate.exists():
        candidate = archive.with_name(f"{stem} ({n}).casefile")
        n += 1
    return candidate


def demo_case_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".casefile") / "Demo case.casefile"  # i18n: not shown


def window_title(title: str, readonly: bool, readonly_media: bool) -> str:
    """The main window's title for an open case, saying when it cannot be changed."""
    if readonly_media:
        text = translate("CaseLifecycle", "{title} (read-only media) — Casefile")
    elif readonly:
        text = translate("CaseLifecycle", "{title} (read-only) — Casefile")
    else:
        text = translate("CaseLifecycle", "{title} — Casefile")
    return text.format(title=title)


def counts_text(counts: dict[str, int]) -> str:
    """The status bar's count: "12 documents · 3 with problems" (by status)."""
    total = sum(counts.values())
    problems = total - counts.get("ok", 0)
    text = translate("CaseLifecycle", "{documents} · {problems} with problems")
    return text.format(documents=plural("%n document(s)", "", total), problems=problems)


class CaseLifecycle(QObject):
    """Which case is open (`controller`), and the ways to open, create and close one."""

    busy = Signal(str)  # "Opening …": a case is on its way
    attached = Signal(object)  # the CaseController of the case now open
    closing = Signal(object)  # the CaseController being closed (views save their state)
    jobStarted = Signal(object)  # a Job run with no case open (a case archive unpacked)
    openFailed = Signal(str, object)  # the path, and the exception to show
    failed = Signal(object)  # an error with a case open: shown, the case stays open

    def __init__(self, runner: Runner, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.dialog_parent = parent
        self.controller: CaseController | None = None
        self.opening = False

    def new_case(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.dialog_parent,
            translate("CaseLifecycle", "New case"),
            str(Path.home()),
            translate("CaseLifecycle", "Casefile case (*.casefile)"),
        )
        if not path:
            return
        title, ok = QInputDialog.getText(
            self.dialog_parent,
            translate("CaseLifecycle", "New case"),
            translate("CaseLifecycle", "Case title:"),
            text=Path(path).stem,
        )
        if ok:
            self.create_case(path, title or None)

    def create_case(self, path: str, title: str | None = None) -> None:
        """Create and open a case, off the UI thread like `open_case` (the first use of
        the core loads it). A failure (an OS error creating the folder, a case already
        there) is shown, and whatever was open stays open."""

        def create_in_background() -> Any:
            from casefile.core import services

            return services.create_case(path, title)

        self.runner.write(create_in_background, on_done=self._attach, on_error=self.failed.emit)

    def choose_case(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self.dialog_parent,
            translate("CaseLifecycle", "Open case (a .casefile folder)"),
            str(Path.home()),
        )
        if path:
            self.open_case(path)

    def choose_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.dialog_parent,
            translate("CaseLifecycle", "Open case archive"),
            str(Path.home()),
            translate("CaseLifecycle", "Case archive (*.casezip)"),
        )
        if path:
            self.open_archive(path)

    def open_archive(self, archive: str, target: str | None = None) -> Job:
        """A `.casezip` (File → Open Case Archive…, or a double-click) becomes a new case
        folder beside it, never over one that exists; it opens when unpacked. Unpacking
        refuses a hostile archive in a sentence and leaves nothing behind
        (docs/architecture.md, "Exports")."""
        dest = target or str(archive_target(Path(archive)))

        def unpack(ctx: Any) -> Any:
            from casefile.core.services.archive import import_archive

            return import_archive(archive, dest, ctx)

        title = translate("CaseLifecycle", "Opening the case archive “{name}”")
        job = self.runner.start_job(title.format(name=Path(archive).name), unpack)
        job.finished.connect(lambda result: self.open_case(str(result.path)))
        job.failed.connect(lambda exc: self.openFailed.emit(archive, exc))
        self.jobStarted.emit(job)
        return job

    def open_demo(self) -> None:
        path = demo_case_path()
        if (path / "case.sqlite").exists():
            self.open_case(str(path))
            return
        self.busy.emit(translate("CaseLifecycle", "Building the demo case (a few seconds, once)…"))

        def build() -> Path:
            from casefile.demo import build_demo_case

            path.parent.mkdir(parents=True, exist_ok=True)
            return build_demo_case(path)

        self.runner.write(
            build,
            on_done=lambda p: self.open_case(str(p)),
            on_error=lambda exc: self.openFailed.emit("", exc),
        )

    def open_case(self, path: str, readonly: bool = False) -> None:
        """Open in the background; `openFailed` says why if it cannot be."""
        if self.opening:
            return
        self.opening = True
        self.busy.emit(translate("CaseLifecycle", "Opening “{name}”…").format(name=Path(path).stem))

        def failed(exc: Any) -> None:
            self.opening = False
            self.openFailed.emit(path, exc)

        def opened(case: Any) -> None:
            self.opening = False
            self._attach(case)

        def open_in_background() -> Any:
            from casefile.core import services  # the first import happens here, off the UI

            return services.open_case(path, readonly=readonly)

        # On the writer thread: it runs after any queued close of the same case.
        self.runner.write(open_in_background, on_done=opened, on_error=failed)

    def _attach(self, case: Any) -> None:
        from casefile.ui.controller import CaseController

        self.close_case()
        self.controller = CaseController(case, self.runner, self)
        self.attached.emit(self.controller)

    def close_case(self) -> None:
        controller = self.controller
        if controller is None:
            return
        self.controller = None
        self.closing.emit(controller)
        for job in list(self.runner.jobs):
            job.cancel()
        from casefile.core import services

        # Close on the writer thread, after every queued write has finished.
        self.runner.write(services.close_case, controller.case)
