"""The intake side of an import: which files there are, and each one hashed, checked
against the case and stored as evidence before any extraction begins."""

from __future__ import annotations

import hashlib
import os
import stat
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.core.case import SUFFIX, Case
from casefile.core.db.schema import Document
from casefile.core.i18n import N_
from casefile.core.ingest.names import shown
from casefile.core.ingest.types import Extraction, FileType, ImportOutcome, Status
from casefile.core.jobs import JobContext
from casefile.core.vocabulary import ImportResult


@dataclass
class ImportOptions:
    kind: str | None = None
    source: str | None = None
    password: str | None = None
    timeout_s: float = 60.0
    memory_mb: int = 1536
    inline: bool = False  # extract in this process (debugging only; no isolation)
    follow_links: bool = False  # follow links leading outside an imported folder


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
    link_target: str | None = None  # the user's file was a link to this path
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)  # of its document
    group: Any = None  # attachments.MessageGroup: the message this attachment belongs to
    completing: bool = False  # already in the case: only its missing attachments are new


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
    incomplete: dict[str, str] = field(default_factory=dict)  # sha -> uid, see below
    sync_index: Callable[[Case], None] = lambda _case: None  # see importer.IndexSync
    stage_index: Callable[..., None] = lambda _case, _uids, _helper: None  # IndexStage
    helper: Callable[..., Future[Any]] | None = None  # a task in the workers (IndexStage)


