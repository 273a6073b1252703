"""The intake side of an import: which files there are, and each one hashed, checked
against the case and stored as evidence before any extraction begins."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from casefile.core.case import SUFFIX, Case
from casefile.core.ingest.types import Extraction, FileType, ImportOutcome, Status
from casefile.core.jobs import JobContext
from casefile.core.originals import hash_file
from casefile.core.vocabulary import ImportResult


@dataclass
class ImportOptions:
    kind: str | None = None
    source: str | None = None
    password: str | None = None
    timeout_s: float = 60.0
    memory_mb: int = 1536
    inline: bool = False  # extract in this process (debugging only; no isolation)


@dataclass
class Item:
    path: Path  # where the user's file is
    display: str  # what to call it in messages
    name: str  # the original file name, as recorded on the document
    sha256: str
    size: int
    stored: Path
    parent_uid: str | None = None
    future: Future[Extraction] | None = None


@dataclass
class Run:
    case: Case
    ctx: JobContext
    options: ImportOptions
    outcomes: list[ImportOutcome] = field(default_factory=list)
    known: dict[str, str] = field(default_factory=dict)  # sha -> title, in case or batch
    rows: list[tuple[Item, Extraction]] = field(default_factory=list)
    locked: dict[str, str] = field(default_factory=dict)  # sha -> uid, password required
    unindexed: int = 0  # documents written but not yet indexed
    last_index: float = field(default_factory=time.monotonic)
    retry_with_password: list[tuple[str, str]] = field(default_factory=list)  # uid, path
    sync_index: Callable[[Case], None] = lambda _case: None  # see importer.IndexSync


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, str | None]]:
    """Every file under the given paths, with a reason instead when one can't be read."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for dirpath, dirnames, filenames in os.walk(p, onerror=None):
                # Never import a case into itself, nor hidden folders (.git, .DS_Store…).
                dirnames[:] = sorted(
                    d for d in dirnames if not d.startswith(".") and not d.endswith(SUFFIX)
                )
                for name in sorted(filenames):
                    if name.startswith("."):
                        continue
                    yield Path(dirpath) / name, None
        elif p.is_file():
            yield p, None
        elif p.exists():
            yield p, "This is not a regular file (a device, socket or pipe); it was skipped."
        else:
            yield p, "There is no file or folder at this path."


def prepare(run: Run, path: Path, problem: str | None) -> Item | None:
    """Hash, dedupe and store one file; None when there is nothing more to do for it."""
    display = str(path)
    if problem:
        run.outcomes.append(ImportOutcome(display, ImportResult.FAILED, reason=problem))
        return None
    try:
        sha, _size = hash_file(path)
    except PermissionError:
        run.outcomes.append(
            ImportOutcome(
                display,
                ImportResult.FAILED,
                reason="Casefile is not allowed to read this file; check its permissions.",
            )
        )
        return None
    except OSError as exc:
        run.outcomes.append(
            ImportOutcome(
                display,
                ImportResult.FAILED,
                reason=f"The file could not be read ({exc.strerror or exc}).",
            )
        )
        return None
    if sha in run.locked and run.options.password:
        # Already in the case but unreadable until now: try the password given.
        run.retry_with_password.append((run.locked.pop(sha), display))
        return None
    if sha in run.known:
        if not run.case.store.intact(sha):
            run.outcomes.append(restore_original(run.case, path, display, sha))
            return None
        run.outcomes.append(
            ImportOutcome(display, ImportResult.DUPLICATE, duplicate_of=run.known[sha])
        )
        return None
    try:
        stored = run.case.store.put_file(path, durable=False)
    except OSError as exc:
        run.outcomes.append(
            ImportOutcome(
                display,
                ImportResult.FAILED,
                reason=f"The original could not be stored in the case ({exc.strerror or exc}); "
                "check the free disk space.",
            )
        )
        return None
    if stored.sha256 != sha:  # the file changed between hashing and copying
        sha = stored.sha256
    run.known[sha] = path.name
    return Item(path, display, path.name, sha, stored.size, stored.path)


def restore_original(case: Case, path: Path, display: str, sha: str) -> ImportOutcome:
    """The same bytes as a document whose stored original is missing or altered: put
    them back (the store replaces a bad blob) and say so in the audit log, instead of
    refusing them as a duplicate (docs/architecture.md, originals)."""
    from sqlalchemy import select

    from casefile.core.db import audit
    from casefile.core.db.schema import Document

    try:
        stored = case.store.put_file(path)
    except OSError as exc:
        return ImportOutcome(
            display,
            ImportResult.FAILED,
            reason=f"The original could not be restored in the case ({exc.strerror or exc}).",
        )
    if stored.sha256 != sha:  # the file changed while it was being read
        return ImportOutcome(
            display,
            ImportResult.FAILED,
            reason="The file changed while it was read; import it again.",
        )
    with case.session() as s:
        doc = s.execute(select(Document.uid, Document.title).where(Document.sha256 == sha)).first()
        if doc is None:  # stored earlier in this same import: nothing to restore
            return ImportOutcome(display, ImportResult.DUPLICATE, duplicate_of=path.name)
        audit.record(
            s,
            "restore_original",
            doc.uid,
            after={"sha256": sha, "restored_from": str(path), "title": doc.title},
        )
    return ImportOutcome(
        display,
        ImportResult.RESTORED,
        document_uid=doc.uid,
        title=doc.title,
        reason=f"The stored original of “{doc.title}” was missing or altered; it was restored "
        "from this file (the same SHA-256).",
    )


def too_large(item: Item) -> Extraction:
    return Extraction(
        file_type=FileType.UNKNOWN,
        status=Status.FAILED,
        reason=(
            f"The file is too large to extract text from ({item.size / 2**20:.0f} MB); "
            "the original is kept in the case."
        ),
    )