@dataclass(frozen=True)
class Found:
    """One entry met while walking what the user gave: a file to read, or a reason why
    not (`result` "skipped" or "failed")."""

    path: Path
    problem: str | None = None
    result: ImportResult = ImportResult.FAILED
    link_target: str | None = None  # a symbolic link followed: where it led


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return N_("a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return N_("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("a device")
    if stat.S_ISDIR(mode):
        return N_("a folder")
    return N_("not a regular file")


# An import's problems are recorded sentences (docs/architecture.md, "Languages"):
# English, marked with N_, shown through translate_recorded.
def _not_regular(mode: int) -> str:
    return N_("This is %(kind)s, not a regular file; it was skipped.") % {"kind": _kind_of(mode)}


_UNREADABLE = N_("The file could not be read (%(error)s).")
_DANGLING = N_("This link leads nowhere (its target is missing).")


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _entry(full: Path, root: str, follow_links: bool) -> Found:
    """What to do with one name found in a folder. Only regular files are read; a link
    is followed only when it stays inside the folder being imported, or on request."""
    try:
        lst = os.lstat(full)
    except OSError as exc:
        return Found(full, _UNREADABLE % {"error": exc.strerror or exc})
    target = None
    st = lst
    if stat.S_ISLNK(lst.st_mode):
        target = os.path.realpath(full)
        if not follow_links and not _inside(target, root):
            return Found(
                full,
                N_(
                    "This is a link to “%(target)s”, outside the folder being imported; it "
                    "was not followed (import that file itself, or allow links to be followed)."
                )
                % {"target": shown(target)},
                ImportResult.SKIPPED,
            )
        try:
            st = os.stat(full)
        except OSError:
            return Found(full, _DANGLING, ImportResult.SKIPPED)
    if not stat.S_ISREG(st.st_mode):
        return Found(full, _not_regular(st.st_mode), ImportResult.SKIPPED)
    return Found(full, link_target=target)


def iter_files(
    paths: Iterable[str | os.PathLike[str]], follow_links: bool = False
) -> Iterator[Found]:
    """Every file under the given paths, with a reason instead when one can't be read.
    Folders that cannot be listed are reported (os.walk would drop them silently)."""
    for raw in paths:
        p = Path(raw)
        try:
            st = os.stat(p)  # a path the user named is followed, link or not
        except FileNotFoundError:
            reason = _DANGLING if p.is_symlink() else N_("There is no file or folder at this path.")
            yield Found(p, reason)
            continue
        except OSError as exc:
            yield Found(
                p,
                N_("This path could not be read (%(error)s).") % {"error": exc.strerror or exc},
            )
            continue
        if stat.S_ISREG(st.st_mode):
            yield Found(p)
            continue
        if not stat.S_ISDIR(st.st_mode):
            yield Found(p, _not_regular(st.st_mode), ImportResult.SKIPPED)
            continue
        root = os.path.realpath(p)
        unreadable: list[OSError] = []
        seen = {root}
        for dirpath, dirnames, filenames in os.walk(
            p, onerror=unreadable.append, followlinks=follow_links
        ):
            while unreadable:
                yield _unreadable_folder(unreadable.pop(0))
            kept = []
            # Never import a case into itself, nor hidden folders (.git, .DS_Store…).
            for d in sorted(dirnames):
                if d.startswith(".") or d.endswith(SUFFIX):
                    continue
                full = Path(dirpath) / d
                if os.path.islink(full):
                    target = os.path.realpath(full)
                    if not follow_links:
                        if not _inside(target, root):
                            yield Found(
                                full,
                                N_(
                                    "This is a link to the folder “%(target)s”, outside the "
                                    "folder being imported; it was not followed."
                                )
                                % {"target": shown(target)},
                                ImportResult.SKIPPED,
                            )
                        continue  # a link inside is walked where it really is
                    if target in seen:
                        continue  # a loop, or a folder already walked
                    seen.add(target)
                kept.append(d)
            dirnames[:] = kept
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                yield _entry(Path(dirpath) / name, root, follow_links)
        while unreadable:
            yield _unreadable_folder(unreadable.pop(0))


def _unreadable_folder(exc: OSError) -> Found:
    where = Path(exc.filename) if exc.filename else Path("?")
    why = (
        N_("permission denied") if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
    )
    return Found(
        where,
        N_("This folder could not be read (%(error)s); the files in it were not imported.")
        % {"error": why},
    )


def _open_regular(path: Path) -> int | str:
    """A descriptor of `path` if it is a regular file, else the reason it is not. The open
    never blocks: a FIFO swapped in after the walk would hang a plain `open` forever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        return _not_regular(st.st_mode)
    return fd


def _hash_fd(fd: int) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with os.fdopen(fd, "rb") as f:
        while chunk := f.read(1024 * 1024):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def prepare(run: Run, found: Found) -> Item | None:
    """Hash, dedupe and store one file; None when there is nothing more to do for it."""
    path = found.path
    display = shown(path)
    if found.problem:
        run.outcomes.append(ImportOutcome(display, found.result, reason=found.problem))
        return None
    try:
        opened = _open_regular(path)
        if isinstance(opened, str):
            run.outcomes.append(ImportOutcome(display, ImportResult.SKIPPED, reason=opened))
            return None
        sha, size = _hash_fd(opened)
    except PermissionError:
        run.outcomes.append(
            ImportOutcome(
                display,
                ImportResult.FAILED,
                reason=N_("Casefile is not allowed to read this file; check its permissions."),
            )
        )
        return None
    except OSError as exc:
        run.outcomes.append(
            ImportOutcome(
                display,
                ImportResult.FAILED,
                reason=_UNREADABLE % {"error": exc.strerror or exc},
            )
        )
        return None
    if size == 0:
        # All empty files share one hash: never call one "already in the case as" another.
        run.outcomes.append(ImportOutcome(display, ImportResult.EMPTY, reason=EMPTY_NOT_KEPT))
        return None
    if sha in run.locked and run.options.password:
        # Already in the case but unreadable until now: try the password given.
        run.retry_with_password.append((run.locked.pop(sha), display))
        return None
    if sha in run.known:
        if not run.case.store.intact(sha):
            run.outcomes.append(restore_original(run.case, path, display, sha))
            return None
        if sha in run.incomplete:
            # A message in the case without all its attachments (an import interrupted
            # by an older version): read it again, so the missing attachments are added.
            item = Item(path, display, path.name, sha, size, run.case.store.path_for(sha))
            item.uid = run.incomplete.pop(sha)
            item.completing = True
            return item
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
                reason=N_(
                    "The original could not be stored in the case (%(error)s); check the free "
                    "disk space."
                )
                % {"error": exc.strerror or exc},
            )
        )
        return None
    if stored.sha256 != sha:  # the file changed between hashing and copying
        sha = stored.sha256
    run.known[sha] = shown(path.name)
    item = Item(path, display, path.name, sha, stored.size, stored.path)
    item.link_target = found.link_target
    return item


EMPTY_NOT_KEPT = N_("The file is empty (0 bytes): there is nothing in it to keep or read.")


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
            reason=N_("The original could not be restored in the case (%(error)s).")
            % {"error": exc.strerror or exc},
        )
    if stored.sha256 != sha:  # the file changed while it was being read
        return ImportOutcome(
            display,
            ImportResult.FAILED,
            reason=N_("The file changed while it was read; import it again."),
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
        reason=N_(
            "The stored original of “%(title)s” was missing or altered; it was restored from "
            "this file (the same SHA-256)."
        )
        % {"title": doc.title},
    )


def too_large(item: Item) -> Extraction:
    return Extraction(
        file_type=FileType.UNKNOWN,
        status=Status.FAILED,
        reason=N_(
            "The file is too large to extract text from (%(size).0f MB); the original is kept "
            "in the case."
        )
        % {"size": item.size / 2**20},
    )


def incomplete_messages(session: Session) -> dict[str, str]:
    """sha256 -> uid of messages in the case with fewer attached documents than the
    attachments they name (an import of an older version was interrupted between the
    message and its attachments): importing such a message again completes it."""
    children = (
        select(Document.parent_id, func.count().label("n"))
        .where(Document.parent_id.is_not(None))
        .group_by(Document.parent_id)
        .subquery()
    )
    rows = session.execute(
        select(Document.sha256, Document.uid, Document.extra, children.c.n)
        .outerjoin(children, children.c.parent_id == Document.id)
        .where(Document.file_type.in_(("email", "msg")))
    )
    found = {}
    for sha, uid, extra, n in rows:
        named = extra.get("attachments", "") if isinstance(extra, dict) else ""
        if named and (n or 0) < len(named.split(", ")):
            found[sha] = uid
    return found
